import { Type } from '@sinclair/typebox';
import { defineOperation } from '@waybill/connector-kit';
import { recordsOf } from '../mapping/odoo-values.js';
import { ContextSchema, DomainSchema, ModelNameSchema } from './support/generic-schemas.js';
import { ODOO_CREDENTIAL, odooFor } from './support/odoo.js';

/**
 * `odoo.searchRead`: reads records of any model with a domain, as Odoo's `search_read` does.
 * The config holds the fixed part (model, fields, order, a base domain); the input may add a
 * domain built from the data, ANDed with it. One call.
 *
 * @example
 * { "id": "open_orders", "type": "odoo.searchRead", "credential": "odoo-main",
 *   "config": { "model": "sale.order", "domain": [["state", "=", "sale"]], "fields": ["name", "amount_total"], "limit": 50 } }
 */
export const searchReadOperation = defineOperation({
  type: 'odoo.searchRead',
  title: 'Search and read records',
  description: 'Reads records of any Odoo model that match a domain.',
  icon: 'database',
  effect: 'read',
  idempotency: 'none',
  idempotencyNote: 'Reads only; repeating it changes nothing.',
  configSchema: Type.Object(
    {
      model: ModelNameSchema,
      domain: Type.Optional(DomainSchema),
      fields: Type.Optional(
        Type.Array(Type.String({ minLength: 1 }), {
          description: 'Fields to read; every stored field when absent.',
        }),
      ),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 80 })),
      offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
      order: Type.Optional(
        Type.String({ minLength: 1, description: 'Sort order, e.g. "write_date desc, id desc".' }),
      ),
      context: Type.Optional(ContextSchema),
    },
    { additionalProperties: false },
  ),
  inputSchema: Type.Union([
    Type.Null(),
    Type.Object(
      { domain: Type.Optional(DomainSchema) },
      { additionalProperties: true, description: 'A domain from the data, ANDed with the configured one.' },
    ),
  ]),
  outputSchema: Type.Object({
    records: Type.Array(Type.Record(Type.String(), Type.Unknown())),
    count: Type.Integer(),
  }),
  credential: ODOO_CREDENTIAL,
  async run(ctx) {
    const { model, fields, order, context } = ctx.config;
    // Concatenated domains are ANDed: Odoo joins top-level expressions with an implicit "&".
    const domain = [...(ctx.config.domain ?? []), ...(ctx.input?.domain ?? [])];
    const records = recordsOf(
      await odooFor(ctx).call(model, 'search_read', {
        domain,
        ...(fields ? { fields } : {}),
        limit: ctx.config.limit ?? 80,
        offset: ctx.config.offset ?? 0,
        ...(order ? { order } : {}),
        ...(context ? { context } : {}),
      }),
    );
    return { records, count: records.length };
  },
});
