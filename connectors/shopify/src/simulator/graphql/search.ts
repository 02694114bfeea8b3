/**
 * The subset of Shopify's search syntax the simulator understands, for `query:` arguments:
 * `field:value`, comparisons (`updated_at:>='2025-03-01T00:00:00Z'`), quoted values, implicit
 * AND, `AND`, `OR`, `NOT` / `-term` and parentheses. Fields a resource does not know match
 * nothing, as Shopify ignores nothing silently only for free text.
 */

/**
 * One `field:op value` term.
 *
 * @example
 * const term: SearchTerm = { field: 'updated_at', op: '>=', value: '2025-03-01T00:00:00Z' };
 */
export interface SearchTerm {
  field: string | undefined;
  op: ':' | '<' | '<=' | '>' | '>=';
  value: string;
}

/**
 * A parsed query as a predicate over records, given how one term matches one record.
 *
 * @example
 * const matches = compileSearch("sku:'SKU-1001' OR sku:SKU-1002", (variant, term) => variant.sku === term.value);
 * matches({ sku: 'SKU-1002' }); // true
 */
export function compileSearch<T>(
  query: string | null | undefined,
  matchTerm: (record: T, term: SearchTerm) => boolean,
): (record: T) => boolean {
  const tokens = tokenize(query ?? '');
  if (tokens.length === 0) return () => true;
  let position = 0;
  type Node = (record: T) => boolean;
  const peek = () => tokens[position];
  const parseOr = (): Node => {
    const parts = [parseAnd()];
    while (peek() === 'OR') {
      position += 1;
      parts.push(parseAnd());
    }
    return (record) => parts.some((part) => part(record));
  };
  const parseAnd = (): Node => {
    const parts = [parseUnary()];
    for (;;) {
      const next = peek();
      if (next === undefined || next === 'OR' || next === ')') break;
      if (next === 'AND') position += 1;
      parts.push(parseUnary());
    }
    return (record) => parts.every((part) => part(record));
  };
  const parseUnary = (): Node => {
    const token = tokens[position++];
    if (token === 'NOT') {
      const inner = parseUnary();
      return (record) => !inner(record);
    }
    if (token === '(') {
      const inner = parseOr();
      if (peek() === ')') position += 1;
      return inner;
    }
    if (token === undefined || token === ')' || token === 'AND' || token === 'OR') return () => true;
    const negated = token.startsWith('-') && token.length > 1;
    const term = parseTerm(negated ? token.slice(1) : token);
    return negated ? (record) => !matchTerm(record, term) : (record) => matchTerm(record, term);
  };
  return parseOr();
}

function parseTerm(token: string): SearchTerm {
  const match = /^([a-z_]+):(<=|>=|<|>)?(.*)$/i.exec(token);
  if (!match) return { field: undefined, op: ':', value: unquote(token) };
  const op = match[2] === '<=' || match[2] === '>=' || match[2] === '<' || match[2] === '>' ? match[2] : ':';
  return { field: (match[1] ?? '').toLowerCase(), op, value: unquote(match[3] ?? '') };
}

function unquote(value: string): string {
  const match = /^(['"])(.*)\1$/s.exec(value);
  return match ? (match[2] ?? '').replace(/\\(.)/g, '$1') : value;
}

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let index = 0;
  while (index < query.length) {
    const char = query[index] ?? '';
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    if (char === '(' || char === ')') {
      tokens.push(char);
      index += 1;
      continue;
    }
    let token = '';
    while (index < query.length) {
      const current = query[index] ?? '';
      if (/\s/.test(current) || current === ')' || (current === '(' && token === '')) break;
      if (current === '"' || current === "'") {
        const end = findClosing(query, index);
        token += query.slice(index, end + 1);
        index = end + 1;
        continue;
      }
      token += current;
      index += 1;
    }
    tokens.push(token);
  }
  return tokens;
}

function findClosing(query: string, start: number): number {
  const quote = query[start];
  for (let index = start + 1; index < query.length; index++) {
    if (query[index] === '\\') {
      index += 1;
      continue;
    }
    if (query[index] === quote) return index;
  }
  return query.length - 1;
}

/**
 * Compares a record's value with a term: dates and numbers by value, text case-insensitively,
 * `*` at the end as a prefix match.
 *
 * @example
 * compareTerm('2025-03-02T10:00:00Z', { field: 'updated_at', op: '>=', value: '2025-03-01' }); // true
 */
export function compareTerm(actual: string | number | null | undefined, term: SearchTerm): boolean {
  if (actual === null || actual === undefined) return false;
  if (term.op === ':') {
    const text = String(actual).toLowerCase();
    const wanted = term.value.toLowerCase();
    return wanted.endsWith('*') ? text.startsWith(wanted.slice(0, -1)) : text === wanted;
  }
  const left = typeof actual === 'number' ? actual : Date.parse(actual);
  const right = typeof actual === 'number' ? Number(term.value) : Date.parse(term.value);
  if (Number.isNaN(left) || Number.isNaN(right)) return false;
  if (term.op === '<') return left < right;
  if (term.op === '<=') return left <= right;
  if (term.op === '>') return left > right;
  return left >= right;
}
