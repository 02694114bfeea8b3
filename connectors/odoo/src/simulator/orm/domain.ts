import { valueError } from '../errors.js';
import { pyRepr } from './py-repr.js';
import { isRelational, modelOf } from './registry.js';
import type { Database, ModelDef } from './types.js';

export type Operator =
  | '='
  | '!='
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | '=?'
  | 'like'
  | 'not like'
  | 'ilike'
  | 'not ilike'
  | '=like'
  | '=ilike'
  | 'in'
  | 'not in'
  | 'child_of'
  | 'parent_of'
  | 'any'
  | 'not any';

const OPERATORS: ReadonlySet<string> = new Set<Operator>([
  '=',
  '!=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  '=?',
  'like',
  'not like',
  'ilike',
  'not ilike',
  '=like',
  '=ilike',
  'in',
  'not in',
  'child_of',
  'parent_of',
  'any',
  'not any',
]);
const isOperator = (text: string): text is Operator => OPERATORS.has(text);

export type DomainNode =
  | { kind: 'and' | 'or'; children: DomainNode[] }
  | { kind: 'not'; child: DomainNode }
  | { kind: 'const'; value: boolean }
  | { kind: 'leaf'; path: string[]; operator: Operator; value: unknown };

/**
 * Parses an Odoo domain (Polish notation, implicit `&` between terms) and checks every field path, raising
 * the ValueErrors Odoo raises for unknown fields and operators.
 */
export function parseDomain(db: Database, model: ModelDef, domain: unknown): DomainNode {
  if (domain === undefined || domain === null || domain === false) return { kind: 'const', value: true };
  if (!Array.isArray(domain)) throw valueError(`Invalid domain: ${pyRepr(domain)}`);
  const stack: DomainNode[] = [];
  for (let index = domain.length - 1; index >= 0; index--) {
    const item: unknown = domain[index];
    if (item === '&' || item === '|') {
      const first = stack.pop();
      const second = stack.pop();
      if (!first || !second) throw valueError(`Invalid domain: ${pyRepr(domain)}`);
      stack.push({ kind: item === '&' ? 'and' : 'or', children: [first, second] });
    } else if (item === '!') {
      const child = stack.pop();
      if (!child) throw valueError(`Invalid domain: ${pyRepr(domain)}`);
      stack.push({ kind: 'not', child });
    } else {
      stack.push(parseLeaf(db, model, item));
    }
  }
  if (stack.length === 0) return { kind: 'const', value: true };
  return stack.length === 1 ? stack[0]! : { kind: 'and', children: stack.reverse() };
}

function parseLeaf(db: Database, model: ModelDef, item: unknown): DomainNode {
  if (!Array.isArray(item) || item.length !== 3) throw valueError(`Invalid leaf ${pyRepr(item, true)}`);
  const [left, operator, value] = item;
  if ((left === 1 || left === 0) && operator === '=' && value === 1)
    return { kind: 'const', value: left === 1 };
  const lowered = typeof operator === 'string' ? operator.toLowerCase() : '';
  if (typeof left !== 'string' || !isOperator(lowered))
    throw valueError(`Invalid leaf ${pyRepr(item, true)}`);
  const path = left.split('.');
  let current = model;
  path.forEach((name, position) => {
    const field = current.fields[name];
    if (!field) throw valueError(`Invalid field ${current.name}.${name} in leaf ${pyRepr(item, true)}`);
    if (position < path.length - 1) {
      if (!isRelational(field))
        throw valueError(`Invalid field ${current.name}.${name} in leaf ${pyRepr(item, true)}`);
      current = modelOf(db, field.relation!);
    }
  });
  if ((lowered === 'any' || lowered === 'not any') && !isRelational(current.fields[path.at(-1)!]!)) {
    throw valueError(`Invalid leaf ${pyRepr(item, true)}`);
  }
  return { kind: 'leaf', path, operator: lowered, value };
}

/** Whether the domain mentions `active`, which turns off the implicit `active = True` filter. */
export function mentionsActive(node: DomainNode): boolean {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children.some(mentionsActive);
    case 'not':
      return mentionsActive(node.child);
    case 'leaf':
      return node.path[0] === 'active';
    default:
      return false;
  }
}
