import { badRequest, notFound } from '../errors.js';
import { coerceValue, unwritable } from './coerce.js';
import { findField, findObject, findRelationship } from './schema.js';
import type { FieldDef, FieldValue, ObjectDef, SimRecord } from './schema-types.js';
import type { RecordStore } from './store.js';

/**
 * Creates, updates and upserts records from REST bodies with Salesforce's checks, in the order
 * Salesforce reports them: unknown fields, fields that cannot be written, values of the wrong
 * type, then required fields and unique values. Lookups may name their parent by an external id
 * (`"Account": { "External_Id__c": "CUST-0001" }`), as the REST API allows.
 */

/**
 * Who writes, for CreatedById and LastModifiedById.
 *
 * @example
 * const writer: Writer = { store, userId: '005Wb0000000001IAA' };
 */
export interface Writer {
  store: RecordStore;
  userId: string;
}

/**
 * What an upsert did: created or updated one record, or found several with the external id.
 *
 * @example
 * const outcome: UpsertOutcome = { kind: 'created', record };
 */
export type UpsertOutcome =
  | { kind: 'created' | 'updated'; record: SimRecord }
  | { kind: 'multiple'; ids: string[] };

/**
 * Creates a record from a REST body (plus preset values, e.g. the upsert's external id).
 *
 * @example
 * createRecord(writer, findObject('Contact')!, { LastName: 'Cooper', Account: { External_Id__c: 'CUST-0001' } });
 */
export function createRecord(
  writer: Writer,
  object: ObjectDef,
  body: unknown,
  preset: Record<string, FieldValue> = {},
): SimRecord {
  const values = { ...valuesOf(writer, object, body), ...preset };
  const missing = object.fields
    .filter((field) => field.required && !field.readOnly)
    .filter((field) => isBlank(values[field.name] ?? field.defaultValue ?? null))
    .map((field) => field.name);
  if (missing.length > 0) {
    throw badRequest('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing);
  }
  checkUnique(writer, object, values, undefined);
  return writer.store.insert(object, values, writer.userId);
}

/**
 * Updates a record from a REST body.
 *
 * @example
 * updateRecord(writer, findObject('Account')!, '001Wb0000000001IAA', { Phone: '+1 212-555-0199' });
 */
export function updateRecord(writer: Writer, object: ObjectDef, id: string, body: unknown): SimRecord {
  if (!writer.store.get(object, id)) throw notFound();
  const values = valuesOf(writer, object, body);
  const cleared = object.fields
    .filter((field) => field.required && field.name in values && isBlank(values[field.name] ?? null))
    .map((field) => field.name);
  if (cleared.length > 0) {
    throw badRequest('REQUIRED_FIELD_MISSING', `Required fields are missing: [${cleared.join(', ')}]`, cleared);
  }
  checkUnique(writer, object, values, id);
  return writer.store.update(object, id, values, writer.userId);
}

/**
 * Upserts by an external-id field: creates when no record holds the value, updates the one that
 * does, reports several. `updateOnly` turns "none" into a 404, as `?updateOnly=true` does.
 *
 * @example
 * upsertRecord(writer, findObject('Account')!, 'External_Id__c', 'CUST-0100', { Name: 'New Co' });
 */
export function upsertRecord(
  writer: Writer,
  object: ObjectDef,
  fieldName: string,
  value: string,
  body: unknown,
  updateOnly = false,
): UpsertOutcome {
  const field = externalIdField(object, fieldName);
  const matches = findByExternalId(writer.store, object, field, value);
  const rest = withoutField(body, field, value);
  if (matches.length > 1) return { kind: 'multiple', ids: matches.map((record) => record.Id) };
  const [match] = matches;
  if (match) return { kind: 'updated', record: updateRecord(writer, object, match.Id, rest) };
  if (updateOnly) throw notFound();
  const preset = field.name === 'Id' ? {} : { [field.name]: coerceValue(field, value) };
  return { kind: 'created', record: createRecord(writer, object, rest, preset) };
}

/**
 * The field an upsert or a lookup by external id names, or Salesforce's 404 when it is not one.
 *
 * @example
 * externalIdField(findObject('Account')!, 'external_id__c').name; // 'External_Id__c'
 */
export function externalIdField(object: ObjectDef, fieldName: string): FieldDef {
  const field = findField(object, fieldName);
  if (!field || !(field.externalId || field.name === 'Id')) {
    throw notFound(`Provided external ID field does not exist or is not accessible: ${fieldName}`);
  }
  return field;
}

/**
 * The records whose external-id field holds a value; compared case-insensitively, as external
 * ids are unless the field is marked case-sensitive.
 *
 * @example
 * findByExternalId(store, account, externalIdField(account, 'External_Id__c'), 'cust-0001').length; // 1
 */
export function findByExternalId(
  store: RecordStore,
  object: ObjectDef,
  field: FieldDef,
  value: string,
): SimRecord[] {
  const wanted = value.toLowerCase();
  return store.all(object).filter((record) => {
    const held = record[field.name];
    return typeof held === 'string' && held.toLowerCase() === wanted;
  });
}

function valuesOf(writer: Writer, object: ObjectDef, body: unknown): Record<string, FieldValue> {
  if (!isRecord(body)) {
    throw badRequest(
      'JSON_PARSER_ERROR',
      `Cannot deserialize instance of ${object.name} from ${Array.isArray(body) ? 'START_ARRAY' : 'VALUE_STRING'} value or request may be missing a required field`,
    );
  }
  const values: Record<string, FieldValue> = {};
  const readOnly: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key === 'attributes') continue;
    const field = findField(object, key);
    if (!field) {
      const lookup = findRelationship(object, key);
      if (!lookup || !isRecord(value)) {
        throw badRequest('INVALID_FIELD', `No such column '${key}' on sobject of type ${object.name}`);
      }
      values[lookup.name] = parentByExternalId(writer, lookup, value);
      continue;
    }
    if (field.readOnly) {
      readOnly.push(field.name);
      continue;
    }
    const coerced = coerceValue(field, value);
    if (field.type === 'reference' && typeof coerced === 'string') checkParentExists(writer, field, coerced);
    values[field.name] = coerced;
  }
  if (readOnly.length > 0) throw badRequest('INVALID_FIELD_FOR_INSERT_UPDATE', unwritable(readOnly), readOnly);
  return values;
}

