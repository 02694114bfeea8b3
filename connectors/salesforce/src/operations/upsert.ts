import { Type } from '@sinclair/typebox';
import { defineOperation, userError } from '@waybill/connector-kit';
import type { SalesforceClient } from '../client/rest-client.js';
import { SALESFORCE_CREDENTIAL, salesforceFor } from './support/salesforce.js';
import { ApiNameSchema, ObjectNameSchema } from './support/schemas.js';

/**
 * What an upsert did.
 *
 * @example
 * const result: UpsertResult = { id: '001Wb…', created: true, object: 'Account', externalIdField: 'External_Id__c', externalId: 'CUST-0100' };
 */
export interface UpsertResult {
  id: string;
  created: boolean;
  object: string;
  externalIdField: string;
  externalId: string;
}

/**
 * Upserts one record by an external-id field (`PATCH /sobjects/<Object>/<Field>/<value>`):
 * 201 created; 200 (API v46.0 and later, with `created: false`) or 204 (earlier, no body, so the
 * id is read back) updated; 300 when several records hold the value.
 *
 * @example
 * await upsertByExternalId(salesforce, 'Contact', 'External_Id__c', 'CONT-0100', { LastName: 'Cooper' });
 * // { id: '003Wb…', created: true, object: 'Contact', externalIdField: 'External_Id__c', externalId: 'CONT-0100' }
 */
export async function upsertByExternalId(
  salesforce: SalesforceClient,
  object: string,
  externalIdField: string,
  externalId: string,
  fields: Record<string, unknown>,
): Promise<UpsertResult> {
  if (externalId.includes('/')) {
    throw userError({
      code: 'SALESFORCE_INVALID_EXTERNAL_ID',
      message: `The external id "${externalId}" contains a slash, which Salesforce cannot take in a record URL; map a value without "/" to ${externalIdField}.`,
    });
  }
  const path = `sobjects/${object}/${externalIdField}/${encodeURIComponent(externalId)}`;
  const action = `the upsert of ${object} by ${externalIdField} "${externalId}"`;
  const body = withoutKey(fields, externalIdField, externalId);
  // Repeating an upsert by external id overwrites the same record, so retrying in place is safe.
  const answer = await salesforce.request({
    method: 'PATCH',
    path,
    json: body,
    action,
    idempotent: true,
    accept: [300],
  });
  const result = { object, externalIdField, externalId };
  if (answer.status === 300) throw severalMatch(object, externalIdField, externalId, answer.body);
  const id = idOf(answer.body);
  if (answer.status === 201 && id) return { id, created: true, ...result };
  if (id) return { id, created: isCreated(answer.body), ...result };
  // API versions before 46.0 answer an update with 204 and no body: read the id back.
  const read = await salesforce.request({
    method: 'GET',
    path,
    query: { fields: 'Id' },
    action: `reading back the ${object} upserted by ${externalIdField} "${externalId}"`,
    idempotent: true,
  });
  return { id: idOf(read.body) ?? '', created: answer.status === 201, ...result };
}

/**
 * `salesforce.upsert`: creates or updates one record of any object (Account, Contact,
 * Opportunity, Order, a custom object) by an external-id field, so retries and replays overwrite
 * instead of duplicating. Lookups may name their parent by external id in `fields`, e.g.
 * `"Account": { "External_Id__c": "CUST-0001" }`. One call (two on API versions before 46.0).
 *
 * @example
 * { "id": "upsert_contact", "type": "salesforce.upsert", "credential": "sf-prod",
 *   "config": { "object": "Contact", "externalIdField": "External_Id__c" } }
 * // input: { "externalId": "CONT-0100", "fields": { "LastName": "Cooper", "Account": { "External_Id__c": "CUST-0001" } } }
 */
export const upsertOperation = defineOperation({
  type: 'salesforce.upsert',
  title: 'Upsert record by external id',
  description: 'Creates or updates one Salesforce record keyed by an external-id field.',
  icon: 'upload',
  effect: 'write',
  idempotency: 'upsert-by-external-id',
  configSchema: Type.Object(
    {
      object: ObjectNameSchema,
      externalIdField: Type.String({
        pattern: ApiNameSchema.pattern,
        maxLength: 80,
        description: 'An external-id field of the object, e.g. External_Id__c.',
      }),
    },
    { additionalProperties: false },
  ),
  inputSchema: Type.Object(
    {
      externalId: Type.Union([Type.String({ minLength: 1, maxLength: 255 }), Type.Number()]),
      fields: Type.Record(Type.String(), Type.Unknown(), { description: 'Field values by API name.' }),
    },
    { additionalProperties: false },
  ),
  outputSchema: Type.Object({
    id: Type.String(),
    created: Type.Boolean(),
    object: Type.String(),
    externalIdField: Type.String(),
    externalId: Type.String(),
  }),
  credential: SALESFORCE_CREDENTIAL,
  run: async (ctx) =>
    upsertByExternalId(
      salesforceFor(ctx),
      ctx.config.object,
      ctx.config.externalIdField,
      String(ctx.input.externalId),
      ctx.input.fields,
    ),
});

function withoutKey(fields: Record<string, unknown>, key: string, value: string): Record<string, unknown> {
  const entry = Object.entries(fields).find(([name]) => name.toLowerCase() === key.toLowerCase());
  if (!entry) return fields;
  if (String(entry[1]) !== value) {
    throw userError({
      code: 'SALESFORCE_EXTERNAL_ID_MISMATCH',
      message: `The fields give ${key} the value "${String(entry[1])}" but the external id is "${value}"; map the same value to both, or leave ${key} out of the fields.`,
    });
  }
  // The value travels in the URL; Salesforce does not want it repeated in the body.
  return Object.fromEntries(Object.entries(fields).filter(([name]) => name !== entry[0]));
}

function severalMatch(object: string, field: string, value: string, body: unknown) {
  const urls = Array.isArray(body) ? body.filter((item): item is string => typeof item === 'string') : [];
  const ids = urls.map((url) => url.split('/').at(-1) ?? url);
  return userError({
    code: 'SALESFORCE_MULTIPLE_CHOICES',
    message: `Salesforce found ${ids.length || 'several'} ${object} records with ${field} "${value}"${ids.length ? ` (${ids.join(', ')})` : ''}; make the values unique (mark the field Unique) or update by record id.`,
    upstream: { status: 300, code: 'MULTIPLE_CHOICES' },
    details: { ids },
  });
}

function idOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  if ('id' in body && typeof body.id === 'string') return body.id;
  if ('Id' in body && typeof body.Id === 'string') return body.Id;
  return undefined;
}

function isCreated(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'created' in body && body.created === true;
}
