import { Component, type ReactNode } from 'react';

/** Keeps one broken page from blanking the studio: says what happened and offers a reload. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="banner error" role="alert">
        This page failed to show: {this.state.error.message}{' '}
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
