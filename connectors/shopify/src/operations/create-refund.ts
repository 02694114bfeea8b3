import { Type } from '@sinclair/typebox';
import { defineOperation, userError } from '@waybill/connector-kit';
import { shopifyUserErrors } from '../errors.js';
import { toGid } from '../mapping/gid.js';
import { toMoney } from '../mapping/money.js';
import { amount } from './support/orders.js';
import { refundLineItems, SUGGEST, SuggestAnswer } from './support/refunds.js';
import {
  graphqlFor,
  idInput,
  MONEY,
  MoneyBagSchema,
  nullable,
  SHOPIFY_CREDENTIAL,
  UserErrorsSchema,
} from './support/shopify.js';

const READ = `query WaybillOrderRefunds($id: ID!) { order(id: $id) { id name
  lineItems(first: 50) { nodes { id sku refundableQuantity } }
  refunds(first: 30) { id note createdAt totalRefundedSet { ${MONEY} } } } }`;
const ReadAnswer = Type.Object({
  order: nullable(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      lineItems: Type.Object({
        nodes: Type.Array(
          Type.Object({
            id: Type.String(),
            sku: nullable(Type.String()),
            refundableQuantity: Type.Integer(),
          }),
        ),
      }),
      refunds: Type.Array(
        Type.Object({
          id: Type.String(),
          note: nullable(Type.String()),
          createdAt: Type.String(),
          totalRefundedSet: MoneyBagSchema,
        }),
      ),
    }),
  ),
});
const CREATE = `mutation WaybillRefundCreate($input: RefundInput!) {
  refundCreate(input: $input) { refund { id note createdAt totalRefundedSet { ${MONEY} } } userErrors { field message } } }`;
const CreateAnswer = Type.Object({
  refundCreate: nullable(
    Type.Object({
      refund: nullable(
        Type.Object({
          id: Type.String(),
          note: nullable(Type.String()),
          createdAt: Type.String(),
          totalRefundedSet: MoneyBagSchema,
        }),
      ),
      userErrors: UserErrorsSchema,
    }),
  ),
});

const RESTOCK_TYPES = ['NO_RESTOCK', 'CANCEL', 'RETURN'] as const;

/**
 * Output of `shopify.createRefund`.
 *
 * @example
 * // { "created": true, "refundId": "gid://shopify/Refund/1", "orderId": "gid://shopify/Order/450789469", "amount": "209.00", "currency": "USD" }
 */
export const CreateRefundOutputSchema = Type.Object({
  created: Type.Boolean({ description: 'False when this step had already created the refund.' }),
  refundId: Type.String(),
  orderId: Type.String(),
  amount: Type.String({ description: 'Money refunded, in the shop currency.' }),
  currency: Type.String(),
  note: nullable(Type.String()),
});

/**
 * `shopify.createRefund`: refunds line items (by line item id or SKU) and shipping with
 * refundCreate. With `refundMoney` the money goes back through the order's payment gateway, in
 * the transactions Shopify suggests (`suggestedRefund`); without it the refund only records the
 * returned items. The refund note ends with `[waybill <idempotency key>]`: before creating, the
 * order's refunds are searched for it, so a retry or replay returns the refund already made.
 * 3–4 calls.
 *
 * @example
 * { "id": "refund", "type": "shopify.createRefund", "credential": "shopify-acme", "config": { "restockType": "RETURN", "notify": true } }
 * // input: { "orderId": 450789469, "lineItems": [{ "sku": "IPOD2008GREEN", "quantity": 1 }], "note": "Damaged in transit" }
 */
