import { userError } from '../errors.js';
import { browse, nextNumber, pad, type Rec, record, search, today, unlink } from '../orm/records.js';
import type { Env, MethodDef, ModelDef } from '../orm/types.js';
import {
  allocationsOf,
  amountResidual,
  amountTax,
  amountTotal,
  amountUntaxed,
  moveDisplayName,
  moveLineAmounts,
  paymentState,
  signed,
} from './account-moves.js';
import {
  boolean,
  char,
  date,
  float,
  html,
  integer,
  many2many,
  many2one,
  monetary,
  one2many,
  selection,
} from './fields.js';

const MOVE_TYPES = [
  ['entry', 'Journal Entry'],
  ['out_invoice', 'Customer Invoice'],
  ['out_refund', 'Customer Credit Note'],
  ['in_invoice', 'Vendor Bill'],
  ['in_refund', 'Vendor Credit Note'],
  ['out_receipt', 'Sales Receipt'],
  ['in_receipt', 'Purchase Receipt'],
] as const;

// Fields a posted entry keeps fixed; Odoo requires a reset to draft before changing them.
const LOCKED_WHEN_POSTED = [
  'invoice_line_ids',
  'line_ids',
  'partner_id',
  'currency_id',
  'journal_id',
  'move_type',
];

/** Sequence names on posting: INV/2026/00001, RINV/2026/00001 for credit notes (dedicated sequence). */
function assignName(env: Env, entry: Rec): void {
  const name = entry.str('name');
  if (name && name !== '/') return;
  const journal = entry.rel('journal_id');
  const code = journal?.str('code') || 'MISC';
  const refund =
    ['out_refund', 'in_refund'].includes(entry.str('move_type')) && journal?.bool('refund_sequence');
  const prefix = `${refund ? 'R' : ''}${code}/${(entry.str('invoice_date') || entry.str('date') || today(env)).slice(0, 4)}/`;
  entry.write({ name: `${prefix}${pad(nextNumber(env, `move:${prefix}`, true))}` });
}

export function postMoves(env: Env, moves: Rec[]): void {
  for (const entry of moves) {
    if (entry.str('state') === 'posted')
      throw userError(`The entry ${entry.str('name')} (id ${entry.id}) is already posted.`);
    if (
      entry.list('invoice_line_ids').filter((line) => line.str('display_type') === 'product').length === 0
    ) {
      throw userError('You need to add a line before posting.');
    }
    const type = entry.str('move_type');
    if (!entry.m2o('partner_id') && ['out_invoice', 'out_refund', 'out_receipt'].includes(type)) {
      throw userError(
        "The field 'Customer' is required, please complete it to validate the Customer Invoice.",
      );
    }
    if (type !== 'entry' && entry.num('amount_total') < 0) {
      throw userError(
        'You cannot validate an invoice with a negative total amount. You should create a credit note instead. ' +
          'Use the action menu to transform it into a credit note or refund.',
      );
    }
    const invoiceDate = entry.str('invoice_date') || today(env);
    entry.write({
      invoice_date: invoiceDate,
      invoice_date_due: entry.str('invoice_date_due') || invoiceDate,
      date: entry.str('date') || invoiceDate,
    });
    assignName(env, entry);
    entry.write({
      state: 'posted',
      posted_before: true,
      payment_reference: entry.str('payment_reference') || entry.str('name'),
    });
    // Like account's _increase_rank: a posted customer invoice makes its partner a customer.
    const commercial = entry.rel('partner_id')?.rel('commercial_partner_id');
    if (commercial && type === 'out_invoice')
      commercial.write({ customer_rank: commercial.num('customer_rank') + 1 });
  }
}

const moveMethod = (run: (env: Env, moves: Rec[]) => unknown): MethodDef => ({
  access: { operation: 'write' },
  params: [],
  run: (env, ids) => run(env, browse(env, 'account.move', ids)),
});

const wizardAction = (name: string, model: string, ids: number[]) => ({
  name,
  type: 'ir.actions.act_window',
  res_model: model,
  view_mode: 'form',
  views: [[false, 'form']],
  target: 'new',
  context: { active_model: 'account.move', active_ids: ids },
});

