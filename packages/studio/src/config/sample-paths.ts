/**
 * What the JSONata editor suggests from the pinned sample: the field path being typed before the
 * cursor, and the keys found at that path. Pure, so it is tested without an editor.
 */

/** The path being typed: the complete segments before the last dot, and the partial name after it. */
export interface TypedPath {
  segments: string[];
  /** The partial name at the cursor ('' right after a dot). */
  prefix: string;
  /** Document offset where the partial name starts (where a completion replaces from). */
  from: number;
}

const NAME = /[\p{L}\p{N}_]/u;

/**
 * The field path that ends at `pos`, or undefined when the cursor is not on a path (inside a
 * string or comment, or on a `$variable`). Predicates and indexes (`items[qty > 1].`) are
 * skipped; a leading `$.` or `$$.` means the root, like no prefix at all.
 *
 * @example
 * typedPath('$sum(body.line_items.qu', 23); // { segments: ['body', 'line_items'], prefix: 'qu', from: 21 }
 */
export function typedPath(text: string, pos: number): TypedPath | undefined {
  if (insideLiteral(text, pos)) return undefined;
  let i = pos;
  while (i > 0 && NAME.test(text.charAt(i - 1))) i--;
  const from = i;
  const prefix = text.slice(from, pos);
  const segments: string[] = [];
  let expectSegment = false;
  for (;;) {
    if (!expectSegment) {
      if (text.charAt(i - 1) !== '.' || text.charAt(i - 2) === '.') break; // `..` is a range
      i--;
      expectSegment = true;
      continue;
    }
    while (text.charAt(i - 1) === ']') i = skipBracket(text, i - 1);
    if (i < 0) return undefined;
    const end = i;
    if (text.charAt(i - 1) === '`') {
      const open = text.lastIndexOf('`', i - 2);
      if (open < 0) return undefined;
      segments.unshift(text.slice(open + 1, i - 1));
      i = open;
    } else {
      while (i > 0 && NAME.test(text.charAt(i - 1))) i--;
      if (i === end) {
        // `$.` and `$$.` start from the root; anything else before the dot (`).`, `}.`) is not a path.
        return text.charAt(i - 1) === '$' ? { segments, prefix, from } : undefined;
      }
      segments.unshift(text.slice(i, end));
    }
    expectSegment = false;
  }
  const head = text.charAt(i - 1);
  if (head === '$') return undefined; // a variable or function name, not a field
  return { segments, prefix, from };
}

/** Index of the `[` matching the `]` at `close`, or -1. */
function skipBracket(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const c = text.charAt(i);
    if (c === ']') depth++;
    else if (c === '[' && --depth === 0) return i;
  }
  return -1;
}

/** True when `pos` is inside a string literal or a comment. */
function insideLiteral(text: string, pos: number): boolean {
  let quote: string | undefined;
  let comment = false;
  for (let i = 0; i < pos; i++) {
    const c = text.charAt(i);
    if (comment) {
      if (c === '*' && text.charAt(i + 1) === '/') {
        comment = false;
        i++;
      }
    } else if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '/' && text.charAt(i + 1) === '*') {
      comment = true;
      i++;
    }
  }
  return quote !== undefined || comment;
}

/** One key found in the sample, with the JSON type of (the first of) its values. */
export interface SampleKey {
  key: string;
  type: string;
}

const jsonType = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** Arrays are looked through, as JSONata maps a path step over an array's items. */
function flatten(values: unknown[]): unknown[] {
  return values.flatMap((v) => (Array.isArray(v) ? flatten(v) : [v]));
}

/**
 * The keys at a path in the sample, arrays looked through, in first-seen order.
 *
 * @example
 * keysAt({ body: { line_items: [{ sku: 'A', qty: 1 }, { sku: 'B', note: 'x' }] } }, ['body', 'line_items']);
 * // [{ key: 'sku', type: 'string' }, { key: 'qty', type: 'number' }, { key: 'note', type: 'string' }]
 */
export function keysAt(sample: unknown, segments: readonly string[]): SampleKey[] {
  let values = flatten([sample]);
  for (const segment of segments) {
    values = flatten(
      values.flatMap((v) =>
        typeof v === 'object' && v !== null && Object.hasOwn(v, segment)
          ? [(v as Record<string, unknown>)[segment]]
          : [],
      ),
    );
  }
  const found = new Map<string, string>();
  for (const value of values) {
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, inner] of Object.entries(value)) if (!found.has(key)) found.set(key, jsonType(inner));
  }
  return [...found].map(([key, type]) => ({ key, type }));
}

/**
 * A key as JSONata needs it written: names that are not plain identifiers go in backticks.
 *
 * @example
 * pathName('first name'); // '`first name`'
 */
export function pathName(key: string): string {
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(key) ? key : `\`${key}\``;
}
