import { Type } from '@sinclair/typebox';
import { CanonicalCustomerSchema, embed } from '@waybill/canonical';
import { defineOperation, routeTo, userError } from '@waybill/connector-kit';
import { idOf } from '../mapping/odoo-values.js';
import { ODOO_CREDENTIAL, odooFor } from './support/odoo.js';
import { findPartner, readCustomer } from './support/partners.js';

/**
 * Input of `odoo.findCustomer`: any of the keys; they are tried in the order ref, VAT, email.
 *
 * @example
 * const input = { ref: 'CUST-0001', email: 'buyer@example.com' };
 */
export const FindCustomerInputSchema = Type.Object(
  {
    ref: Type.Optional(Type.String({ minLength: 1, description: 'Customer reference (res.partner ref).' })),
    vat: Type.Optional(
      Type.String({ minLength: 1, description: 'Tax id, compared without spaces or case.' }),
    ),
    email: Type.Optional(Type.String({ minLength: 1, description: 'Email address, compared without case.' })),
  },
  { additionalProperties: false },
);

/**
 * Output of `odoo.findCustomer`, on the `found` or the `notFound` port.
 *
 * @example
 * // { "found": true, "partnerId": 8, "matchedBy": "ref", "customer": { "ref": "CUST-0001", "name": "Acme", ... } }
 */
export const FindCustomerOutputSchema = Type.Object({
  found: Type.Boolean(),
  partnerId: Type.Optional(Type.Integer({ description: 'The res.partner id.' })),
  matchedBy: Type.Optional(
    Type.Union([Type.Literal('odooId'), Type.Literal('ref'), Type.Literal('vat'), Type.Literal('email')]),
  ),
  customer: Type.Optional(embed(CanonicalCustomerSchema, 'The customer as Odoo knows it.')),
});

/**
 * `odoo.findCustomer`: finds a top-level res.partner by ref, then VAT, then email and outputs it
 * as a canonical customer with its invoice and delivery addresses. Routes to `found` or
 * `notFound`, so a flow can create the customer only when needed. One to three searches plus
 * three reads.
 *
 * @example
 * { "id": "find", "type": "odoo.findCustomer", "credential": "odoo-main", "config": {} }
 */
export const findCustomerOperation = defineOperation({
  type: 'odoo.findCustomer',
  title: 'Find customer',
  description:
    'Finds an Odoo customer by reference, VAT number or email and outputs it as a canonical customer.',
  icon: 'user-search',
  effect: 'read',
  idempotency: 'none',
  idempotencyNote: 'Reads only; repeating it changes nothing.',
  configSchema: Type.Object({}, { additionalProperties: false }),
  inputSchema: FindCustomerInputSchema,
  outputSchema: FindCustomerOutputSchema,
  outputs: ['found', 'notFound'],
  defaultPort: 'found',
  credential: ODOO_CREDENTIAL,
  async run(ctx) {
    const { ref, vat, email } = ctx.input;
    if (ref === undefined && vat === undefined && email === undefined) {
      throw userError({
        code: 'INVALID_INPUT',
        message: 'The input needs at least one of "ref", "vat" or "email" to find a customer by.',
      });
    }
    const odoo = odooFor(ctx);
    const match = await findPartner(odoo, { ref, vat, email });
    if (!match) return routeTo('notFound', { found: false });
    return routeTo('found', {
      found: true,
      partnerId: idOf(match.partner),
      matchedBy: match.matchedBy,
      customer: await readCustomer(odoo, match.partner),
    });
  },
});
