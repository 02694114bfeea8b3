import { type Static, Type } from '@sinclair/typebox';
import { CountryCodeSchema, withDescription } from '../primitives.js';
import { canonicalSchemaId } from '../schema-id.js';

/**
 * A postal address as a carrier label needs it. The owning entity names its source of record:
 * Odoo (res.partner) for customer master data, the channel for an order's ship-to.
 *
 * @example
 * const address: CanonicalAddress = {
 *   name: 'Anna Weber', company: 'Café Lindenhof GmbH', street1: 'Lindenstraße 12',
 *   city: 'Berlin', region: 'BE', postalCode: '10969', countryCode: 'DE',
 * };
 */
export const CanonicalAddressSchema = Type.Object(
  {
    name: Type.Optional(
      Type.String({ minLength: 1, description: 'Person the goods or mail are for (the attention line).' }),
    ),
    company: Type.Optional(Type.String({ minLength: 1, description: 'Company name on the label.' })),
    street1: Type.String({ minLength: 1, description: 'First street line: street and house number.' }),
    street2: Type.Optional(Type.String({ description: 'Second street line: suite, floor, building, c/o.' })),
    city: Type.String({ minLength: 1, description: 'City or town.' }),
    region: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'State, province or region code without the country prefix (e.g. "CA", "BE", "ON"); Shopify province_code, Odoo state_id code.',
      }),
    ),
    postalCode: Type.Optional(
      Type.String({ minLength: 1, description: 'Postal or ZIP code, as written locally.' }),
    ),
    countryCode: withDescription(CountryCodeSchema, 'Country, as an ISO 3166-1 alpha-2 code (e.g. "DE").'),
    phone: Type.Optional(
      Type.String({ minLength: 1, description: 'Phone number for the carrier, preferably E.164.' }),
    ),
    email: Type.Optional(
      Type.String({ format: 'email', description: 'Email address for delivery notifications.' }),
    ),
  },
  {
    $id: canonicalSchemaId('address'),
    additionalProperties: false,
    description: 'Canonical postal address, v1.',
  },
);

/**
 * A canonical postal address.
 *
 * @example
 * const address: CanonicalAddress = { street1: '1 Main St', city: 'Austin', region: 'TX', countryCode: 'US' };
 */
export type CanonicalAddress = Static<typeof CanonicalAddressSchema>;
