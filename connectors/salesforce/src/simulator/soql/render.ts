import { findObject } from '../data/schema.js';
import type { ObjectDef, SimRecord } from '../data/schema-types.js';
import type { RecordStore } from '../data/store.js';
import type { ResolvedPath } from './resolve.js';

/**
 * Records as the REST API writes them: an `attributes` member first (type and URL), then the
 * fields; a parent relationship as a nested record with its own attributes, or null.
 */

/**
 * The `attributes` member of a record.
 *
 * @example
 * attributesOf('60.0', account, '001Wb0000000001IAA');
 * // { type: 'Account', url: '/services/data/v60.0/sobjects/Account/001Wb0000000001IAA' }
 */
export function attributesOf(version: string, object: ObjectDef, id: string) {
  return { type: object.name, url: `/services/data/v${version}/sobjects/${object.name}/${id}` };
}

/**
 * One query row with the selected fields, in the order of the select list.
 *
 * @example
 * renderRow('60.0', store, contact, row, select);
 * // { attributes: { type: 'Contact', url: '…' }, Id: '003…', Account: { attributes: { … }, Name: 'Acme Retail Inc.' } }
 */
export function renderRow(
  version: string,
  store: RecordStore,
  object: ObjectDef,
  record: SimRecord,
  select: readonly ResolvedPath[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: attributesOf(version, object, record.Id) };
  for (const path of select) {
    if (path.lookups.length === 0) {
      out[path.field.name] = record[path.field.name] ?? null;
      continue;
    }
    place(version, store, out, record, path, 0);
  }
  return out;
}

/**
 * A whole record (GET /sobjects/<object>/<id>), or only the named fields.
 *
 * @example
 * renderRecord('60.0', account, record, ['Name']); // { attributes: { … }, Name: 'Acme Retail Inc.', Id: '001…' }
 */
export function renderRecord(
  version: string,
  object: ObjectDef,
  record: SimRecord,
  fields?: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: attributesOf(version, object, record.Id) };
  const names = fields ?? object.fields.map((field) => field.name);
  for (const name of names) out[name] = record[name] ?? null;
  // Salesforce always adds the Id when specific fields are asked for.
  if (fields) out.Id = record.Id;
  return out;
}

function place(
  version: string,
  store: RecordStore,
  out: Record<string, unknown>,
  record: SimRecord,
  path: ResolvedPath,
  depth: number,
): void {
  const lookup = path.lookups[depth];
  if (!lookup) return;
  const name = path.names[depth] ?? lookup.name;
  const parentObject = findObject(lookup.referenceTo ?? '');
  const id = record[lookup.name];
  const parent = typeof id === 'string' && parentObject ? store.get(parentObject, id) : undefined;
  if (!parent || !parentObject) {
    if (!(name in out)) out[name] = null;
    return;
  }
  const existing = out[name];
  const nested: Record<string, unknown> =
    typeof existing === 'object' && existing !== null && !Array.isArray(existing)
      ? Object.fromEntries(Object.entries(existing))
      : { attributes: attributesOf(version, parentObject, parent.Id) };
  if (depth === path.lookups.length - 1) {
    nested[path.field.name] = parent[path.field.name] ?? null;
  } else {
    place(version, store, nested, parent, path, depth + 1);
  }
  out[name] = nested;
}
