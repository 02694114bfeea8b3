/** Small formatting helpers shared by the operations pages. */

/** A moment as the reader's local date and time, or a dash. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/**
 * A duration for people: milliseconds under a second, then seconds, minutes, hours.
 *
 * @example
 * formatDuration(1530); // '1.5 s'
 */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
  return `${Math.floor(ms / 3_600_000)} h ${Math.round((ms % 3_600_000) / 60_000)} min`;
}

/** How long an execution took: its recorded duration, else the span between its start and finish. */
export function executionDuration(row: {
  durationMs?: number | null;
  startedAt: string | null;
  finishedAt: string | null;
}): number | null {
  if (typeof row.durationMs === 'number') return row.durationMs;
  if (row.startedAt && row.finishedAt) return Date.parse(row.finishedAt) - Date.parse(row.startedAt);
  return null;
}

/** The first 12 characters of a revision hash, as the CLI shows them. */
export function shortHash(hash: string | null | undefined): string {
  return hash ? hash.slice(0, 12) : '—';
}

/** JSON on one line for tables; long values are cut so a row stays a row. */
export function compactJson(value: unknown, max = 300): string {
  if (value === undefined || value === null) return '';
  const text = JSON.stringify(value) ?? '';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** An ISO moment as the value of an <input type="datetime-local"> in the reader's time zone. */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of an <input type="datetime-local"> (local time) as an ISO moment, or '' when empty. */
export function localInputToIso(value: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
