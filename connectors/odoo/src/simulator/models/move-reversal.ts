import { userError } from '../errors.js';
import { browse, create, type Rec, record, today } from '../orm/records.js';
import type { Env, MethodDef, ModelDef } from '../orm/types.js';
import { postMoves } from './account.js';
import { char, date, many2many, many2one } from './fields.js';

import { activeIds, allocate, storedIds } from './wizard-support.js';

const REVERSE_TYPE: Record<string, string> = {
  out_invoice: 'out_refund',
  out_refund: 'out_invoice',
  in_invoice: 'in_refund',
  in_refund: 'in_invoice',
  entry: 'entry',
};

function copyLines(move: Rec): unknown[] {
  return move.list('invoice_line_ids').map((line) => [
    0,
    0,
    {
      display_type: line.str('display_type') || 'product',
      product_id: line.m2o('product_id'),
      name: line.str('name'),
      quantity: line.num('quantity'),
      price_unit: line.num('price_unit'),
      discount: line.num('discount'),
      tax_ids: [[6, 0, line.ids('tax_ids')]],
      product_uom_id: line.m2o('product_uom_id'),
      // Like sale's copy_data under move_reverse_cancel: the credit note stays linked to the order lines.
      sale_line_ids: [[6, 0, line.ids('sale_line_ids')]],
    },
  ]);
}

function reverseMoves(env: Env, wizard: Rec, isModify: boolean): Record<string, unknown> {
  const reason = wizard.str('reason');
  const created: Rec[] = [];
  for (const move of browse(env, 'account.move', storedIds(wizard))) {
    const reverseDate = wizard.str('date') || today(env);
    const reversal = create(env, 'account.move', {
      move_type: REVERSE_TYPE[move.str('move_type')] ?? 'entry',
      partner_id: move.m2o('partner_id'),
      partner_shipping_id: move.m2o('partner_shipping_id'),
      currency_id: move.m2o('currency_id'),
      journal_id: wizard.m2o('journal_id') || move.m2o('journal_id'),
      invoice_origin: move.get('invoice_origin'),
      ref: reason ? `Reversal of: ${move.str('name')}, ${reason}` : `Reversal of: ${move.str('name')}`,
      date: reverseDate,
      invoice_date: reverseDate,
      invoice_date_due: reverseDate,
      invoice_user_id: move.m2o('invoice_user_id'),
      reversed_entry_id: move.id,
      invoice_line_ids: copyLines(move),
    });
    if (isModify || move.str('move_type') === 'entry') {
      // "Reverse and create invoice": the credit note is posted and settles the original right away.
      postMoves(env, [reversal]);
      const amount = Math.min(move.num('amount_residual'), reversal.num('amount_residual'));
      allocate(env, move.id, amount, { counterpart_move_id: reversal.id });
      allocate(env, reversal.id, amount, { counterpart_move_id: move.id });
    }
    created.push(reversal);
    if (isModify) {
      created.push(
        create(env, 'account.move', {
          move_type: move.str('move_type'),
          partner_id: move.m2o('partner_id'),
          partner_shipping_id: move.m2o('partner_shipping_id'),
          currency_id: move.m2o('currency_id'),
          journal_id: move.m2o('journal_id'),
          invoice_origin: move.get('invoice_origin'),
          ref: move.get('ref'),
          invoice_line_ids: copyLines(move),
        }),
      );
    }
  }
  wizard.write({ new_move_ids: [[6, 0, created.map((move) => move.id)]] });
  const action: Record<string, unknown> = {
    name: 'Reverse Moves',
    type: 'ir.actions.act_window',
    res_model: 'account.move',
  };
  if (created.length === 1) {
    return {
      ...action,
      view_mode: 'form',
      res_id: created[0]!.id,
      context: { default_move_type: created[0]!.str('move_type') },
    };
  }
  return { ...action, view_mode: 'list,form', domain: [['id', 'in', created.map((move) => move.id)]] };
}

const reversalMethod = (isModify: boolean | 'argument'): MethodDef => ({
  access: { operation: 'create', model: 'account.move' },
  params: isModify === 'argument' ? [{ name: 'is_modify', default: false }] : [],
  run: (env, ids, args) =>
    reverseMoves(
      env,
      record(env, 'account.move.reversal', ids[0] ?? 0),
      isModify === 'argument' ? Boolean(args.is_modify) : isModify,
    ),
});

/**
 * `account.move.reversal` (Odoo 17+): created with the posted moves (`active_ids` or `move_ids`), then
 * `refund_moves` (draft credit note), `modify_moves` (credit note posted and reconciled, plus a new draft
 * invoice) or `reverse_moves(is_modify)`.
 */
export const accountMoveReversal: ModelDef = {
  name: 'account.move.reversal',
  description: 'Account Move Reversal',
  order: 'id',
  transient: true,
  fields: {
    move_ids: many2many('account.move', 'Moves'),
    new_move_ids: many2many('account.move', 'New Moves'),
    date: date('Reversal date', { default: (env) => today(env) }),
    reason: char('Reason displayed on Credit Note'),
    journal_id: many2one('account.journal', 'Journal'),
    company_id: many2one('res.company', 'Company', { default: 1 }),
    move_type: char('Move Type', {
      compute: (env, row) => {
        const ids = Array.isArray(row.__move_ids) ? row.__move_ids : [];
        return ids.length === 1 ? record(env, 'account.move', ids[0]!).str('move_type') : false;
      },
    }),
  },
  prepareCreate: (env, vals) => {
    const given = Array.isArray(vals.move_ids) ? vals.move_ids : undefined;
    const fromCommands = given?.flatMap((item) =>
      Array.isArray(item) && item[0] === 6 && Array.isArray(item[2])
        ? item[2]
        : Array.isArray(item) && item[0] === 4
          ? [item[1]]
          : typeof item === 'number'
            ? [item]
            : [],
    );
    const ids = (fromCommands ?? (env.context.active_model === 'account.move' ? activeIds(env) : [])).filter(
      (id): id is number => typeof id === 'number',
    );
    const moves = browse(env, 'account.move', ids);
    if (moves.some((move) => move.str('state') !== 'posted'))
      throw userError('You can only reverse posted moves.');
    vals.__move_ids = ids;
    vals.move_ids = [[6, 0, ids]];
    if (vals.journal_id === undefined) vals.journal_id = moves[0]?.m2o('journal_id') ?? false;
  },
  methods: {
    reverse_moves: reversalMethod('argument'),
    refund_moves: reversalMethod(false),
    modify_moves: reversalMethod(true),
  },
};
