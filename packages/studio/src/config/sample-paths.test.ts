import { describe, expect, it } from 'vitest';
import { keysAt, pathName, typedPath } from './sample-paths.js';

const at = (text: string) => typedPath(text, text.length);

describe('typedPath', () => {
  it('reads the segments before the cursor and the partial name at it', () => {
    expect(at('body.line_items.')).toEqual({ segments: ['body', 'line_items'], prefix: '', from: 16 });
    expect(at('$sum(body.line_items.qu')).toEqual({
      segments: ['body', 'line_items'],
      prefix: 'qu',
      from: 21,
    });
    expect(at('bo')).toEqual({ segments: [], prefix: 'bo', from: 0 });
    expect(at('')).toEqual({ segments: [], prefix: '', from: 0 });
  });

  it('skips predicates and indexes, reads backticked names and treats $. as the root', () => {
    expect(at('items[qty > 1].')?.segments).toEqual(['items']);
    expect(at('orders[0].lines[sku = "a"][0].')?.segments).toEqual(['orders', 'lines']);
    expect(at('`first name`.x')).toMatchObject({ segments: ['first name'], prefix: 'x' });
    expect(at('$.body.')?.segments).toEqual(['body']);
    expect(at('$$.body.')?.segments).toEqual(['body']);
  });

  it('gives nothing inside strings and comments, on variables, or after a non-path', () => {
    expect(at('"body.')).toBeUndefined();
    expect(at('/* body.')).toBeUndefined();
    expect(at('$order.')).toBeUndefined();
    expect(at('$su')).toBeUndefined();
    expect(at('$f(x).')).toBeUndefined();
    expect(at('"a.b" & body.')?.segments).toEqual(['body']);
  });

  it('does not read a range as a path step: after `..` a path starts afresh', () => {
    expect(at('[1..')).toEqual({ segments: [], prefix: '', from: 4 });
  });
});

describe('keysAt', () => {
  const sample = {
    headers: { 'content-type': 'application/json' },
    body: {
      id: 7,
      line_items: [
        { sku: 'A', qty: 1 },
        { sku: 'B', note: 'gift', tags: [{ name: 'x' }] },
      ],
    },
  };

  it('lists the top-level keys for an empty path', () => {
    expect(keysAt(sample, []).map((k) => k.key)).toEqual(['headers', 'body']);
  });

  it('looks through arrays and merges the keys of all items with their types', () => {
    expect(keysAt(sample, ['body', 'line_items'])).toEqual([
      { key: 'sku', type: 'string' },
      { key: 'qty', type: 'number' },
      { key: 'note', type: 'string' },
      { key: 'tags', type: 'array' },
    ]);
    expect(keysAt(sample, ['body', 'line_items', 'tags'])).toEqual([{ key: 'name', type: 'string' }]);
    expect(keysAt([{ a: 1 }, [{ b: null }]], [])).toEqual([
      { key: 'a', type: 'number' },
      { key: 'b', type: 'null' },
    ]);
  });

  it('gives nothing for missing paths, scalars and no sample', () => {
    expect(keysAt(sample, ['body', 'nope'])).toEqual([]);
    expect(keysAt(sample, ['body', 'id'])).toEqual([]);
    expect(keysAt(undefined, [])).toEqual([]);
  });
});

describe('pathName', () => {
  it('backticks names that are not identifiers', () => {
    expect(pathName('line_items')).toBe('line_items');
    expect(pathName('content-type')).toBe('`content-type`');
  });
});
