import { Type } from '@sinclair/typebox';
import { CanonicalCustomerSchema } from '@waybill/canonical';
import { defineOperation } from '@waybill/connector-kit';
import { ODOO_CREDENTIAL, odooFor } from './support/odoo.js';
import { upsertCustomer } from './support/partners.js';

/**
 * Output of `odoo.upsertCustomer`.
 *
 * @example
 * // { "partnerId": 8, "created": false, "matchedBy": "ref", "invoiceAddressId": 31, "deliveryAddressIds": [32] }
 */
export const UpsertCustomerOutputSchema = Type.Object({
  partnerId: Type.Integer({ description: 'The res.partner id of the customer.' }),
  created: Type.Boolean({ description: 'True when the customer did not exist and was created.' }),
  matchedBy: Type.Optional(
    Type.Union([Type.Literal('odooId'), Type.Literal('ref'), Type.Literal('vat'), Type.Literal('email')]),
  ),
  invoiceAddressId: Type.Optional(
    Type.Integer({ description: 'The invoice contact, when a billing address was given.' }),
  ),
  deliveryAddressIds: Type.Array(Type.Integer(), {
    description: 'The delivery contact of each shipping address, in input order.',
  }),
});

/**
 * `odoo.upsertCustomer`: creates or updates the res.partner of a canonical customer, matched by
 * its Odoo id (`externalIds.odoo`), then ref, then VAT, then email; the billing address becomes
 * an `invoice` child contact and each shipping address a `delivery` child, matched by postal
 * address so that a repeat updates instead of adding copies. Three to eight calls plus one per
 * address.
 *
 * @example
 * { "id": "customer", "type": "odoo.upsertCustomer", "credential": "odoo-main", "config": {} }
 */
export const upsertCustomerOperation = defineOperation({
  type: 'odoo.upsertCustomer',
  title: 'Create or update customer',
  description:
    'Creates the customer in Odoo, or updates the one with the same reference, VAT number or email, with its billing and delivery addresses.',
  icon: 'user-plus',
  effect: 'write',
  idempotency: 'upsert-by-external-id',
  idempotencyNote:
    'Matched by ref, VAT or email before anything is written, and addresses by postal address: a repeat updates the same records.',
  configSchema: Type.Object(
    {
      updateExisting: Type.Optional(
        Type.Boolean({
          default: true,
          description:
            'Update name, email, phone and VAT of a customer that exists; false leaves it as it is.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  inputSchema: CanonicalCustomerSchema,
  outputSchema: UpsertCustomerOutputSchema,
  credential: ODOO_CREDENTIAL,
  async run(ctx) {
    return upsertCustomer(odooFor(ctx), ctx.input, {
      updateExisting: ctx.config.updateExisting ?? true,
      log: (message) => ctx.log({ level: 'info', message }),
    });
  },
});
