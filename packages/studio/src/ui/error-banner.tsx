import { ApiError } from '../api/client.js';

/**
 * The sentence of a failed call (and the field it names), or nothing.
 *
 * @example
 * <ErrorBanner error={saveError} />
 */
export function ErrorBanner({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const pointer = error instanceof ApiError && error.pointer ? ` (${error.pointer})` : '';
  return (
    <div className="banner error" role="alert">
      {message}
      {pointer}
    </div>
  );
}