export const createRefundOperation = defineOperation({
  type: 'shopify.createRefund',
  title: 'Create refund',
  description: 'Refunds Shopify order items and shipping, returning the money through the original payment.',
  icon: 'receipt-text',
  effect: 'write',
  idempotency: 'lookup-before-create',
  idempotencyNote: "The refund note carries the step's idempotency key, which is looked for before creating.",
  configSchema: Type.Object(
    {
      refundMoney: Type.Optional(
        Type.Boolean({ default: true, description: 'Return the money; false records the items only.' }),
      ),
      restockType: Type.Optional(
        Type.Union(
          RESTOCK_TYPES.map((type) => Type.Literal(type)),
          {
            default: 'NO_RESTOCK',
            description: 'RETURN: back in stock after a return; CANCEL: unfulfilled units.',
          },
        ),
      ),
      locationId: Type.Optional(idInput('Location')),
      notify: Type.Optional(Type.Boolean({ default: false, description: 'Email the customer.' })),
    },
    { additionalProperties: false },
  ),
  inputSchema: Type.Object(
    {
      orderId: idInput('Order'),
      lineItems: Type.Optional(
        Type.Array(
          Type.Object(
            {
              lineItemId: Type.Optional(idInput('LineItem')),
              sku: Type.Optional(Type.String({ minLength: 1 })),
              quantity: Type.Integer({ minimum: 1 }),
            },
            { additionalProperties: false },
          ),
          { minItems: 1 },
        ),
      ),
      shipping: Type.Optional(
        Type.Object(
          {
            amount: Type.Optional(Type.String({ pattern: '^[0-9]+(\\.[0-9]{1,2})?$' })),
            full: Type.Optional(Type.Boolean({ description: 'Refund all of the shipping charged.' })),
          },
          { additionalProperties: false },
        ),
      ),
      note: Type.Optional(Type.String({ maxLength: 200 })),
    },
    { additionalProperties: false },
  ),
  outputSchema: CreateRefundOutputSchema,
  credential: SHOPIFY_CREDENTIAL,
  async run(ctx) {
    const shopify = graphqlFor(ctx);
    const id = toGid('Order', ctx.input.orderId);
    const { order } = await shopify.query(READ, { id }, ReadAnswer);
    if (!order) {
      throw userError({
        code: 'SHOPIFY_NOT_FOUND',
        message: `Shopify has no order ${id}, or the app may not read it; check the orderId in the node's input.`,
      });
    }
    const marker = `[waybill ${ctx.idempotencyKey}]`;
    const earlier = order.refunds.find((refund) => refund.note?.includes(marker));
    const result = (refund: (typeof order.refunds)[number], created: boolean) => ({
      created,
      refundId: refund.id,
      orderId: order.id,
      amount: amount(refund.totalRefundedSet),
      currency: refund.totalRefundedSet.shopMoney.currencyCode,
      note: refund.note,
    });
    if (earlier) return result(earlier, false);

    const restockType = ctx.config.restockType ?? 'NO_RESTOCK';
    const location =
      ctx.config.locationId === undefined ? undefined : toGid('Location', ctx.config.locationId);
    const lines = refundLineItems(order.lineItems.nodes, ctx.input.lineItems ?? [], restockType, location);
    const shipping = ctx.input.shipping;
    const shippingInput = shipping?.full
      ? { fullRefund: true }
      : shipping?.amount
        ? { amount: shipping.amount }
        : undefined;
    if (lines.length === 0 && !shippingInput) {
      throw userError({
        code: 'SHOPIFY_NOTHING_TO_REFUND',
        message: 'shopify.createRefund was given no line items and no shipping to refund.',
      });
    }
    let transactions: {
      orderId: string;
      gateway: string;
      kind: 'REFUND';
      amount: string;
      parentId?: string;
    }[] = [];
    if (ctx.config.refundMoney ?? true) {
      const suggested = await shopify.query(
        SUGGEST,
        {
          id,
          refundLineItems: lines,
          refundShipping: shipping?.full ?? false,
          shippingAmount: shipping?.amount ?? null,
        },
        SuggestAnswer,
      );
      transactions = (suggested.order?.suggestedRefund?.suggestedTransactions ?? []).flatMap(
        (transaction) => {
          const value = toMoney(transaction.amountSet.shopMoney.amount);
          if (!value || !transaction.gateway) return [];
          return [
            {
              orderId: id,
              gateway: transaction.gateway,
              kind: 'REFUND' as const,
              amount: value,
              ...(transaction.parentTransaction ? { parentId: transaction.parentTransaction.id } : {}),
            },
          ];
        },
      );
    }
    const note = [ctx.input.note?.trim(), marker].filter(Boolean).join(' ');
    const answer = await shopify.mutate(
      CREATE,
      {
        input: {
          orderId: id,
          note,
          notify: ctx.config.notify ?? false,
          refundLineItems: lines,
          ...(shippingInput ? { shipping: shippingInput } : {}),
          transactions,
        },
      },
      CreateAnswer,
    );
    const payload = answer.refundCreate;
    if (!payload || payload.userErrors.length > 0 || !payload.refund) {
      throw shopifyUserErrors(
        'refundCreate',
        payload?.userErrors.length ? payload.userErrors : [{ message: 'No refund was created' }],
      );
    }
    return result(payload.refund, true);
  },
});
