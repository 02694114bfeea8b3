import { Type } from '@sinclair/typebox';
import { defineOperation, userError } from '@waybill/connector-kit';
import { shopifyUserErrors } from '../errors.js';
import { toGid } from '../mapping/gid.js';
import { graphqlFor, idInput, nullable, SHOPIFY_CREDENTIAL, UserErrorsSchema } from './support/shopify.js';

const READ = `query WaybillOrderCancelState($id: ID!) { order(id: $id) { id name cancelledAt cancelReason } }`;
const ReadAnswer = Type.Object({
  order: nullable(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      cancelledAt: nullable(Type.String()),
      cancelReason: nullable(Type.String()),
    }),
  ),
});
const CANCEL = `mutation WaybillOrderCancel($orderId: ID!, $reason: OrderCancelReason!, $refund: Boolean!, $restock: Boolean!, $notifyCustomer: Boolean, $staffNote: String) {
  orderCancel(orderId: $orderId, reason: $reason, refund: $refund, restock: $restock, notifyCustomer: $notifyCustomer, staffNote: $staffNote) {
    job { id done } orderCancelUserErrors { field message code } } }`;
const CancelAnswer = Type.Object({
  orderCancel: nullable(
    Type.Object({
      job: nullable(Type.Object({ id: Type.String(), done: Type.Boolean() })),
      orderCancelUserErrors: UserErrorsSchema,
    }),
  ),
});

/**
 * `shopify.cancelOrder`: cancels an order with orderCancel (reason, refund, restock, customer
 * notification, staff note). Shopify cancels asynchronously: the output carries the job; the
 * order's cancelledAt is set when the job is done. An order already cancelled is reported, not
 * cancelled again, so a retry after a lost answer is harmless. 2 calls (1 when already cancelled).
 *
 * @example
 * { "id": "cancel", "type": "shopify.cancelOrder", "credential": "shopify-acme",
 *   "config": { "reason": "INVENTORY", "refund": true, "restock": true, "notifyCustomer": true } }
 * // input: { "orderId": 450789469 } → { "orderId": "gid://shopify/Order/450789469", "alreadyCancelled": false, "jobId": "gid://shopify/Job/…" }
 */
export const cancelOrderOperation = defineOperation({
  type: 'shopify.cancelOrder',
  title: 'Cancel order',
  description: 'Cancels a Shopify order, optionally refunding the payment and restocking the items.',
  icon: 'circle-x',
  effect: 'write',
  idempotency: 'lookup-before-create',
  idempotencyNote: 'Reads the order first; an order already cancelled is reported as such.',
  configSchema: Type.Object(
    {
      reason: Type.Optional(
        Type.Union(
          ['CUSTOMER', 'DECLINED', 'FRAUD', 'INVENTORY', 'STAFF', 'OTHER'].map((reason) =>
            Type.Literal(reason),
          ),
          { default: 'OTHER' },
        ),
      ),
      refund: Type.Optional(Type.Boolean({ default: false, description: 'Refund what the customer paid.' })),
      restock: Type.Optional(
        Type.Boolean({ default: true, description: 'Put the committed units back in stock.' }),
      ),
      notifyCustomer: Type.Optional(Type.Boolean({ default: false })),
    },
    { additionalProperties: false },
  ),
  inputSchema: Type.Object(
    {
      orderId: idInput('Order'),
      staffNote: Type.Optional(Type.String({ maxLength: 255, description: 'Seen by staff only.' })),
    },
    { additionalProperties: false },
  ),
  outputSchema: Type.Object({
    orderId: Type.String(),
    name: Type.String(),
    alreadyCancelled: Type.Boolean(),
    jobId: nullable(
      Type.String({ description: 'The cancellation job; null when the order was already cancelled.' }),
    ),
    jobDone: Type.Boolean(),
  }),
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
    if (order.cancelledAt) {
      return { orderId: order.id, name: order.name, alreadyCancelled: true, jobId: null, jobDone: true };
    }
    const answer = await shopify.mutate(
      CANCEL,
      {
        orderId: id,
        reason: ctx.config.reason ?? 'OTHER',
        refund: ctx.config.refund ?? false,
        restock: ctx.config.restock ?? true,
        notifyCustomer: ctx.config.notifyCustomer ?? false,
        staffNote: ctx.input.staffNote ?? null,
      },
      CancelAnswer,
    );
    const payload = answer.orderCancel;
    if (!payload || payload.orderCancelUserErrors.length > 0) {
      throw shopifyUserErrors(
        'orderCancel',
        payload?.orderCancelUserErrors.length
          ? payload.orderCancelUserErrors
          : [{ message: 'No answer to orderCancel' }],
      );
    }
    return {
      orderId: order.id,
      name: order.name,
      alreadyCancelled: false,
      jobId: payload.job?.id ?? null,
      jobDone: payload.job?.done ?? false,
    };
  },
});
