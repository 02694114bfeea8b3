import { record, roundMoney, search } from '../orm/records.js';
import type { Env, ModelDef } from '../orm/types.js';
import { boolean, char, integer, many2one } from './fields.js';

/**
 * `product.pricelist` as Odoo 17–19 has it, reduced to what multi-currency sales need: a pricelist
 * names the currency an order is priced and booked in.
 *
 * Simplification: no pricelist rules (`item_ids`), country groups or partner pricelists. Every
 * pricelist prices a product at its sales price converted into the pricelist currency, which is
 * what a fresh Odoo pricelist without rules does.
 */
export const productPricelist: ModelDef = {
  name: 'product.pricelist',
  description: 'Pricelist',
  order: 'sequence asc, id asc',
  // "EUR Pricelist (EUR)": Odoo's display name always shows the currency.
  displayName: (env, row) => {
    const pricelist = record(env, 'product.pricelist', row.id);
    return `${pricelist.str('name')} (${pricelist.rel('currency_id')?.str('name') ?? ''})`;
  },
  fields: {
    name: char('Pricelist Name', { required: true }),
    active: boolean('Active', { default: true }),
    sequence: integer('Sequence', { default: 16 }),
    currency_id: many2one('res.currency', 'Currency', {
      required: true,
      default: (env) => companyCurrency(env),
    }),
    // Empty means shared by every company, as Odoo's default pricelist is.
    company_id: many2one('res.company', 'Company'),
  },
};

const companyCurrency = (env: Env) => record(env, 'res.company', 1).m2o('currency_id');

/**
 * The pricelist a new order gets when none is given: the first active pricelist in the company
 * currency. Odoo takes the customer's `property_product_pricelist`, which resolves to the same
 * pricelist when no customer has one of their own (the simulator has no partner pricelists).
 */
export function defaultPricelistId(env: Env): number | false {
  const currency = companyCurrency(env);
  const [pricelist] = search(
    env,
    'product.pricelist',
    [
      ['currency_id', '=', currency],
      ['company_id', 'in', [false, 1]],
    ],
    { limit: 1 },
  );
  return pricelist?.id ?? false;
}

/**
 * Rate of a currency against the company currency (units per company unit; EUR 0.92 means
 * 1 USD = 0.92 EUR). Simplification: one fixed rate per currency, kept on the currency row
 * (seeded from CURRENCIES), instead of dated `res.currency.rate` records.
 */
export function currencyRate(env: Env, currencyId: number | false): number {
  if (currencyId === false) return 1;
  const rate = record(env, 'res.currency', currencyId).num('rate');
  return rate > 0 ? rate : 1;
}

/**
 * `res.currency._convert` from the company currency into `currencyId`, rounded to the currency's
 * 2 digits (the simulator's currencies all have a 0.01 rounding).
 */
export const fromCompanyCurrency = (env: Env, amount: number, currencyId: number | false) =>
  roundMoney(amount * currencyRate(env, currencyId));

/** `res.currency._convert` from `currencyId` into the company currency, rounded to 2 digits. */
export const toCompanyCurrency = (env: Env, amount: number, currencyId: number | false) =>
  roundMoney(amount / currencyRate(env, currencyId));
