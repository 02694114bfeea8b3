import './operations.css';
import type { LiveState } from './use-execution-events.js';

/** An execution's or step's status as a coloured badge (classes from styles.css). */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`status ${status}`}>{status}</span>;
}

const LIVE_TEXT: Record<LiveState, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  offline: 'Not live',
};

/** Whether the page is receiving live events; a polite live region so screen readers hear a drop. */
export function LiveIndicator({ state }: { state: LiveState }) {
  return (
    <span className={`live-indicator ${state}`} role="status" aria-live="polite" title="Live updates">
      <span className="dot" aria-hidden="true" />
      {LIVE_TEXT[state]}
    </span>
  );
}
