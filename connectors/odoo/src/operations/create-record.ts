import { Type } from '@sinclair/typebox';
import { defineOperation } from '@waybill/connector-kit';
import { idsOf } from '../mapping/odoo-values.js';
import { ContextSchema, ModelNameSchema, ValuesSchema } from './support/generic-schemas.js';
import { ODOO_CREDENTIAL, odooFor } from './support/odoo.js';

/**
 * `odoo.create`: creates one or more records of any model with the given field values. One call.
 *
 * @example
 * { "id": "note", "type": "odoo.create", "credential": "odoo-main", "config": { "model": "mail.message" } }
 * // input: { "values": { "model": "sale.order", "res_id": 17, "body": "Shipped by 3PL" } }
 */
export const createRecordOperation = defineOperation({
  type: 'odoo.create',
  title: 'Create records',
  description: 'Creates records of any Odoo model from field values.',
  icon: 'plus-square',
  effect: 'write',
  idempotency: 'none',
  idempotencyNote:
    'Odoo create takes no idempotency key: a retry after a lost answer creates a second record. Use the upsert or lookup operations, or an odoo.searchRead before it, where duplicates matter.',
  configSchema: Type.Object(
    { model: ModelNameSchema, context: Type.Optional(ContextSchema) },
    { additionalProperties: false },
  ),
  inputSchema: Type.Object(
    {
      values: Type.Union([ValuesSchema, Type.Array(ValuesSchema, { minItems: 1, maxItems: 1000 })], {
        description: 'Values of one record, or a list for several.',
      }),
    },
    { additionalProperties: false },
  ),
  outputSchema: Type.Object({
    ids: Type.Array(Type.Integer(), { description: 'Ids of the created records, in input order.' }),
  }),
  credential: ODOO_CREDENTIAL,
  async run(ctx) {
    const { values } = ctx.input;
    const valsList = Array.isArray(values) ? values : [values];
    const result = await odooFor(ctx).call(ctx.config.model, 'create', {
      vals_list: valsList,
      ...(ctx.config.context ? { context: ctx.config.context } : {}),
    });
    return { ids: idsOf(result) };
  },
});
