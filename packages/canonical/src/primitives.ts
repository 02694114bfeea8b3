import {
  CloneType,
  type Static,
  type TObject,
  type TProperties,
  type TSchema,
  Type,
} from '@sinclair/typebox';

// Amounts and quantities are decimal strings because JS numbers cannot hold 0.1 exactly and Odoo,
// Shopify and EDI all exchange decimals as text. `[0-9]` rather than `\d`, so validators in other
// languages (where `\d` may match any Unicode digit) read the pattern the same way.

/**
 * A signed decimal with up to 6 fractional digits: Odoo's finest price precision.
 *
 * @example
 * new RegExp(DECIMAL_PATTERN).test('-12.50'); // true
 */
export const DECIMAL_PATTERN = '^-?[0-9]+(\\.[0-9]{1,6})?$';

/**
 * An unsigned decimal with up to 6 fractional digits, for quantities, weights and rates.
 *
 * @example
 * new RegExp(UNSIGNED_DECIMAL_PATTERN).test('-1'); // false
 */
export const UNSIGNED_DECIMAL_PATTERN = '^[0-9]+(\\.[0-9]{1,6})?$';

/**
 * The same schema with its own `description`, so each property says what it means while the
 * constraints stay defined once.
 *
 * @example
 * const unitPrice = withDescription(MoneySchema, 'Price of one unit, before tax.');
 */
export function withDescription<T extends TSchema>(schema: T, description: string): T {
  return CloneType(schema, { description });
}

/**
 * A canonical entity schema without its `$id`, for embedding inside another schema. An ajv root
 * may not hold the same `$id` twice, so embedding the registered schema itself breaks as soon as
 * it appears at two places (e.g. `shipTo` and `billTo`).
 *
 * @example
 * const OutputSchema = Type.Object({ order: embed(CanonicalOrderSchema, 'The order as received.') });
 */
export function embed<T extends TProperties>(schema: TObject<T>, description: string): TObject<T> {
  return Type.Object(schema.properties, { additionalProperties: false, description });
}

/**
 * An amount of money as a decimal string, in the currency of the entity that owns it.
 *
 * @example
 * const price: Money = '18.50';
 */
export const MoneySchema = Type.String({
  pattern: DECIMAL_PATTERN,
  description: 'Amount of money as a decimal string (e.g. "18.50"), in the currency of the owning entity.',
});

/**
 * A value MoneySchema accepts.
 *
 * @example
 * const price: Money = '18.50';
 */
export type Money = Static<typeof MoneySchema>;

/**
 * A quantity as an unsigned decimal string; its unit is the `uom` beside it.
 *
 * @example
 * const quantity: Quantity = '12';
 */
export const QuantitySchema = Type.String({
  pattern: UNSIGNED_DECIMAL_PATTERN,
  description: 'Quantity as an unsigned decimal string (e.g. "12" or "2.5"), counted in the uom beside it.',
});

/**
 * A value QuantitySchema accepts.
 *
 * @example
 * const quantity: Quantity = '12';
 */
export type Quantity = Static<typeof QuantitySchema>;

/**
 * A ratio as an unsigned decimal string: 0.19 means 19 %.
 *
 * @example
 * const vat: Rate = '0.19';
 */
export const RateSchema = Type.String({
  pattern: UNSIGNED_DECIMAL_PATTERN,
  description: 'Ratio as an unsigned decimal string, where "0.19" means 19 %.',
});

/**
 * A value RateSchema accepts.
 *
 * @example
 * const vat: Rate = '0.19';
 */
export type Rate = Static<typeof RateSchema>;

/**
 * A unit of measure, named as Odoo names it ("Units", "kg", "Dozens"); absent means Units.
 *
 * @example
 * const uom: Uom = 'Dozens';
 */
export const UomSchema = Type.String({
  minLength: 1,
  default: 'Units',
  description:
    'Unit of measure the quantity is counted in, as Odoo names it (e.g. "Units", "kg", "Dozens"); absent means Units. Source of record: Odoo.',
});

/**
 * A value UomSchema accepts.
 *
 * @example
 * const uom: Uom = 'Dozens';
 */
export type Uom = Static<typeof UomSchema>;

/**
 * An ISO 4217 currency code, uppercase.
 *
 * @example
 * const currency: CurrencyCode = 'EUR';
 */
export const CurrencyCodeSchema = Type.String({
  pattern: '^[A-Z]{3}$',
  description: 'ISO 4217 currency code in uppercase (e.g. "EUR", "USD").',
});

/**
 * A value CurrencyCodeSchema accepts.
 *
 * @example
 * const currency: CurrencyCode = 'EUR';
 */
export type CurrencyCode = Static<typeof CurrencyCodeSchema>;

