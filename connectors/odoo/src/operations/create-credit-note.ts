import { Type } from '@sinclair/typebox';
import { IsoDateSchema, MoneySchema, QuantitySchema } from '@waybill/canonical';
import { defineOperation, userError } from '@waybill/connector-kit';
import type { OdooClient } from '../client/odoo-client.js';
import { fromOdooQuantity, parseScaled, toOdooNumber } from '../mapping/decimal.js';
import {
  actionResId,
  idOf,
  many2oneOf,
  type OdooRecord,
  recordsOf,
  textOf,
  x2manyOf,
} from '../mapping/odoo-values.js';
import { ODOO_CREDENTIAL, odooFor } from './support/odoo.js';
import { MOVE_FIELDS, moveSummary, readMove } from './support/orders.js';
import { skusOf } from './support/products.js';
import { spreadBySku } from './support/quantities.js';
import { runWizard } from './support/wizards.js';

/**
 * `odoo.createCreditNote`: credits a posted customer invoice through Odoo's "Reverse" wizard
 * (`account.move.reversal`), which creates an out_refund linked to the invoice by
 * `reversed_entry_id`. With `lines`, the draft credit note is cut down to the quantities given
 * (what came back); with `post`, it is posted. Its reference carries the input `reference` (an
 * RMA number) or the step's idempotency key, which is what a repeat looks for. Five to nine calls.
 *
 * @example
 * { "id": "credit", "type": "odoo.createCreditNote", "credential": "odoo-main", "config": { "post": true } }
 * // input: { "invoiceId": 12, "reference": "RMA-0042", "reason": "Damaged in transit", "lines": [{ "sku": "SKU-1001", "quantity": "1" }] }
 */
export const createCreditNoteOperation = defineOperation({
  type: 'odoo.createCreditNote',
  title: 'Create credit note',
  description: 'Creates a credit note for a posted Odoo invoice, in full or for the returned quantities.',
  icon: 'receipt',
  effect: 'write',
  idempotency: 'lookup-before-create',
  idempotencyNote:
    "Looks for a credit note of the invoice (reversed_entry_id) whose reference holds the input reference or the step's idempotency key before creating one.",
  configSchema: Type.Object(
    {
      post: Type.Optional(
        Type.Boolean({ default: false, description: 'Post the credit note after creating it.' }),
      ),
    },
    { additionalProperties: false },
  ),
  inputSchema: Type.Object(
    {
      invoiceId: Type.Integer({ minimum: 1, description: 'The posted customer invoice (account.move id).' }),
      reference: Type.Optional(
        Type.String({ minLength: 1, maxLength: 100, description: 'Your reference, e.g. the RMA number.' }),
      ),
      reason: Type.Optional(Type.String({ minLength: 1, description: 'Why the customer is credited.' })),
      date: Type.Optional(IsoDateSchema),
      lines: Type.Optional(
        Type.Array(
          Type.Object(
            { sku: Type.String({ minLength: 1 }), quantity: QuantitySchema },
            { additionalProperties: true },
          ),
          {
            minItems: 1,
            description: 'Quantities to credit per SKU; the whole invoice when absent.',
          },
        ),
      ),
    },
    { additionalProperties: true },
  ),
  outputSchema: Type.Object({
    creditNoteId: Type.Integer(),
    name: Type.String(),
    state: Type.String(),
    amountTotal: MoneySchema,
    currency: Type.String(),
    reversedInvoiceId: Type.Integer(),
    created: Type.Boolean(),
  }),
  credential: ODOO_CREDENTIAL,
  async run(ctx) {
    const odoo = odooFor(ctx);
    const { invoiceId, lines } = ctx.input;
    const reference = ctx.input.reference ?? ctx.idempotencyKey;
    const invoice = await readMove(odoo, invoiceId);
    const name = textOf(invoice, 'name') ?? String(invoiceId);
    const earlier = await creditNoteWithReference(odoo, invoiceId, reference);
    if (earlier) {
      const note = ctx.config.post && earlier.state === 'draft' ? await post(odoo, idOf(earlier)) : earlier;
      return output(note, invoiceId, false);
    }
    if (invoice.move_type !== 'out_invoice' || invoice.state !== 'posted') {
      throw userError({
        code: 'ODOO_INVOICE_NOT_POSTED',
        message: `${name} is not a posted customer invoice; only those can be credited.`,
      });
    }
    const action = await runWizard(odoo, {
      model: 'account.move.reversal',
      buttons: ['reverse_moves'],
      context: { active_model: 'account.move', active_ids: [invoiceId] },
      values: {
        move_ids: [[6, 0, [invoiceId]]],
        reason: `${ctx.input.reason ?? 'Credit'} (${reference})`,
        ...(ctx.input.date ? { date: ctx.input.date } : {}),
      },
    });
    const creditNoteId =
      actionResId(action) ?? idOrUndefined(await creditNoteWithReference(odoo, invoiceId, reference));
    if (creditNoteId === undefined) {
      throw userError({
        code: 'ODOO_CREDIT_NOTE_NOT_CREATED',
        message: `Odoo did not create a credit note for ${name}.`,
      });
    }
    if (lines) await cutToLines(odoo, creditNoteId, lines);
    const note = ctx.config.post ? await post(odoo, creditNoteId) : await readMove(odoo, creditNoteId);
    return output(note, invoiceId, true);
  },
});

