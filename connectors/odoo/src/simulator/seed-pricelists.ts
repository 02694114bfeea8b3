/**
 * Pricelists of the simulated database, kept apart from seed.ts so that file stays readable. Odoo
 * creates "Public Pricelist" in the company currency on install; a business selling in euros adds a
 * EUR one. Rates come from CURRENCIES in seed.ts (1 USD = 0.92 EUR).
 */

/**
 * name, currency code, sequence. The first is the company's default pricelist (USD).
 *
 * @example
 * PRICELISTS.map(([name, currency]) => `${name} (${currency})`); // ['Public Pricelist (USD)', 'EUR Pricelist (EUR)']
 */
export const PRICELISTS: readonly (readonly [string, string, number])[] = [
  ['Public Pricelist', 'USD', 1],
  ['EUR Pricelist', 'EUR', 10],
];
