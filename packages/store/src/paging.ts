import { StoreInputError } from './store-errors.js';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 500;

/**
 * Encodes the sort key of the last row of a page as an opaque cursor (base64url of JSON), so
 * callers cannot come to depend on its layout.
 *
 * @example
 * encodeCursor(['2025-01-01T00:00:00.000Z', 'ex_…']); // 'WyIyMDI1…'
 */
export function encodeCursor(key: Array<string | number>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by encodeCursor and checks it has the expected shape.
 *
 * @example
 * const [queuedAt, id] = decodeCursor(cursor, ['string', 'string']);
 */
export function decodeCursor<const T extends ReadonlyArray<'string' | 'number'>>(
  cursor: string,
  shape: T,
): { [K in keyof T]: T[K] extends 'number' ? number : string } {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (
    !Array.isArray(key) ||
    key.length !== shape.length ||
    shape.some((type, index) => typeof key[index] !== type)
  ) {
    throw new StoreInputError('The cursor is not one the store handed out; start again from the first page.');
  }
  return key as { [K in keyof T]: T[K] extends 'number' ? number : string };
}

/**
 * The page size to use: the default when absent, clamped to 1..500.
 *
 * @example
 * pageLimit(undefined); // 50
 * pageLimit(10_000); // 500
 */
export function pageLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAGE_LIMIT;
  return Math.min(Math.max(Math.floor(limit), 1), MAX_PAGE_LIMIT);
}
