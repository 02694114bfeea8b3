import { describe, expect, it } from 'vitest';
import { formatPointer, parsePointer } from './json-pointer.js';

describe('JSON pointers', () => {
  it('escape "~" as ~0 and "/" as ~1', () => {
    expect(formatPointer(['config', 'a/b~c', 0])).toBe('/config/a~1b~0c/0');
    expect(formatPointer([])).toBe('');
  });

  it('decode ~1 before ~0, so "~01" stays a literal "~1"', () => {
    expect(parsePointer('/a~1b~0c')).toEqual(['a/b~c']);
    expect(parsePointer('/~01')).toEqual(['~1']);
    expect(parsePointer('/')).toEqual(['']);
    expect(parsePointer('')).toEqual([]);
  });

  it('reject text that is not a pointer', () => {
    expect(parsePointer('config')).toBeUndefined();
    expect(parsePointer('/a~2')).toBeUndefined();
    expect(parsePointer('/a~')).toBeUndefined();
  });

  it('round-trip any key', () => {
    const keys = ['plain', 'with/slash', 'with~tilde', '~1', '~0/~1', ''];
    expect(parsePointer(formatPointer(keys))).toEqual(keys);
  });
});
