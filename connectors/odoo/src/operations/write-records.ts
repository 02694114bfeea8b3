import { Type } from '@sinclair/typebox';
import { defineOperation } from '@waybill/connector-kit';
import { ContextSchema, ModelNameSchema, ValuesSchema } from './support/generic-schemas.js';
import { ODOO_CREDENTIAL, odooFor } from './support/odoo.js';

/**
 * `odoo.write`: sets field values on existing records of any model. One call.
 *
 * @example
 * { "id": "tag", "type": "odoo.write", "credential": "odoo-main", "config": { "model": "sale.order" } }
 * // input: { "ids": [17], "values": { "note": "Paid by card" } }
 */
export const writeRecordsOperation = defineOperation({
  type: 'odoo.write',
  title: 'Update records',
  description: 'Writes field values on existing records of any Odoo model.',
  icon: 'pencil',
  effect: 'write',
  idempotency: 'none',
  idempotencyNote:
    'Writing the same values again leaves the records as the first write did; values computed from the current state (x2many add commands, counters) would apply twice.',
  configSchema: Type.Object(
    { model: ModelNameSchema, context: Type.Optional(ContextSchema) },
    { additionalProperties: false },
  ),
  inputSchema: Type.Object(
    {
      ids: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 1000 }),
      values: ValuesSchema,
    },
    { additionalProperties: false },
  ),
  outputSchema: Type.Object({ ids: Type.Array(Type.Integer()), written: Type.Boolean() }),
  credential: ODOO_CREDENTIAL,
  async run(ctx) {
    const result = await odooFor(ctx).call(ctx.config.model, 'write', {
      ids: ctx.input.ids,
      vals: ctx.input.values,
      ...(ctx.config.context ? { context: ctx.config.context } : {}),
    });
    return { ids: ctx.input.ids, written: result === true };
  },
});
