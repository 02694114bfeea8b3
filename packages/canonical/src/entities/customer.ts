import { type Static, Type } from '@sinclair/typebox';
import { ExtensionsSchema, ExternalIdsSchema, embed } from '../primitives.js';
import { canonicalSchemaId } from '../schema-id.js';
import { CanonicalAddressSchema } from './address.js';

/**
 * A customer (a company or a person). Odoo (res.partner) is the source of record for customer
 * master data; channels supply customers on their orders and are matched to Odoo by `externalIds`,
 * `vat` or `email`.
 *
 * @example
 * const customer: CanonicalCustomer = {
 *   ref: '7012345678901', name: 'Café Lindenhof GmbH', email: 'einkauf@cafe-lindenhof.de',
 *   isCompany: true, externalIds: { shopify: '7012345678901', odoo: '4821' },
 * };
 */
export const CanonicalCustomerSchema = Type.Object(
  {
    ref: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'Id of the customer in the system this record came from (e.g. the Shopify customer id, the EDI buyer party id). Source of record: that system.',
      }),
    ),
    name: Type.String({
      minLength: 1,
      description:
        'Display name: the company name, or the full name of a person. Source of record: Odoo res.partner name.',
    }),
    email: Type.Optional(
      Type.String({
        format: 'email',
        description:
          'Main email address, a bare address without a display name. Source of record: Odoo, seeded by the channel.',
      }),
    ),
    phone: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'Main phone number, preferably E.164. Source of record: Odoo.',
      }),
    ),
    vat: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'Tax id (VAT number, EIN) with its country prefix where one exists (e.g. "DE812345678"). Source of record: Odoo.',
      }),
    ),
    isCompany: Type.Optional(
      Type.Boolean({
        description:
          'True for a company, false for a private person; absent when unknown. Source of record: Odoo.',
      }),
    ),
    billingAddress: Type.Optional(
      embed(CanonicalAddressSchema, 'Address invoices are sent to. Source of record: Odoo.'),
    ),
    shippingAddresses: Type.Optional(
      Type.Array(embed(CanonicalAddressSchema, 'A delivery address of the customer.'), {
        description:
          'Delivery addresses on file, the default first. Source of record: Odoo (child delivery contacts).',
      }),
    ),
    externalIds: Type.Optional(ExternalIdsSchema),
    extensions: Type.Optional(ExtensionsSchema),
  },
  {
    $id: canonicalSchemaId('customer'),
    additionalProperties: false,
    description: 'Canonical customer, v1. Source of record: Odoo res.partner.',
  },
);

/**
 * A canonical customer.
 *
 * @example
 * const customer: CanonicalCustomer = { name: 'Jane Doe', email: 'jane@example.com', isCompany: false };
 */
export type CanonicalCustomer = Static<typeof CanonicalCustomerSchema>;
