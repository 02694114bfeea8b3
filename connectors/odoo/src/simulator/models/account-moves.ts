import { type Rec, record, roundMoney, search } from '../orm/records.js';
import type { Env, Row } from '../orm/types.js';
import { toCompanyCurrency } from './pricelist.js';
import { lineAmounts } from './taxes.js';

export const INVOICE_TYPES = [
  'out_invoice',
  'out_refund',
  'in_invoice',
  'in_refund',
  'out_receipt',
  'in_receipt',
];

const move = (env: Env, row: Row) => record(env, 'account.move', row.id);

export function moveLineAmounts(env: Env, row: Row) {
  const line = record(env, 'account.move.line', row.id);
  if (line.str('display_type') !== 'product') return { subtotal: 0, tax: 0, total: 0 };
  return lineAmounts(
    env,
    line.num('quantity'),
    line.num('price_unit'),
    line.num('discount'),
    line.ids('tax_ids'),
  );
}

const totals = (env: Env, row: Row) => {
  const lines = move(env, row)
    .list('invoice_line_ids')
    .map((line) => moveLineAmounts(env, line.row));
  const untaxed = roundMoney(lines.reduce((sum, line) => sum + line.subtotal, 0));
  const tax = roundMoney(lines.reduce((sum, line) => sum + line.tax, 0));
  return { untaxed, tax, total: roundMoney(untaxed + tax) };
};

export const amountUntaxed = (env: Env, row: Row) => totals(env, row).untaxed;
export const amountTax = (env: Env, row: Row) => totals(env, row).tax;
export const amountTotal = (env: Env, row: Row) => totals(env, row).total;

/** Allocations (payments, reconciled credit notes) settling a move; simulator bookkeeping. */
export const allocationsOf = (env: Env, moveId: number): Rec[] =>
  search(env, 'sim.allocation', [['move_id', '=', moveId]]);

export function amountResidual(env: Env, row: Row): number {
  const allocated = allocationsOf(env, row.id).reduce((sum, allocation) => sum + allocation.num('amount'), 0);
  return Math.max(0, roundMoney(amountTotal(env, row) - allocated));
}

// Outgoing documents (customer invoices) count positive in company currency (converted at the
// currency's fixed rate), refunds negative.
const sign = (env: Env, row: Row) =>
  ['out_refund', 'in_invoice', 'in_receipt'].includes(move(env, row).str('move_type')) ? -1 : 1;
export const signed = (compute: (env: Env, row: Row) => number) => (env: Env, row: Row) =>
  sign(env, row) * toCompanyCurrency(env, compute(env, row), move(env, row).m2o('currency_id'));

/**
 * payment_state: settled invoices read `paid` (or `in_payment`, per simulator option, which is what Odoo
 * shows until the bank statement is matched); one settled by its own reversal reads `reversed`.
 */
export function paymentState(env: Env, row: Row): string {
  const entry = move(env, row);
  if (!INVOICE_TYPES.includes(entry.str('move_type')) || entry.str('state') !== 'posted') return 'not_paid';
  const total = amountTotal(env, row);
  const residual = amountResidual(env, row);
  if (total <= 0 || residual <= 0.005) {
    const allocations = allocationsOf(env, row.id);
    const byReversal =
      allocations.length > 0 &&
      allocations.every((allocation) => {
        const other = allocation.rel('counterpart_move_id');
        return (
          other !== undefined &&
          (other.m2o('reversed_entry_id') === row.id || entry.m2o('reversed_entry_id') === other.id)
        );
      });
    if (byReversal && entry.str('move_type') === 'out_invoice') return 'reversed';
    return byReversal ? 'paid' : env.db.settings.invoicePaidState;
  }
  return residual < total ? 'partial' : 'not_paid';
}

const DRAFT_LABEL: Record<string, string> = {
  out_invoice: 'Draft Invoice',
  out_refund: 'Draft Credit Note',
  in_invoice: 'Draft Bill',
  in_refund: 'Draft Vendor Credit Note',
  out_receipt: 'Draft Sales Receipt',
  in_receipt: 'Draft Purchase Receipt',
  entry: 'Draft Entry',
};

/** "Draft Invoice (* 12)" until posted, then the sequence name, as Odoo displays moves. */
export function moveDisplayName(env: Env, row: Row): string {
  const entry = move(env, row);
  const name = entry.str('name');
  if (entry.str('state') === 'draft' && (!name || name === '/')) {
    return `${DRAFT_LABEL[entry.str('move_type')] ?? 'Draft Entry'} (* ${row.id})`;
  }
  return name || '/';
}