async function creditNoteWithReference(odoo: OdooClient, invoiceId: number, reference: string) {
  const [note] = recordsOf(
    await odoo.call('account.move', 'search_read', {
      domain: [
        ['reversed_entry_id', '=', invoiceId],
        ['move_type', '=', 'out_refund'],
        ['state', '!=', 'cancel'],
        ['ref', 'ilike', reference],
      ],
      fields: [...MOVE_FIELDS],
      order: 'id desc',
      limit: 1,
    }),
  );
  return note;
}

/** Keeps only the credited quantities on the draft credit note; product lines not listed go. */
async function cutToLines(
  odoo: OdooClient,
  creditNoteId: number,
  lines: readonly { sku: string; quantity: string }[],
) {
  const [note] = recordsOf(
    await odoo.call('account.move', 'read', { ids: [creditNoteId], fields: ['state', 'invoice_line_ids'] }),
  );
  if (!note) {
    throw userError({
      code: 'ODOO_MISSING_RECORD',
      message: `The credit note ${creditNoteId} vanished from Odoo.`,
    });
  }
  if (note.state !== 'draft') {
    throw userError({
      code: 'ODOO_CREDIT_NOTE_POSTED',
      message: 'Odoo posted the credit note at once, so its lines cannot be cut to the returned quantities.',
    });
  }
  const invoiceLines = recordsOf(
    await odoo.call('account.move.line', 'read', {
      ids: x2manyOf(note, 'invoice_line_ids'),
      fields: ['product_id', 'quantity', 'display_type'],
    }),
  ).filter(
    (line) =>
      line.display_type === 'product' || line.display_type === false || line.display_type === undefined,
  );
  const skus = await skusOf(
    odoo,
    invoiceLines.flatMap((line) => {
      const product = many2oneOf(line, 'product_id');
      return product ? [product.id] : [];
    }),
  );
  const rows = invoiceLines.map((line) => ({
    sku: skus.get(many2oneOf(line, 'product_id')?.id ?? 0) ?? '',
    limit: fromOdooQuantity(line.quantity),
  }));
  const quantities = spreadBySku(rows, lines, 'the invoice');
  const commands = invoiceLines.map((line, index) => {
    const quantity = quantities[index] ?? '0';
    return parseScaled(quantity) === 0n
      ? [2, idOf(line), 0]
      : [1, idOf(line), { quantity: toOdooNumber(quantity) }];
  });
  await odoo.call('account.move', 'write', { ids: [creditNoteId], vals: { invoice_line_ids: commands } });
}

async function post(odoo: OdooClient, moveId: number): Promise<OdooRecord> {
  await odoo.call('account.move', 'action_post', { ids: [moveId] });
  return readMove(odoo, moveId);
}

function output(note: OdooRecord, invoiceId: number, created: boolean) {
  const summary = moveSummary(note);
  return {
    creditNoteId: summary.invoiceId,
    name: summary.name,
    state: summary.state,
    amountTotal: summary.amountTotal,
    currency: summary.currency,
    reversedInvoiceId: invoiceId,
    created,
  };
}

function idOrUndefined(record: OdooRecord | undefined): number | undefined {
  return record ? idOf(record) : undefined;
}