export const accountMove: ModelDef = {
  name: 'account.move',
  description: 'Journal Entry',
  order: 'date desc, name desc, invoice_date desc, id desc',
  accessGroups: 'Accounting/Billing',
  displayName: moveDisplayName,
  nameSearchFields: ['name', 'ref', 'invoice_origin'],
  fields: {
    name: char('Number', { default: '/' }),
    ref: char('Reference'),
    move_type: selection('Type', MOVE_TYPES, { required: true, default: 'entry' }),
    state: selection(
      'Status',
      [
        ['draft', 'Draft'],
        ['posted', 'Posted'],
        ['cancel', 'Cancelled'],
      ],
      { required: true, default: 'draft' },
    ),
    payment_state: selection(
      'Payment Status',
      [
        ['not_paid', 'Not Paid'],
        ['in_payment', 'In Payment'],
        ['paid', 'Paid'],
        ['partial', 'Partially Paid'],
        ['reversed', 'Reversed'],
        ['invoicing_legacy', 'Invoicing App Legacy'],
      ],
      { compute: paymentState },
    ),
    partner_id: many2one('res.partner', 'Partner', { ondelete: 'restrict' }),
    partner_shipping_id: many2one('res.partner', 'Delivery Address'),
    commercial_partner_id: many2one('res.partner', 'Commercial Entity', {
      compute: (env, row) =>
        record(env, 'account.move', row.id).rel('partner_id')?.m2o('commercial_partner_id') ?? false,
    }),
    invoice_partner_display_name: char('Invoice Partner Display Name', {
      compute: (env, row) => record(env, 'account.move', row.id).rel('partner_id')?.name ?? false,
    }),
    date: date('Date', { default: (env) => today(env) }),
    invoice_date: date('Invoice/Bill Date'),
    invoice_date_due: date('Due Date'),
    invoice_origin: char('Origin'),
    payment_reference: char('Payment Reference'),
    narration: html('Terms and Conditions'),
    invoice_line_ids: one2many('account.move.line', 'move_id', 'Invoice lines'),
    line_ids: one2many('account.move.line', 'move_id', 'Journal Items'),
    currency_id: many2one('res.currency', 'Currency', {
      required: true,
      default: (env) => record(env, 'res.company', 1).m2o('currency_id'),
    }),
    company_id: many2one('res.company', 'Company', { default: 1 }),
    journal_id: many2one('account.journal', 'Journal', {
      required: true,
      default: (env, vals) => {
        const type = typeof vals.move_type === 'string' ? vals.move_type : 'entry';
        const kind = type.startsWith('out_') ? 'sale' : type.startsWith('in_') ? 'purchase' : 'general';
        return search(env, 'account.journal', [['type', '=', kind]], { limit: 1 })[0]?.id ?? false;
      },
    }),
    invoice_user_id: many2one('res.users', 'Salesperson', { default: (env) => env.uid }),
    amount_untaxed: monetary('Untaxed Amount', { compute: amountUntaxed }),
    amount_tax: monetary('Tax', { compute: amountTax }),
    amount_total: monetary('Total', { compute: amountTotal }),
    amount_residual: monetary('Amount Due', { compute: amountResidual }),
    amount_untaxed_signed: monetary('Untaxed Amount Signed', { compute: signed(amountUntaxed) }),
    amount_total_signed: monetary('Total Signed', { compute: signed(amountTotal) }),
    amount_residual_signed: monetary('Amount Due Signed', { compute: signed(amountResidual) }),
    reversed_entry_id: many2one('account.move', 'Reversal of', { ondelete: 'set null' }),
    reversal_move_id: one2many('account.move', 'reversed_entry_id', 'Reversal Move', { until: 17 }),
    reversal_move_ids: one2many('account.move', 'reversed_entry_id', 'Reversal Move', { since: 18 }),
    posted_before: boolean('Posted Before', { default: false }),
    auto_post: selection(
      'Auto-post',
      [
        ['no', 'No'],
        ['at_date', 'At Date'],
      ],
      { default: 'no' },
    ),
  },
  beforeWrite: (env, ids, vals) => {
    if (!LOCKED_WHEN_POSTED.some((field) => field in vals)) return;
    if (browse(env, 'account.move', ids).some((entry) => entry.str('state') === 'posted')) {
      throw userError('You cannot modify a posted entry; reset it to draft first (simulator wording).');
    }
  },
  beforeUnlink: (env, ids) => {
    if (browse(env, 'account.move', ids).some((entry) => entry.bool('posted_before'))) {
      throw userError('You cannot delete an entry which has been posted once.');
    }
  },
  methods: {
    action_post: moveMethod((env, moves) => {
      postMoves(env, moves);
      return false;
    }),
    button_draft: moveMethod((env, moves) => {
      if (moves.some((entry) => !['posted', 'cancel'].includes(entry.str('state')))) {
        throw userError('Only posted/cancelled journal entries can be reset to draft.');
      }
      // Resetting to draft unreconciles the entry, as Odoo does.
      for (const entry of moves) {
        unlink(
          env,
          'sim.allocation',
          allocationsOf(env, entry.id).map((allocation) => allocation.id),
        );
        entry.write({ state: 'draft' });
      }
      return null;
    }),
    button_cancel: moveMethod((_env, moves) => {
      if (moves.some((entry) => entry.str('state') !== 'draft'))
        throw userError('Only draft journal entries can be cancelled.');
      for (const entry of moves) entry.write({ state: 'cancel', auto_post: 'no' });
      return null;
    }),
    action_register_payment: {
      params: [],
      run: (_env, ids) => wizardAction('Pay', 'account.payment.register', ids),
    },
    action_reverse: {
      params: [],
      run: (_env, ids) => wizardAction('Reverse', 'account.move.reversal', ids),
    },
  },
};

