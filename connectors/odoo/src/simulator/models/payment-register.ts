import { userError } from '../errors.js';
import { browse, create, nextNumber, pad, type Rec, roundMoney, search, today } from '../orm/records.js';
import type { Env, ModelDef } from '../orm/types.js';
import { boolean, char, date, many2one, monetary, selection } from './fields.js';

import { activeIds, allocate, storedIds } from './wizard-support.js';

function createPayment(env: Env, wizard: Rec, moves: Rec[], amount: number): Rec {
  const journal =
    wizard.rel('journal_id') ?? search(env, 'account.journal', [['type', '=', 'bank']], { limit: 1 })[0]!;
  const year = (wizard.str('payment_date') || today(env)).slice(0, 4);
  const prefix = `P${journal.str('code')}/${year}/`;
  const memo =
    wizard.str('communication') ||
    moves.map((move) => move.str('payment_reference') || move.str('name')).join(' ');
  const inbound = moves[0]?.str('move_type') !== 'out_refund';
  const stateValue =
    env.db.major <= 17 ? 'posted' : env.db.settings.invoicePaidState === 'in_payment' ? 'in_process' : 'paid';
  return create(env, 'account.payment', {
    name: `${prefix}${pad(nextNumber(env, `payment:${prefix}`))}`,
    payment_type: inbound ? 'inbound' : 'outbound',
    partner_type: 'customer',
    partner_id: wizard.m2o('partner_id') || moves[0]?.m2o('commercial_partner_id') || false,
    amount: roundMoney(amount),
    currency_id: wizard.m2o('currency_id') || moves[0]?.m2o('currency_id') || false,
    date: wizard.str('payment_date') || today(env),
    journal_id: journal.id,
    [env.db.major <= 17 ? 'ref' : 'memo']: memo,
    state: stateValue,
  });
}

/**
 * `account.payment.register`: created with `active_model: 'account.move'` and `active_ids`, then
 * `action_create_payments`. One payment per invoice unless `group_payment`; a short payment leaves the
 * invoice `partial`, or closes it with `payment_difference_handling: 'reconcile'` (the write-off).
 */
export const accountPaymentRegister: ModelDef = {
  name: 'account.payment.register',
  description: 'Register Payment',
  order: 'id',
  transient: true,
  fields: {
    amount: monetary('Amount'),
    payment_date: date('Payment Date', { default: (env) => today(env) }),
    communication: char('Memo'),
    journal_id: many2one('account.journal', 'Journal', {
      default: (env) => search(env, 'account.journal', [['type', '=', 'bank']], { limit: 1 })[0]?.id ?? false,
    }),
    currency_id: many2one('res.currency', 'Currency'),
    partner_id: many2one('res.partner', 'Customer/Vendor'),
    group_payment: boolean('Group Payments', { default: false }),
    payment_difference_handling: selection(
      'Payment Difference Handling',
      [
        ['open', 'Keep open'],
        ['reconcile', 'Mark as fully paid'],
      ],
      { default: 'open' },
    ),
    can_edit_wizard: boolean('Can Edit Wizard', {
      compute: (_env, row) => (Array.isArray(row.__move_ids) ? row.__move_ids.length === 1 : true),
    }),
  },
  prepareCreate: (env, vals) => {
    const model = env.context.active_model;
    if (model !== 'account.move' && model !== 'account.move.line') {
      throw userError(
        'The register payment wizard should only be called on account.move or account.move.line records.',
      );
    }
    const ids =
      model === 'account.move.line'
        ? browse(env, 'account.move.line', activeIds(env)).map((line) => Number(line.m2o('move_id')))
        : activeIds(env);
    const moves = browse(env, 'account.move', [...new Set(ids)]);
    if (moves.length === 0 || moves.some((move) => move.str('state') !== 'posted')) {
      throw userError('You can only register payment for posted journal entries.');
    }
    const residual = roundMoney(moves.reduce((sum, move) => sum + move.num('amount_residual'), 0));
    if (residual <= 0) {
      throw userError(
        "You can't register a payment because there is nothing left to pay on the selected journal items.",
      );
    }
    vals.__move_ids = moves.map((move) => move.id);
    if (vals.amount === undefined) vals.amount = residual;
    if (vals.currency_id === undefined) vals.currency_id = moves[0]!.m2o('currency_id');
    if (vals.partner_id === undefined) vals.partner_id = moves[0]!.m2o('commercial_partner_id');
  },
  methods: {
    action_create_payments: {
      access: { operation: 'create', model: 'account.payment' },
      params: [],
      run: (env, ids) => {
        const payments: Rec[] = [];
        for (const wizard of browse(env, 'account.payment.register', ids)) {
          const moves = browse(env, 'account.move', storedIds(wizard));
          if (moves.length > 1 && !wizard.bool('group_payment')) {
            // Several invoices without grouping: each is paid in full by its own payment.
            for (const move of moves) {
              const payment = createPayment(env, wizard, [move], move.num('amount_residual'));
              allocate(env, move.id, move.num('amount_residual'), { payment_id: payment.id });
              payments.push(payment);
            }
            continue;
          }
          const payment = createPayment(env, wizard, moves, wizard.num('amount'));
          let left = wizard.num('amount');
          for (const move of moves) {
            const residual = move.num('amount_residual');
            const part = Math.min(residual, left);
            allocate(env, move.id, part, { payment_id: payment.id });
            left -= part;
            if (wizard.str('payment_difference_handling') === 'reconcile')
              allocate(env, move.id, residual - part, {});
          }
          payments.push(payment);
        }
        if (env.context.dont_redirect_to_payments) return true;
        const action: Record<string, unknown> = {
          name: 'Payments',
          type: 'ir.actions.act_window',
          res_model: 'account.payment',
          context: { create: false },
        };
        if (payments.length === 1) return { ...action, view_mode: 'form', res_id: payments[0]!.id };
        return {
          ...action,
          view_mode: 'list,form',
          domain: [['id', 'in', payments.map((payment) => payment.id)]],
        };
      },
    },
  },
};
