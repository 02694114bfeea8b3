import { search, today } from '../orm/records.js';
import type { ModelDef } from '../orm/types.js';
import { boolean, char, date, float, integer, many2many, many2one, monetary, selection } from './fields.js';

export const accountJournal: ModelDef = {
  name: 'account.journal',
  description: 'Journal',
  order: 'sequence, type, code',
  fields: {
    name: char('Journal Name', { required: true }),
    code: char('Short Code', { required: true }),
    type: selection(
      'Type',
      [
        ['sale', 'Sales'],
        ['purchase', 'Purchase'],
        ['cash', 'Cash'],
        ['bank', 'Bank'],
        ['general', 'Miscellaneous'],
      ],
      { required: true },
    ),
    sequence: integer('Sequence', { default: 10 }),
    refund_sequence: boolean('Dedicated Credit Note Sequence', { default: true }),
    currency_id: many2one('res.currency', 'Currency'),
    company_id: many2one('res.company', 'Company', { default: 1 }),
    active: boolean('Active', { default: true }),
  },
};

export const accountPayment: ModelDef = {
  name: 'account.payment',
  description: 'Payments',
  order: 'date desc, name desc',
  accessGroups: 'Accounting/Billing',
  fields: {
    name: char('Number', { default: '/' }),
    payment_type: selection(
      'Payment Type',
      [
        ['outbound', 'Send'],
        ['inbound', 'Receive'],
      ],
      { required: true, default: 'inbound' },
    ),
    partner_type: selection(
      'Partner Type',
      [
        ['customer', 'Customer'],
        ['supplier', 'Vendor'],
      ],
      { default: 'customer' },
    ),
    partner_id: many2one('res.partner', 'Customer/Vendor'),
    amount: monetary('Amount', { default: 0 }),
    currency_id: many2one('res.currency', 'Currency'),
    date: date('Date', { default: (env) => today(env) }),
    journal_id: many2one('account.journal', 'Journal'),
    ref: char('Memo', { until: 17 }),
    memo: char('Memo', { since: 18 }),
    state: selection(
      'Status',
      [
        ['draft', 'Draft'],
        ['posted', 'Posted'],
        ['cancel', 'Cancelled'],
      ],
      { until: 17, default: 'draft' },
    ),
    'state@18': selection(
      'Status',
      [
        ['draft', 'Draft'],
        ['in_process', 'In Process'],
        ['paid', 'Paid'],
        ['canceled', 'Canceled'],
        ['rejected', 'Rejected'],
      ],
      { since: 18, default: 'draft' },
    ),
    reconciled_invoice_ids: many2many('account.move', 'Reconciled Invoices', {
      compute: (env, row) =>
        search(env, 'sim.allocation', [['payment_id', '=', row.id]]).map((a) => Number(a.m2o('move_id'))),
    }),
    company_id: many2one('res.company', 'Company', { default: 1 }),
  },
};

/** Simulator bookkeeping: which payment or counterpart move settles how much of a move. Not an Odoo model. */
export const simAllocation: ModelDef = {
  name: 'sim.allocation',
  description: 'Simulator allocation',
  order: 'id',
  hidden: true,
  fields: {
    move_id: many2one('account.move', 'Move', { required: true, ondelete: 'cascade' }),
    payment_id: many2one('account.payment', 'Payment', { ondelete: 'cascade' }),
    counterpart_move_id: many2one('account.move', 'Counterpart', { ondelete: 'cascade' }),
    amount: float('Amount', { default: 0 }),
  },
};
