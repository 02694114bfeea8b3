import { Type } from '@sinclair/typebox';

/**
 * An Odoo domain: terms `[field, operator, value]` and the prefix operators `&`, `|`, `!`.
 *
 * @example
 * const domain = ['|', ['state', '=', 'sale'], ['state', '=', 'done']];
 */
export const DomainSchema = Type.Array(
  Type.Union([
    Type.Union([Type.Literal('&'), Type.Literal('|'), Type.Literal('!')]),
    Type.Array(Type.Unknown(), { minItems: 3, maxItems: 3 }),
  ]),
  { description: 'Odoo domain, e.g. [["state", "=", "sale"]]; terms are ANDed unless joined with "|".' },
);

/**
 * A technical model name such as sale.order.
 *
 * @example
 * const model = 'res.partner';
 */
export const ModelNameSchema = Type.String({
  minLength: 1,
  maxLength: 128,
  pattern: '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*$',
  description: 'Technical model name, e.g. res.partner or sale.order.',
});

/**
 * Extra context keys for the call (language, company, active_test…).
 *
 * @example
 * const context = { lang: 'de_DE', active_test: false };
 */
export const ContextSchema = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Context for the call, e.g. { "lang": "de_DE" }.',
});

/**
 * Field values of a record, as Odoo's write and create take them.
 *
 * @example
 * const values = { name: 'Acme', is_company: true };
 */
export const ValuesSchema = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Field values by field name; relations by id, x2many as command lists.',
});
