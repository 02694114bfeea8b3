import { StoreInputError } from './store-errors.js';

/**
 * Normalises a timestamp to the one text form the store keeps (ISO 8601, UTC, milliseconds), so
 * comparisons between stored text and caller input are comparisons of instants. `+02:00` offsets
 * and missing milliseconds would otherwise sort wrongly.
 *
 * @example
 * isoTimestamp('2025-03-01T10:00:00+01:00', 'runAt'); // '2025-03-01T09:00:00.000Z'
 */
export function isoTimestamp(value: string, what: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new StoreInputError(`${what} must be an ISO 8601 timestamp; "${value}" is not one.`);
  }
  return new Date(ms).toISOString();
}

/**
 * The store's text form of a millisecond clock reading.
 *
 * @example
 * isoAt(0); // '1970-01-01T00:00:00.000Z'
 */
export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}
