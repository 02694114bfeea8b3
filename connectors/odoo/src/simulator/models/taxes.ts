import { browse, roundMoney } from '../orm/records.js';
import type { Env, ModelDef } from '../orm/types.js';
import { boolean, char, float, many2one, selection } from './fields.js';

export const accountTax: ModelDef = {
  name: 'account.tax',
  description: 'Tax',
  order: 'sequence,id',
  accessGroups: 'Accounting/Adviser',
  fields: {
    name: char('Tax Name', { required: true }),
    sequence: float('Sequence', { default: 1 }),
    amount: float('Amount', { default: 0 }),
    amount_type: selection(
      'Tax Computation',
      [
        ['fixed', 'Fixed'],
        ['percent', 'Percentage of Price'],
      ],
      { default: 'percent', required: true },
    ),
    type_tax_use: selection(
      'Tax Type',
      [
        ['sale', 'Sales'],
        ['purchase', 'Purchases'],
        ['none', 'None'],
      ],
      { default: 'sale', required: true },
    ),
    price_include: boolean('Included in Price', { default: false }),
    active: boolean('Active', { default: true }),
    company_id: many2one('res.company', 'Company'),
  },
};

export interface LineAmounts {
  subtotal: number;
  tax: number;
  total: number;
}

/**
 * Line totals with Odoo's default rounding per line: percentages apply to the discounted subtotal, fixed
 * taxes per unit; a price-included tax is taken out of the price first.
 */
export function lineAmounts(
  env: Env,
  quantity: number,
  priceUnit: number,
  discount: number,
  taxIds: number[],
): LineAmounts {
  const taxes = browse(env, 'account.tax', taxIds);
  let base = quantity * priceUnit * (1 - discount / 100);
  const included = taxes.filter((tax) => tax.bool('price_include') && tax.str('amount_type') === 'percent');
  const includedRate = included.reduce((sum, tax) => sum + tax.num('amount'), 0);
  if (includedRate > 0) base /= 1 + includedRate / 100;
  const subtotal = roundMoney(base);
  const tax = roundMoney(
    taxes.reduce((sum, tax) => {
      if (tax.str('amount_type') === 'fixed') return sum + tax.num('amount') * quantity;
      return sum + (base * tax.num('amount')) / 100;
    }, 0),
  );
  return { subtotal, tax, total: roundMoney(subtotal + tax) };
}
