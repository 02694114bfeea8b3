import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageLimit } from './paging.js';
import { StoreInputError } from './store-errors.js';

describe('paging', () => {
  it('round-trips a cursor and refuses one of another shape', () => {
    const cursor = encodeCursor(['2025-01-01T00:00:00.000Z', 'ex_1']);
    expect(decodeCursor(cursor, ['string', 'string'] as const)).toEqual(['2025-01-01T00:00:00.000Z', 'ex_1']);
    expect(() => decodeCursor(cursor, ['number'] as const)).toThrow(StoreInputError);
    expect(() => decodeCursor('%%%', ['string'] as const)).toThrow(/cursor/);
  });

  it('defaults the page size to 50 and keeps it between 1 and 500', () => {
    expect(pageLimit(undefined)).toBe(50);
    expect(pageLimit(0)).toBe(1);
    expect(pageLimit(7.9)).toBe(7);
    expect(pageLimit(10_000)).toBe(500);
  });
});
