import { parseDateTime } from '../data/dates.js';
import { findObject } from '../data/schema.js';
import type { FieldValue, ObjectDef, SimRecord } from '../data/schema-types.js';
import { TEXT_TYPES } from '../data/schema-types.js';
import type { RecordStore } from '../data/store.js';
import type { Condition, Literal, Operator, SoqlQuery } from './parser.js';
import { parseSoql } from './parser.js';
import { checkLiteral, type ResolvedPath, resolveObject, resolvePath } from './resolve.js';

/**
 * Runs a query of the subset over the store: resolves and type-checks every name first (so an
 * error shows even on an empty table), then filters, sorts, offsets and limits. Text compares
 * case-insensitively, as SOQL does; `!=` keeps records whose value is null, as SOQL does.
 */

/**
 * What a query found: the object, the rows and the resolved select list (or a count).
 *
 * @example
 * const result: QueryResult = runSoql('SELECT Id FROM Account LIMIT 2', store);
 * result.rows.length; // 2
 */
export interface QueryResult {
  object: ObjectDef;
  select: ResolvedPath[] | 'count';
  rows: SimRecord[];
}

/**
 * Parses and runs a SOQL text.
 *
 * @example
 * runSoql("SELECT Id, Name FROM Account WHERE External_Id__c IN ('CUST-0001', 'CUST-0002')", store).rows.length; // 2
 */
export function runSoql(soql: string, store: RecordStore): QueryResult {
  const query = parseSoql(soql);
  const object = resolveObject(soql, query.from);
  const select =
    query.select === 'count' ? 'count' : query.select.map((path) => resolvePath(soql, object, path));
  const where = query.where ? compile(query, object, query.where, store) : () => true;
  const order = query.orderBy.map((item) => ({ ...item, path: resolvePath(soql, object, item.field) }));
  let rows = store.all(object).filter(where);
  if (order.length > 0) {
    rows = [...rows].sort((left, right) => {
      for (const item of order) {
        const a = valueAt(store, left, item.path);
        const b = valueAt(store, right, item.path);
        if (a === b) continue;
        if (a === null) return item.nullsLast ? 1 : -1;
        if (b === null) return item.nullsLast ? -1 : 1;
        const difference = compareValues(item.path, a, b);
        if (difference !== 0) return item.descending ? -difference : difference;
      }
      return 0;
    });
  }
  const start = query.offset ?? 0;
  rows = rows.slice(start, query.limit === undefined ? undefined : start + query.limit);
  return { object, select, rows };
}

/**
 * The value a field path reaches from a record, following lookups; null when a lookup is empty.
 *
 * @example
 * valueAt(store, contact, resolvePath(soql, contactObject, { names: ['Account', 'Name'], offset: 0 })); // 'Acme Retail Inc.'
 */
export function valueAt(store: RecordStore, record: SimRecord, path: ResolvedPath): FieldValue {
  let current: SimRecord | undefined = record;
  for (const lookup of path.lookups) {
    const id: FieldValue = current[lookup.name] ?? null;
    const parent = findObject(lookup.referenceTo ?? '');
    current = typeof id === 'string' && parent ? store.get(parent, id) : undefined;
    if (!current) return null;
  }
  return current[path.field.name] ?? null;
}

function compile(
  query: SoqlQuery,
  object: ObjectDef,
  condition: Condition,
  store: RecordStore,
): (record: SimRecord) => boolean {
  const soql = query.text;
  if ('items' in condition) {
    const parts = condition.items.map((item) => compile(query, object, item, store));
    return condition.kind === 'and'
      ? (record) => parts.every((part) => part(record))
      : (record) => parts.some((part) => part(record));
  }
  if (condition.kind === 'not') {
    const inner = compile(query, object, condition.item, store);
    return (record) => !inner(record);
  }
  const path = resolvePath(soql, object, condition.field);
  if (condition.kind === 'in') {
    const values = condition.values.map((value) => checkLiteral(soql, path.field, '=', value));
    return (record) => {
      const held = valueAt(store, record, path);
      const found = values.some((value) => matches(path, held, '=', value));
      return condition.negate ? !found : found;
    };
  }
  const value = checkLiteral(soql, path.field, condition.op, condition.value);
  return (record) => matches(path, valueAt(store, record, path), condition.op, value);
}

function matches(path: ResolvedPath, held: FieldValue, op: Operator, literal: Literal): boolean {
  if (literal.kind === 'null') {
    return op === '=' ? held === null : op === '!=' ? held !== null : false;
  }
  if (held === null) return op === '!=';
  if (op === 'like') return likePattern(String('value' in literal ? literal.value : '')).test(String(held));
  const difference = compareValues(path, held, 'value' in literal ? literal.value : null);
  switch (op) {
    case '=':
      return difference === 0;
    case '!=':
      return difference !== 0;
    case '<':
      return difference < 0;
    case '<=':
      return difference <= 0;
    case '>':
      return difference > 0;
    default:
      return difference >= 0;
  }
}

function compareValues(path: ResolvedPath, a: FieldValue, b: FieldValue): number {
  const type = path.field.type;
  if (type === 'datetime') {
    const left = typeof a === 'number' ? a : (parseDateTime(String(a)) ?? 0);
    const right = typeof b === 'number' ? b : (parseDateTime(String(b)) ?? 0);
    return Math.sign(left - right);
  }
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  const left = TEXT_TYPES.has(type) ? String(a).toLowerCase() : String(a);
  const right = TEXT_TYPES.has(type) ? String(b).toLowerCase() : String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** LIKE: % is any run of characters, _ one character, \% and \_ themselves; case-insensitive. */
function likePattern(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] ?? '';
    if (char === '\\' && (pattern[index + 1] === '%' || pattern[index + 1] === '_')) {
      source += pattern[index + 1];
      index += 1;
    } else if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is');
}
