import { toId18 } from '../data/ids.js';
import { findField, findObject, findRelationship } from '../data/schema.js';
import type { FieldDef, ObjectDef } from '../data/schema-types.js';
import { NUMBER_TYPES, TEXT_TYPES } from '../data/schema-types.js';
import { soqlError } from './lexer.js';
import type { FieldPath, Literal, Operator } from './parser.js';

/**
 * Name resolution and type checks of a parsed query against the sObjects, with Salesforce's
 * errors: INVALID_TYPE for an unknown object, INVALID_FIELD for an unknown field or relationship
 * and for a literal of the wrong type, INVALID_QUERY_FILTER_OPERATOR for LIKE on a non-text field
 * or a malformed id.
 */

/**
 * A field path resolved to the lookups it follows and the field it ends on, with the declared
 * spelling of each name.
 *
 * @example
 * const path: ResolvedPath = { lookups: [accountIdField], field: nameField, names: ['Account', 'Name'] };
 */
export interface ResolvedPath {
  lookups: FieldDef[];
  field: FieldDef;
  names: string[];
}

/**
 * The queried object, or INVALID_TYPE.
 *
 * @example
 * resolveObject('SELECT Id FROM account', { name: 'account', offset: 15 }).name; // 'Account'
 */
export function resolveObject(soql: string, from: { name: string; offset: number }): ObjectDef {
  const object = findObject(from.name);
  if (!object) {
    throw soqlError(
      soql,
      from.offset,
      'INVALID_TYPE',
      `sObject type '${from.name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  return object;
}

/**
 * A field path of the query, resolved from the queried object.
 *
 * @example
 * resolvePath(soql, contact, { names: ['Account', 'Name'], offset: 7 }).names; // ['Account', 'Name']
 */
export function resolvePath(soql: string, object: ObjectDef, path: FieldPath): ResolvedPath {
  const lookups: FieldDef[] = [];
  const names: string[] = [];
  let current = object;
  for (const [position, name] of path.names.entries()) {
    if (position === path.names.length - 1) {
      const field = findField(current, name);
      if (!field) {
        throw soqlError(
          soql,
          path.offset,
          'INVALID_FIELD',
          `No such column '${name}' on entity '${current.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
        );
      }
      return { lookups, field, names: [...names, field.name] };
    }
    const lookup = findRelationship(current, name);
    const parent = lookup?.referenceTo ? findObject(lookup.referenceTo) : undefined;
    if (!lookup || !parent) {
      throw soqlError(
        soql,
        path.offset,
        'INVALID_FIELD',
        `Didn't understand relationship '${name}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    lookups.push(lookup);
    names.push(lookup.relationshipName ?? name);
    current = parent;
  }
  throw soqlError(soql, path.offset, 'MALFORMED_QUERY', 'unexpected token: <EOF>');
}

/**
 * Checks that a literal fits the field it is compared with, and returns it normalised (ids in
 * their 18-character form).
 *
 * @example
 * checkLiteral(soql, amountField, '>', { kind: 'string', value: '10', offset: 40 }); // throws INVALID_FIELD
 */
export function checkLiteral(soql: string, field: FieldDef, op: Operator, literal: Literal): Literal {
  if (op === 'like' && !TEXT_TYPES.has(field.type)) {
    throw soqlError(
      soql,
      literal.offset,
      'INVALID_QUERY_FILTER_OPERATOR',
      `invalid operator on field '${field.name}': LIKE`,
    );
  }
  if (literal.kind === 'null') return literal;
  const expected = expectedKind(field);
  if (literal.kind !== expected) {
    const quoted = expected === 'string';
    throw soqlError(
      soql,
      literal.offset,
      'INVALID_FIELD',
      `value of filter criterion for field '${field.name}' must be of type ${typeName(field)} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
    );
  }
  if ((field.type === 'id' || field.type === 'reference') && literal.kind === 'string') {
    const id = toId18(literal.value);
    if (id === undefined) {
      throw soqlError(
        soql,
        literal.offset,
        'INVALID_QUERY_FILTER_OPERATOR',
        `invalid ID field: ${literal.value}`,
      );
    }
    return { ...literal, value: id };
  }
  return literal;
}

function expectedKind(field: FieldDef): Literal['kind'] {
  if (NUMBER_TYPES.has(field.type)) return 'number';
  if (field.type === 'boolean') return 'boolean';
  if (field.type === 'date') return 'date';
  if (field.type === 'datetime') return 'datetime';
  return 'string';
}

function typeName(field: FieldDef): string {
  if (field.type === 'datetime') return 'dateTime';
  if (field.type === 'currency') return 'double';
  if (TEXT_TYPES.has(field.type) || field.type === 'reference') return 'string';
  return field.type;
}
