import { Type } from '@sinclair/typebox';
import { IsoDateSchema, MoneySchema } from '@waybill/canonical';
import { defineOperation, userError } from '@waybill/connector-kit';
import type { OdooClient } from '../client/odoo-client.js';
import { compareDecimals, fromOdooMoney, toOdooNumber } from '../mapping/decimal.js';
import { idOf, isRecord, many2oneOf, numberOf, recordsOf, textOf } from '../mapping/odoo-values.js';
import { InvoiceSummaryProperties } from './support/invoice-schemas.js';
import { ODOO_CREDENTIAL, odooFor } from './support/odoo.js';
import { moveSummary, readMove } from './support/orders.js';
import { runWizard } from './support/wizards.js';

/**
 * `odoo.registerPayment`: records a customer payment against a posted invoice through Odoo's
 * "Register payment" wizard (`account.payment.register`), which creates the payment and
 * reconciles it. The amount defaults to what is due; the payment's memo carries the step's
 * idempotency key, so a repeat finds the payment it made instead of paying twice. Five to seven
 * calls.
 *
 * @example
 * { "id": "pay", "type": "odoo.registerPayment", "credential": "odoo-main", "config": { "journal": "BNK1" } }
 * // input: { "invoiceId": 12, "amount": "120.00", "date": "2025-04-02" }
 */
export const registerPaymentOperation = defineOperation({
  type: 'odoo.registerPayment',
  title: 'Register payment',
  description: 'Registers a customer payment on a posted Odoo invoice and reconciles it.',
  icon: 'banknote',
  effect: 'write',
  idempotency: 'lookup-before-create',
  idempotencyNote:
    "The payment memo carries the step's idempotency key; a repeat finds that payment (or a fully paid invoice) and pays nothing more.",
  configSchema: Type.Object(
    {
      journal: Type.Optional(
        Type.String({
          minLength: 1,
          description: 'Code of the bank or cash journal; Odoo picks its default when absent.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  inputSchema: Type.Object(
    {
      invoiceId: Type.Integer({ minimum: 1, description: 'The account.move id of the posted invoice.' }),
      amount: Type.Optional(MoneySchema),
      currency: Type.Optional(
        Type.String({ pattern: '^[A-Z]{3}$', description: 'Checked against the invoice currency.' }),
      ),
      date: Type.Optional(IsoDateSchema),
      memo: Type.Optional(
        Type.String({ minLength: 1, description: 'Payment reference; the invoice number when absent.' }),
      ),
    },
    { additionalProperties: true },
  ),
  outputSchema: Type.Object({
    ...InvoiceSummaryProperties,
    paymentId: Type.Optional(Type.Integer({ description: 'The account.payment created (or found).' })),
    created: Type.Boolean({ description: 'False when no new payment was needed or made.' }),
  }),
  credential: ODOO_CREDENTIAL,
  async run(ctx) {
    const odoo = odooFor(ctx);
    const { invoiceId, amount, currency, date } = ctx.input;
    const invoice = await readMove(odoo, invoiceId);
    const name = textOf(invoice, 'name') ?? String(invoiceId);
    const invoiceCurrency = many2oneOf(invoice, 'currency_id')?.name;
    if (currency && invoiceCurrency && currency !== invoiceCurrency) {
      throw userError({
        code: 'ODOO_CURRENCY_MISMATCH',
        message: `The payment is in ${currency} but the invoice ${name} is in ${invoiceCurrency}; convert the amount first.`,
      });
    }
    const key = `[${ctx.idempotencyKey}]`;
    const earlier = await paymentWithKey(odoo, key);
    if (earlier !== undefined)
      return { ...moveSummary(await readMove(odoo, invoiceId)), paymentId: earlier, created: false };
    if (invoice.state !== 'posted') {
      throw userError({
        code: 'ODOO_INVOICE_NOT_POSTED',
        message: `The invoice ${name} is not posted; post it before registering a payment.`,
      });
    }
    const residual = fromOdooMoney(numberOf(invoice, 'amount_residual'));
    if (compareDecimals(residual, '0') <= 0) return { ...moveSummary(invoice), created: false };

    const journalId = ctx.config.journal ? await journalByCode(odoo, ctx.config.journal) : undefined;
    const values: Record<string, unknown> = { communication: `${ctx.input.memo ?? name} ${key}` };
    if (amount !== undefined) values.amount = toOdooNumber(amount);
    if (date !== undefined) values.payment_date = date;
    if (journalId !== undefined) values.journal_id = journalId;
    const action = await runWizard(odoo, {
      model: 'account.payment.register',
      buttons: ['action_create_payments'],
      context: { active_model: 'account.move', active_ids: [invoiceId] },
      values,
    });
    const paymentId =
      (isRecord(action) && action.res_model === 'account.payment' && typeof action.res_id === 'number'
        ? action.res_id
        : undefined) ?? (await paymentWithKey(odoo, key));
    return {
      ...moveSummary(await readMove(odoo, invoiceId)),
      ...(paymentId !== undefined ? { paymentId } : {}),
      created: true,
    };
  },
});

/** The payment whose memo carries the key: `memo` since Odoo 18, `ref` before. */
async function paymentWithKey(odoo: OdooClient, key: string): Promise<number | undefined> {
  const fields = await odoo.call('account.payment', 'fields_get', {
    allfields: ['memo', 'ref'],
    attributes: ['type'],
  });
  const field = isRecord(fields) && 'memo' in fields ? 'memo' : 'ref';
  const [payment] = recordsOf(
    await odoo.call('account.payment', 'search_read', {
      domain: [
        [field, 'ilike', key],
        // Odoo 18 spells the cancelled state "canceled".
        ['state', 'not in', ['cancel', 'canceled']],
      ],
      fields: ['id'],
      order: 'id desc',
      limit: 1,
    }),
  );
  return payment ? idOf(payment) : undefined;
}

async function journalByCode(odoo: OdooClient, code: string): Promise<number> {
  const [journal] = recordsOf(
    await odoo.call('account.journal', 'search_read', {
      domain: [
        ['code', '=', code],
        ['type', 'in', ['bank', 'cash']],
      ],
      fields: ['id'],
      limit: 1,
    }),
  );
  if (!journal) {
    throw userError({
      code: 'ODOO_UNKNOWN_JOURNAL',
      message: `Odoo has no bank or cash journal with the code "${code}".`,
    });
  }
  return idOf(journal);
}
