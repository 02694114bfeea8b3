import { describe, expect, it } from 'vitest';
import { globMatcher } from './glob.js';
import { rejection } from './test-support.js';

describe('file name patterns', () => {
  it('match whole names with *, ?, sets and alternatives, ignoring case', () => {
    const edi = globMatcher('*.edi');
    expect(['PO1.edi', 'PO1.EDI', '.edi'].every(edi)).toBe(true);
    expect(['PO1.edi.bak', 'PO1.x12'].some(edi)).toBe(false);
    const either = globMatcher('PO?.{edi,x12}');
    expect(['PO1.edi', 'po2.X12'].every(either)).toBe(true);
    expect(either('PO12.edi')).toBe(false);
    expect(globMatcher('[!x]*.edi')('x1.edi')).toBe(false);
    expect(globMatcher('[a-c]1.edi')('B1.edi')).toBe(true);
    expect(globMatcher('a+b(1).edi')('a+b(1).edi')).toBe(true);
    expect(globMatcher('*')('anything at all')).toBe(true);
  });

  it('refuse paths and unbalanced brackets with a user error', async () => {
    for (const pattern of ['in/*.edi', '[abc', '{edi,x12', '[z-a].edi']) {
      expect(await rejection(Promise.resolve().then(() => globMatcher(pattern)))).toMatchObject({
        code: 'INVALID_PATTERN',
        kind: 'user',
      });
    }
  });
});
