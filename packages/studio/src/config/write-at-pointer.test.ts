import { describe, expect, it } from 'vitest';
import { writeAtPointer } from './write-at-pointer.js';

describe('writeAtPointer', () => {
  it('sets, creates missing objects and removes with undefined, leaving the original alone', () => {
    const root = { a: { b: 1 }, keep: true };
    expect(writeAtPointer(root, '/a/c', 2)).toEqual({ a: { b: 1, c: 2 }, keep: true });
    expect(writeAtPointer(root, '/x/y', 'z')).toEqual({ a: { b: 1 }, keep: true, x: { y: 'z' } });
    expect(writeAtPointer(root, '/a', undefined)).toEqual({ keep: true });
    expect(root).toEqual({ a: { b: 1 }, keep: true });
  });

  it('appends at the length, replaces below it and removes with a shift', () => {
    const root = { list: ['a', 'b'] };
    expect(writeAtPointer(root, '/list/2', 'c')).toEqual({ list: ['a', 'b', 'c'] });
    expect(writeAtPointer(root, '/list/0', 'z')).toEqual({ list: ['z', 'b'] });
    expect(writeAtPointer(root, '/list/0', undefined)).toEqual({ list: ['b'] });
  });

  it('unescapes segments and replaces the whole value at the empty pointer', () => {
    expect(writeAtPointer({}, '/a~1b~0c', 1)).toEqual({ 'a/b~c': 1 });
    expect(writeAtPointer({ a: 1 }, '', { b: 2 })).toEqual({ b: 2 });
  });
});
