import { valueError } from '../errors.js';
import { type DomainNode, mentionsActive, parseDomain } from './domain.js';
import { matches, ordering } from './domain-match.js';
import { modelOf } from './registry.js';
import { idsPointingTo, tableOf } from './rows.js';
import type { Env, ModelDef, Row, Value } from './types.js';
import { displayName, getValue } from './values.js';

export interface SearchOptions {
  offset?: number;
  limit?: number | null;
  order?: string | null;
}

interface OrderTerm {
  field: string;
  descending: boolean;
  nullsFirst: boolean;
}

/** `search` semantics: domain, implicit `active = True`, order, offset and limit. */
export function searchRows(env: Env, model: ModelDef, domain: unknown, options: SearchOptions = {}): Row[] {
  const node = withActiveTest(env, model, parseDomain(env.db, model, domain));
  const terms = parseOrder(model, options.order || model.order);
  const found = candidateRows(env, model, node).filter((row) => matches(env, model, row, node));
  sortRows(env, model, found, terms);
  const offset = Math.max(0, Number(options.offset ?? 0) || 0);
  const limit = options.limit === null || options.limit === undefined ? undefined : Number(options.limit);
  return found.slice(offset, limit === undefined || !Number.isFinite(limit) ? undefined : offset + limit);
}

export function searchIds(env: Env, model: ModelDef, domain: unknown, options: SearchOptions = {}): number[] {
  return searchRows(env, model, domain, options).map((row) => row.id);
}

/**
 * Rows worth testing: when the domain pins a stored many2one to one id (the common "lines of this order"
 * lookup), the reverse index gives them directly instead of a scan of the table.
 */
function candidateRows(env: Env, model: ModelDef, node: DomainNode): Row[] {
  const table = tableOf(env.db, model.name);
  const pinned = pinnedMany2one(model, node);
  if (!pinned) return [...table.values()];
  return idsPointingTo(env.db, model.name, pinned.field, pinned.id).flatMap((id) => table.get(id) ?? []);
}

function pinnedMany2one(model: ModelDef, node: DomainNode): { field: string; id: number } | undefined {
  if (node.kind === 'and') {
    for (const child of node.children) {
      const found = pinnedMany2one(model, child);
      if (found) return found;
    }
    return undefined;
  }
  if (
    node.kind !== 'leaf' ||
    node.path.length !== 1 ||
    node.operator !== '=' ||
    typeof node.value !== 'number'
  )
    return undefined;
  const field = model.fields[node.path[0]!];
  if (field?.type !== 'many2one' || field.compute || field.inheritedVia) return undefined;
  return { field: node.path[0]!, id: node.value };
}

function withActiveTest(env: Env, model: ModelDef, node: DomainNode): DomainNode {
  if (!('active' in model.fields) || env.context.active_test === false || mentionsActive(node)) return node;
  return { kind: 'and', children: [{ kind: 'leaf', path: ['active'], operator: '=', value: true }, node] };
}

/** Parses `"name desc, id"`; Odoo raises ValueError for unknown fields and malformed terms. */
export function parseOrder(model: ModelDef, order: string): OrderTerm[] {
  const terms: OrderTerm[] = [];
  for (const part of order.split(',')) {
    const words = part.trim().split(/\s+/);
    if (words.length === 1 && words[0] === '') continue;
    const [field, direction = 'asc', ...nulls] = words;
    const dir = direction.toLowerCase();
    const nullsText = nulls.join(' ').toLowerCase();
    const validNulls = nullsText === '' || nullsText === 'nulls first' || nullsText === 'nulls last';
    if (!field || !/^[a-z0-9_.]+$/i.test(field) || (dir !== 'asc' && dir !== 'desc') || !validNulls) {
      throw valueError(
        `Invalid "order" specified (${order}). A valid "order" specification is a comma-separated list of valid field names (optionally followed by asc/desc for the direction)`,
      );
    }
    const name = field.split('.')[0]!;
    if (!(name in model.fields)) throw valueError(`Invalid field '${name}' on model '${model.name}'`);
    const descending = dir === 'desc';
    // PostgreSQL puts NULLs last ascending and first descending unless told otherwise.
    const nullsFirst = nullsText === '' ? descending : nullsText === 'nulls first';
    terms.push({ field: name, descending, nullsFirst });
  }
  return terms;
}

export function sortRows(env: Env, model: ModelDef, rows: Row[], terms: OrderTerm[]): void {
  const keys = new Map<number, (number | string | undefined)[]>();
  for (const row of rows)
    keys.set(
      row.id,
      terms.map((term) => sortKey(env, model, row, term.field)),
    );
  rows.sort((a, b) => {
    const left = keys.get(a.id)!;
    const right = keys.get(b.id)!;
    for (let index = 0; index < terms.length; index++) {
      const term = terms[index]!;
      const l = left[index];
      const r = right[index];
      if (l === undefined || r === undefined) {
        if (l === r) continue;
        return (l === undefined) === term.nullsFirst ? -1 : 1;
      }
      const order = ordering(l, r) ?? 0;
      if (order !== 0) return term.descending ? -order : order;
    }
    return a.id - b.id;
  });
}

function sortKey(env: Env, model: ModelDef, row: Row, name: string): number | string | undefined {
  const field = model.fields[name]!;
  const value: Value = getValue(env, model, row, name);
  if (field.type === 'many2one') {
    // Odoo orders a many2one by the comodel's _order; its display name is the usual first key.
    if (typeof value !== 'number') return undefined;
    const comodel = modelOf(env.db, field.relation!);
    const target = tableOf(env.db, comodel.name).get(value);
    return target ? displayName(env, comodel, target).toLowerCase() : undefined;
  }
  if (value === false && field.type !== 'boolean') return undefined;
  if (typeof value === 'boolean') return Number(value);
  if (Array.isArray(value)) return value.length;
  return typeof value === 'string' ? value.toLowerCase() : value;
}