/**
 * An ISO 3166-1 alpha-2 country code, uppercase.
 *
 * @example
 * const country: CountryCode = 'DE';
 */
export const CountryCodeSchema = Type.String({
  pattern: '^[A-Z]{2}$',
  description: 'ISO 3166-1 alpha-2 country code in uppercase (e.g. "DE", "US").',
});

/**
 * A value CountryCodeSchema accepts.
 *
 * @example
 * const country: CountryCode = 'DE';
 */
export type CountryCode = Static<typeof CountryCodeSchema>;

/**
 * A calendar date (RFC 3339 full-date) with no time zone: due dates, requested ship dates.
 *
 * @example
 * const due: IsoDate = '2025-04-03';
 */
export const IsoDateSchema = Type.String({
  format: 'date',
  description: 'Calendar date as YYYY-MM-DD, with no time zone.',
});

/**
 * A value IsoDateSchema accepts.
 *
 * @example
 * const due: IsoDate = '2025-04-03';
 */
export type IsoDate = Static<typeof IsoDateSchema>;

/**
 * An instant (RFC 3339 date-time); the offset is required so instants from different systems compare.
 *
 * @example
 * const at: IsoDateTime = '2025-03-02T09:14:05+01:00';
 */
export const IsoDateTimeSchema = Type.String({
  format: 'date-time',
  description: 'Instant as an RFC 3339 date-time with an offset or Z (e.g. "2025-03-02T09:14:05Z").',
});

/**
 * A value IsoDateTimeSchema accepts.
 *
 * @example
 * const at: IsoDateTime = '2025-03-02T09:14:05+01:00';
 */
export type IsoDateTime = Static<typeof IsoDateTimeSchema>;

/**
 * The lowercase name of a connected system, used as a key wherever systems are told apart.
 *
 * @example
 * const system: SystemName = 'shopify';
 */
export const SystemNameSchema = Type.String({
  pattern: '^[a-z][a-z0-9_-]{0,39}$',
  description:
    'Lowercase name of a connected system (e.g. "shopify", "salesforce", "edi", "odoo", "manual").',
});

/**
 * A value SystemNameSchema accepts.
 *
 * @example
 * const system: SystemName = 'shopify';
 */
export type SystemName = Static<typeof SystemNameSchema>;

/**
 * The ids one record has in each system, keyed by system name; the cross-reference connectors
 * use to upsert instead of creating duplicates.
 *
 * @example
 * const ids: ExternalIds = { shopify: '7012345678901', odoo: '4821' };
 */
export const ExternalIdsSchema = Type.Record(
  Type.String({ pattern: '^[a-z][a-z0-9_-]{0,39}$' }),
  Type.String({ minLength: 1, description: 'Id of the record in that system, as a string.' }),
  {
    additionalProperties: false,
    description:
      'Id of this record in each system, keyed by lowercase system name (e.g. { "shopify": "7012345678901", "odoo": "4821" }). Each system is the source of record of its own id.',
  },
);

/**
 * A value ExternalIdsSchema accepts.
 *
 * @example
 * const ids: ExternalIds = { shopify: '7012345678901', odoo: '4821' };
 */
export type ExternalIds = Static<typeof ExternalIdsSchema>;

/**
 * System-specific leftovers that have no canonical field, keyed by system name by convention.
 * Flows may read them; canonical consumers must not depend on them.
 *
 * @example
 * const extensions: Extensions = { shopify: { tags: ['wholesale'] } };
 */
export const ExtensionsSchema = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'System-specific data with no canonical field, keyed by system name by convention (e.g. { "shopify": { "tags": ["wholesale"] } }). Source of record: the system named by the key.',
});

/**
 * A value ExtensionsSchema accepts.
 *
 * @example
 * const extensions: Extensions = { shopify: { tags: ['wholesale'] } };
 */
export type Extensions = Static<typeof ExtensionsSchema>;

/**
 * A weight with its unit.
 *
 * @example
 * const weight: Weight = { value: '14.2', unit: 'kg' };
 */
export const WeightSchema = Type.Object(
  {
    value: Type.String({
      pattern: UNSIGNED_DECIMAL_PATTERN,
      description: 'Weight as an unsigned decimal string, in `unit`.',
    }),
    unit: Type.Union([Type.Literal('kg'), Type.Literal('g'), Type.Literal('lb'), Type.Literal('oz')], {
      description: 'Unit of `value`: kilograms, grams, pounds or ounces.',
    }),
  },
  { additionalProperties: false, description: 'Weight with its unit.' },
);

/**
 * A value WeightSchema accepts.
 *
 * @example
 * const weight: Weight = { value: '14.2', unit: 'kg' };
 */
export type Weight = Static<typeof WeightSchema>;
