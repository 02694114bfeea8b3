import { type Static, Type } from '@sinclair/typebox';
import {
  CurrencyCodeSchema,
  ExtensionsSchema,
  IsoDateTimeSchema,
  MoneySchema,
  QuantitySchema,
  UomSchema,
  withDescription,
} from '../primitives.js';
import { canonicalSchemaId } from '../schema-id.js';

// Customer service is the source of record for the authorization, the warehouse for what was
// received and in which condition, Odoo for the credit note.

/**
 * A returned item.
 *
 * @example
 * const line: CanonicalReturnLine = { sku: 'GR-BUR-64', quantity: '1', condition: 'damaged' };
 */
export const CanonicalReturnLineSchema = Type.Object(
  {
    sku: Type.String({
      minLength: 1,
      description: 'SKU returned, matched to Odoo default_code. Source of record: customer service.',
    }),
    quantity: withDescription(
      QuantitySchema,
      'Quantity returned, in `uom`. Source of record: the warehouse once received.',
    ),
    uom: Type.Optional(withDescription(UomSchema, 'Unit the quantity is counted in; absent means Units.')),
    reason: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'Why this item comes back (e.g. "damaged in transit"). Source of record: customer service.',
      }),
    ),
    condition: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'Condition found at receipt (e.g. "resellable", "opened", "damaged"); decides restock or scrap. Source of record: the warehouse.',
      }),
    ),
  },
  { additionalProperties: false, description: 'A returned item.' },
);

/**
 * A customer return (RMA), from request to credit.
 *
 * @example
 * const rma: CanonicalReturn = {
 *   number: 'RMA-0007', orderNumber: '#1005', status: 'authorized',
 *   lines: [{ sku: 'GR-BUR-64', quantity: '1', reason: 'damaged in transit' }],
 * };
 */
export const CanonicalReturnSchema = Type.Object(
  {
    number: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'RMA number once authorized. Source of record: customer service.',
      }),
    ),
    orderNumber: Type.String({
      minLength: 1,
      description:
        'Number of the order the goods were bought on, as in CanonicalOrder.number. Source of record: the channel.',
    }),
    reason: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'Why the customer returns the goods, overall. Source of record: customer service.',
      }),
    ),
    requestedAt: Type.Optional(
      withDescription(
        IsoDateTimeSchema,
        'When the customer asked to return. Source of record: customer service.',
      ),
    ),
    lines: Type.Array(CanonicalReturnLineSchema, {
      minItems: 1,
      description: 'Items coming back, at least one. Source of record: customer service, then the warehouse.',
    }),
    refund: Type.Optional(
      Type.Object(
        {
          amount: withDescription(
            MoneySchema,
            'Amount credited or refunded to the customer, as a positive amount in `currency`.',
          ),
          currency: withDescription(
            CurrencyCodeSchema,
            'Currency of `amount`; the currency of the original order.',
          ),
        },
        {
          additionalProperties: false,
          description: 'Money going back to the customer. Source of record: Odoo credit note.',
        },
      ),
    ),
    status: Type.Optional(
      Type.Union(
        [
          Type.Literal('requested'),
          Type.Literal('authorized'),
          Type.Literal('received'),
          Type.Literal('credited'),
          Type.Literal('rejected'),
        ],
        {
          description:
            'requested (awaiting authorization), authorized (RMA issued), received (at the warehouse), credited (credit note posted) or rejected. Source of record: customer service, the warehouse and Odoo in turn.',
        },
      ),
    ),
    extensions: Type.Optional(ExtensionsSchema),
  },
  {
    $id: canonicalSchemaId('return'),
    additionalProperties: false,
    description: 'Canonical customer return (RMA), v1.',
  },
);

/**
 * A canonical customer return.
 *
 * @example
 * const rma: CanonicalReturn = { orderNumber: 'PO-4711', lines: [{ sku: 'CB-ESP-1KG', quantity: '2' }], status: 'requested' };
 */
export type CanonicalReturn = Static<typeof CanonicalReturnSchema>;

/**
 * One line of a canonical return.
 *
 * @example
 * const line: CanonicalReturnLine = { sku: 'CB-ESP-1KG', quantity: '2', condition: 'resellable' };
 */
export type CanonicalReturnLine = Static<typeof CanonicalReturnLineSchema>;
