import { Type } from '@sinclair/typebox';
import { defineOperation, userError } from '@waybill/connector-kit';
import { ContextSchema, ModelNameSchema } from './support/generic-schemas.js';
import { ODOO_CREDENTIAL, odooFor } from './support/odoo.js';

/**
 * `odoo.callMethod`: calls a public method of any model, e.g. a button such as
 * `action_cancel`. Named parameters (`params`) work on both protocols; positional `args` work on
 * JSON-RPC, and on JSON-2 only for the ORM methods whose parameter names are known. Private
 * methods (a leading "_") are refused before anything is sent. One call.
 *
 * @example
 * { "id": "cancel", "type": "odoo.callMethod", "credential": "odoo-main", "config": { "model": "sale.order", "method": "action_cancel" } }
 * // input: { "ids": [17] }
 */
export const callMethodOperation = defineOperation({
  type: 'odoo.callMethod',
  title: 'Call a model method',
  description: 'Calls a public method of an Odoo model, such as a button action, and outputs its result.',
  icon: 'terminal',
  effect: 'write',
  idempotency: 'none',
  idempotencyNote:
    'Odoo methods take no idempotency key, so what a repeat does depends on the method: most action_ buttons refuse or ignore records already in the target state.',
  configSchema: Type.Object(
    {
      model: ModelNameSchema,
      method: Type.String({
        minLength: 1,
        maxLength: 128,
        description: 'A public method name, e.g. action_confirm.',
      }),
      context: Type.Optional(ContextSchema),
    },
    { additionalProperties: false },
  ),
  inputSchema: Type.Union([
    Type.Null(),
    Type.Object(
      {
        ids: Type.Optional(
          Type.Array(Type.Integer({ minimum: 1 }), { description: 'Records to call the method on.' }),
        ),
        params: Type.Optional(
          Type.Record(Type.String(), Type.Unknown(), { description: 'Named parameters.' }),
        ),
        args: Type.Optional(
          Type.Array(Type.Unknown(), { description: 'Positional parameters after the ids.' }),
        ),
        context: Type.Optional(ContextSchema),
      },
      { additionalProperties: false },
    ),
  ]),
  outputSchema: Type.Object({ result: Type.Unknown() }),
  credential: ODOO_CREDENTIAL,
  async run(ctx) {
    const { model, method } = ctx.config;
    if (method.startsWith('_')) {
      throw userError({
        code: 'ODOO_PRIVATE_METHOD',
        message: `"${method}" is a private method (it starts with "_"), which Odoo does not let external callers run; call a public method instead.`,
      });
    }
    const odoo = odooFor(ctx);
    const input = ctx.input ?? {};
    const context = { ...(ctx.config.context ?? {}), ...(input.context ?? {}) };
    const named = { ...(input.params ?? {}), ...(Object.keys(context).length ? { context } : {}) };
    if (input.args && input.args.length > 0) {
      const args = input.ids ? [input.ids, ...input.args] : input.args;
      return { result: await odoo.executeKw(model, method, args, named) };
    }
    return { result: await odoo.call(model, method, { ...named, ...(input.ids ? { ids: input.ids } : {}) }) };
  },
});