function parentByExternalId(writer: Writer, lookup: FieldDef, reference: Record<string, unknown>): string {
  const parent = findObject(lookup.referenceTo ?? '');
  const entries = Object.entries(reference).filter(([key]) => key !== 'attributes');
  const [entry] = entries;
  if (!parent || !entry || entries.length !== 1 || typeof entry[1] !== 'string') {
    throw badRequest(
      'INVALID_FIELD',
      `A relationship reference on ${lookup.relationshipName} names exactly one external ID field and its value.`,
    );
  }
  const [fieldName, value] = entry;
  const field = findField(parent, fieldName);
  if (!field?.externalId) {
    throw badRequest('INVALID_FIELD', `Field ${fieldName} is not an external ID field of ${parent.name}`);
  }
  const matches = findByExternalId(writer.store, parent, field, value);
  if (matches.length !== 1) {
    throw badRequest(
      'INVALID_FIELD',
      matches.length === 0
        ? `Foreign key external ID: ${value.toLowerCase()} not found for field ${field.name} in entity ${parent.name}`
        : `Foreign key external ID: ${value.toLowerCase()} matches more than one record for field ${field.name} in entity ${parent.name}`,
      [],
    );
  }
  return matches[0]?.Id ?? '';
}

function checkParentExists(writer: Writer, field: FieldDef, id: string): void {
  const parent = findObject(field.referenceTo ?? '');
  if (!parent || !writer.store.get(parent, id)) {
    throw badRequest('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []);
  }
}

function checkUnique(
  writer: Writer,
  object: ObjectDef,
  values: Record<string, FieldValue>,
  selfId: string | undefined,
): void {
  for (const field of object.fields) {
    const value = values[field.name];
    if (!field.unique || typeof value !== 'string' || value === '') continue;
    const holder = findByExternalId(writer.store, object, field, value).find((record) => record.Id !== selfId);
    if (holder) {
      throw badRequest(
        'DUPLICATE_VALUE',
        `duplicate value found: ${field.name} duplicates value on record with id: ${holder.Id}`,
        [],
      );
    }
  }
}

/** The body without the external-id field when it repeats the URL's value (a different one is refused). */
function withoutField(body: unknown, field: FieldDef, value: string): unknown {
  if (!isRecord(body)) return body;
  const entry = Object.entries(body).find(([key]) => key.toLowerCase() === field.name.toLowerCase());
  if (!entry) return body;
  if (String(entry[1]).toLowerCase() !== value.toLowerCase()) {
    throw badRequest(
      'INVALID_FIELD',
      `The value of ${field.name} in the request body differs from the external ID in the URL: ${value}`,
      [field.name],
    );
  }
  return Object.fromEntries(Object.entries(body).filter(([key]) => key !== entry[0]));
}

function isBlank(value: FieldValue): boolean {
  return value === null || value === '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
