import { describe, expect, it } from 'vitest';
import { fileArrivedCursorOf } from './file-arrived-cursor.js';

describe('file arrived cursor', () => {
  it('reads a stored cursor and drops only the entries it cannot read', () => {
    const stored = JSON.parse(
      JSON.stringify({
        files: [
          { name: '__proto__', size: 3, mtimeMs: 1000, sha256: 'abcd', settled: true },
          { name: 'bad', size: -1, mtimeMs: 1000, sha256: 'abcd' },
        ],
        toArchive: [{ name: 'a.edi', size: 1, mtimeMs: 2 }, 'garbage'],
      }),
    );
    expect(fileArrivedCursorOf(stored)).toEqual({
      files: [{ name: '__proto__', size: 3, mtimeMs: 1000, sha256: 'abcd', settled: true }],
      toArchive: [{ name: 'a.edi', size: 1, mtimeMs: 2 }],
    });
  });

  it('treats a missing or foreign cursor as the first poll', () => {
    for (const value of [undefined, null, 'x', [], { writeDate: '2025-01-01' }]) {
      expect(fileArrivedCursorOf(value)).toEqual({ files: [], toArchive: [] });
    }
  });
});
