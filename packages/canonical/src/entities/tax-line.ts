import { type Static, Type } from '@sinclair/typebox';
import { MoneySchema, RateSchema, withDescription } from '../primitives.js';

/**
 * One tax applied to a document line (order or invoice); a line may carry several (e.g. US state
 * and county tax). Embedded without an `$id`, since it is not an entity of its own.
 *
 * @example
 * const vat: CanonicalTaxLine = { name: 'DE VAT 19%', rate: '0.19', amount: '66.31' };
 */
export const CanonicalTaxLineSchema = Type.Object(
  {
    name: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'Tax name as the source system shows it (e.g. "DE VAT 19%", "CA State Tax"); mapped to an Odoo tax by name or rate.',
      }),
    ),
    rate: Type.Optional(withDescription(RateSchema, 'Tax rate as a ratio: "0.19" is 19 %.')),
    amount: Type.Optional(
      withDescription(MoneySchema, 'Tax amount for the whole line, in the currency of the document.'),
    ),
  },
  { additionalProperties: false, description: 'A tax on the line.' },
);

/**
 * A tax on an order or invoice line.
 *
 * @example
 * const tax: CanonicalTaxLine = { rate: '0.07', amount: '14.76' };
 */
export type CanonicalTaxLine = Static<typeof CanonicalTaxLineSchema>;
