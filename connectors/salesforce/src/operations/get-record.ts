import { Type } from '@sinclair/typebox';
import { defineOperation, routeTo, userError } from '@waybill/connector-kit';
import { errorEntriesOf } from '../errors.js';
import { SALESFORCE_CREDENTIAL, salesforceFor } from './support/salesforce.js';
import { ApiNameSchema, ObjectNameSchema, RecordIdSchema, RecordSchema } from './support/schemas.js';

/**
 * `salesforce.getRecord`: reads one record by id or by an external-id field, to the `found` port,
 * or sends the input to `notFound` when no record matches. One call.
 *
 * @example
 * { "type": "salesforce.getRecord", "credential": "sf-prod", "config": { "object": "Account", "fields": ["Id", "Name"] } }
 * // input: { "externalIdField": "External_Id__c", "externalId": "CUST-0001" }
 */
export const getRecordOperation = defineOperation({
  type: 'salesforce.getRecord',
  title: 'Get record',
  description: 'Reads one Salesforce record by id or external id.',
  icon: 'search',
  effect: 'read',
  idempotency: 'none',
  idempotencyNote: 'Reads only; repeating it changes nothing.',
  outputs: ['found', 'notFound'],
  configSchema: Type.Object(
    {
      object: ObjectNameSchema,
      fields: Type.Optional(
        Type.Array(ApiNameSchema, { description: 'Fields to read; every field when absent.' }),
      ),
    },
    { additionalProperties: false },
  ),
  inputSchema: Type.Union([
    Type.Object({ id: RecordIdSchema }, { additionalProperties: false }),
    Type.Object(
      {
        externalIdField: ApiNameSchema,
        externalId: Type.Union([Type.String({ minLength: 1 }), Type.Number()]),
      },
      { additionalProperties: false },
    ),
  ]),
  outputSchema: RecordSchema,
  credential: SALESFORCE_CREDENTIAL,
  async run(ctx) {
    const { object, fields } = ctx.config;
    const byId = 'id' in ctx.input;
    const key =
      'id' in ctx.input
        ? ctx.input.id
        : `${ctx.input.externalIdField}/${encodeURIComponent(String(ctx.input.externalId))}`;
    const answer = await salesforceFor(ctx).request({
      method: 'GET',
      path: `sobjects/${object}/${key}`,
      ...(fields && fields.length > 0 ? { query: { fields: fields.join(',') } } : {}),
      action: `reading the ${object} ${byId ? 'record' : 'by external id'}`,
      idempotent: true,
      accept: [300, 404],
    });
    if (answer.status === 404) {
      const [entry] = errorEntriesOf(answer.body) ?? [];
      // A misspelt external-id field is the node's mistake, not a missing record.
      if (entry?.message.startsWith('Provided external ID field')) {
        throw userError({
          code: 'SALESFORCE_NOT_AN_EXTERNAL_ID',
          message: `Salesforce says ${entry.message}; use a field of ${object} marked External ID.`,
          upstream: { status: 404, code: entry.errorCode },
        });
      }
      return routeTo('notFound', { ...ctx.input });
    }
    if (answer.status === 300) {
      throw userError({
        code: 'SALESFORCE_MULTIPLE_CHOICES',
        message: `Salesforce found several ${object} records for this external id; make the field's values unique or read by record id.`,
        upstream: { status: 300, code: 'MULTIPLE_CHOICES' },
        details: { urls: answer.body },
      });
    }
    const record =
      typeof answer.body === 'object' && answer.body !== null
        ? Object.fromEntries(Object.entries(answer.body))
        : {};
    return routeTo('found', record);
  },
});
