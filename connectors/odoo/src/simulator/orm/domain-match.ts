import { type DomainNode, type Operator, parseDomain } from './domain.js';
import { isRelational, modelOf } from './registry.js';
import { rowOf, tableOf } from './rows.js';
import type { Env, FieldDef, ModelDef, Row, Value } from './types.js';
import { displayName, getValue } from './values.js';

/** Evaluates a parsed domain on one record, with PostgreSQL's NULL semantics where Odoo relies on them. */
export function matches(env: Env, model: ModelDef, row: Row, node: DomainNode): boolean {
  switch (node.kind) {
    case 'const':
      return node.value;
    case 'and':
      return node.children.every((child) => matches(env, model, row, child));
    case 'or':
      return node.children.some((child) => matches(env, model, row, child));
    case 'not':
      return !matches(env, model, row, node.child);
    case 'leaf':
      return matchLeaf(env, model, row, node.path, node.operator, node.value);
  }
}

function matchLeaf(
  env: Env,
  model: ModelDef,
  row: Row,
  path: string[],
  operator: Operator,
  target: unknown,
): boolean {
  const [name, ...rest] = path;
  const field = model.fields[name!]!;
  const value = getValue(env, model, row, name!);
  if (rest.length > 0) {
    // A dotted path holds when any related record satisfies the rest of it (Odoo's `any` rewrite).
    const comodel = modelOf(env.db, field.relation!);
    return relatedRows(env, comodel, value).some((related) =>
      matchLeaf(env, comodel, related, rest, operator, target),
    );
  }
  if (isRelational(field)) return matchRelational(env, field, value, operator, target);
  return matchScalar(field, value, operator, target);
}

function relatedRows(env: Env, comodel: ModelDef, value: Value): Row[] {
  const ids = Array.isArray(value) ? value : typeof value === 'number' && value > 0 ? [value] : [];
  return ids.flatMap((id) => rowOf(env.db, comodel.name, id) ?? []);
}

function matchRelational(
  env: Env,
  field: FieldDef,
  value: Value,
  operator: Operator,
  target: unknown,
): boolean {
  const comodel = modelOf(env.db, field.relation!);
  const ids = Array.isArray(value) ? value : typeof value === 'number' && value > 0 ? [value] : [];
  const names = () =>
    ids.flatMap((id) => rowOf(env.db, comodel.name, id) ?? []).map((r) => displayName(env, comodel, r));
  switch (operator) {
    case 'any':
    case 'not any': {
      const sub = parseDomain(env.db, comodel, target);
      const found = relatedRows(env, comodel, value).some((related) => matches(env, comodel, related, sub));
      return operator === 'any' ? found : !found;
    }
    case 'child_of':
    case 'parent_of': {
      const family = hierarchy(env, comodel, resolveIds(env, comodel, target), operator);
      return ids.some((id) => family.has(id));
    }
    case 'like':
    case 'ilike':
    case '=like':
    case '=ilike':
      return names().some((text) => likeMatch(text, operator, target));
    case 'not like':
    case 'not ilike':
      return !names().some((text) => likeMatch(text, operator === 'not like' ? 'like' : 'ilike', target));
    case '=?':
      return target === false || target === null || matchRelational(env, field, value, '=', target);
    default: {
      if (['<', '<=', '>', '>='].includes(operator)) return ids.some((id) => compare(id, operator, target));
      const wanted = resolveIds(env, comodel, target);
      const wantsEmpty =
        target === false || target === null || (Array.isArray(target) && target.includes(false));
      const hit = (ids.length === 0 && wantsEmpty) || ids.some((id) => wanted.includes(id));
      return operator === '=' || operator === 'in' ? hit : !hit;
    }
  }
}

/** Ids named by a domain value: ids, or names matched exactly like Odoo's name_search with `=`. */
function resolveIds(env: Env, comodel: ModelDef, target: unknown): number[] {
  const items = Array.isArray(target) ? target : [target];
  const ids: number[] = [];
  for (const item of items) {
    if (typeof item === 'number') ids.push(item);
    else if (typeof item === 'string') {
      for (const candidate of tableOf(env.db, comodel.name).values()) {
        if (displayName(env, comodel, candidate) === item) ids.push(candidate.id);
      }
    }
  }
  return ids;
}

function hierarchy(
  env: Env,
  model: ModelDef,
  roots: number[],
  direction: 'child_of' | 'parent_of',
): Set<number> {
  const parent = model.parentName;
  const family = new Set(roots);
  if (!parent) return family;
  const rows = [...tableOf(env.db, model.name).values()];
  let grew = true;
  while (grew) {
    grew = false;
    for (const row of rows) {
      const up = row[parent];
      if (typeof up !== 'number') continue;
      const [from, to] = direction === 'child_of' ? [up, row.id] : [row.id, up];
      if (family.has(from) && !family.has(to)) {
        family.add(to);
        grew = true;
      }
    }
  }
  return family;
}

function matchScalar(field: FieldDef, value: Value, operator: Operator, target: unknown): boolean {
  const isEmpty = value === false || value === '';
  switch (operator) {
    case '=':
    case '!=':
    case '<>': {
      const equal = scalarEquals(field, value, isEmpty, target);
      return operator === '=' ? equal : !equal;
    }
    case '=?':
      return target === false || target === null || scalarEquals(field, value, isEmpty, target);
    case 'in':
    case 'not in': {
      const list = Array.isArray(target) ? target : [target];
      const found = list.some((item) => scalarEquals(field, value, isEmpty, item));
      return operator === 'in' ? found : !found;
    }
    case 'like':
    case 'ilike':
    case '=like':
    case '=ilike':
      return !isEmpty && likeMatch(String(value), operator, target);
    case 'not like':
    case 'not ilike':
      return isEmpty || !likeMatch(String(value), operator === 'not like' ? 'like' : 'ilike', target);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return !isEmpty && compare(value, operator, target);
    default:
      return false;
  }
}

function scalarEquals(field: FieldDef, value: Value, isEmpty: boolean, target: unknown): boolean {
  if (field.type === 'boolean') return Boolean(value) === Boolean(target);
  if (target === false || target === null) return isEmpty;
  return value === target;
}

function compare(value: unknown, operator: string, target: unknown): boolean {
  const order = ordering(comparable(value), comparable(target));
  if (order === undefined) return false;
  switch (operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    default:
      return order >= 0;
  }
}

function comparable(value: unknown): number | string | undefined {
  if (typeof value === 'boolean') return Number(value);
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

/** -1, 0 or 1 for two values of the same kind; undefined when SQL would compare NULL or mixed kinds. */
export function ordering(
  left: number | string | undefined,
  right: number | string | undefined,
): number | undefined {
  if (typeof left === 'number' && typeof right === 'number') return Math.sign(left - right);
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  return undefined;
}

/** SQL LIKE with `%` and `_` wildcards; `like`/`ilike` wrap the pattern in `%…%` as Odoo does. */
function likeMatch(text: string, operator: 'like' | 'ilike' | '=like' | '=ilike', pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  const wrapped = operator === 'like' || operator === 'ilike' ? `%${pattern}%` : pattern;
  const source = wrapped
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');
  return new RegExp(`^${source}$`, operator.endsWith('ilike') ? 'is' : 's').test(text);
}