const moveLine = (env: Env, id: number) => record(env, 'account.move.line', id);

export const accountMoveLine: ModelDef = {
  name: 'account.move.line',
  description: 'Journal Item',
  order: 'date desc, move_name desc, id',
  accessGroups: 'Accounting/Billing',
  fields: {
    move_id: many2one('account.move', 'Journal Entry', { required: true, ondelete: 'cascade' }),
    move_name: char('Number', {
      compute: (env, row) => moveLine(env, row.id).rel('move_id')?.str('name') || false,
    }),
    date: date('Date', { compute: (env, row) => moveLine(env, row.id).rel('move_id')?.str('date') || false }),
    sequence: integer('Sequence', { default: 10 }),
    display_type: selection(
      'Display Type',
      [
        ['product', 'Product'],
        ['line_section', 'Section'],
        ['line_note', 'Note'],
      ],
      { default: 'product' },
    ),
    product_id: many2one('product.product', 'Product', { ondelete: 'restrict' }),
    name: char('Label'),
    quantity: float('Quantity', { default: 1 }),
    price_unit: float('Unit Price', { default: 0 }),
    discount: float('Discount (%)', { default: 0 }),
    tax_ids: many2many('account.tax', 'Taxes'),
    product_uom_id: many2one('uom.uom', 'Unit of Measure'),
    price_subtotal: monetary('Subtotal', { compute: (env, row) => moveLineAmounts(env, row).subtotal }),
    price_total: monetary('Total', { compute: (env, row) => moveLineAmounts(env, row).total }),
    sale_line_ids: many2many('sale.order.line', 'Sales Order Lines'),
    partner_id: many2one('res.partner', 'Partner', {
      compute: (env, row) => moveLine(env, row.id).rel('move_id')?.m2o('partner_id') ?? false,
    }),
    currency_id: many2one('res.currency', 'Currency', {
      compute: (env, row) => moveLine(env, row.id).rel('move_id')?.m2o('currency_id') ?? false,
    }),
    parent_state: selection(
      'Status',
      [
        ['draft', 'Draft'],
        ['posted', 'Posted'],
        ['cancel', 'Cancelled'],
      ],
      { compute: (env, row) => moveLine(env, row.id).rel('move_id')?.str('state') || false },
    ),
  },
  prepareCreate: (env, vals) => {
    if (typeof vals.product_id !== 'number') return;
    const product = record(env, 'product.product', vals.product_id);
    if (vals.name === undefined) vals.name = product.name;
    if (vals.price_unit === undefined) vals.price_unit = product.num('list_price');
    if (vals.product_uom_id === undefined) vals.product_uom_id = product.m2o('uom_id');
    if (vals.tax_ids === undefined) vals.tax_ids = [[6, 0, product.ids('taxes_id')]];
  },
};
