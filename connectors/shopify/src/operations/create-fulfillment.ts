import { type Static, Type } from '@sinclair/typebox';
import { defineOperation, userError } from '@waybill/connector-kit';
import { shopifyUserErrors } from '../errors.js';
import { toGid } from '../mapping/gid.js';
import { versionAtLeast } from '../shop-url.js';
import {
  FULFILLMENT_ORDER_FIELDS,
  GqlFulfillmentOrderSchema,
  pickFulfillmentLines,
} from './support/fulfillment-orders.js';
import { FulfillmentOutputSchema, fulfillmentOutput } from './support/orders.js';
import { graphqlFor, idInput, nullable, SHOPIFY_CREDENTIAL, UserErrorsSchema } from './support/shopify.js';

const FULFILLMENT_FIELDS = 'id name status createdAt trackingInfo(first: 5) { number company url }';
const GqlFulfillmentSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: Type.String(),
  createdAt: Type.String(),
  trackingInfo: Type.Array(
    Type.Object({
      number: nullable(Type.String()),
      company: nullable(Type.String()),
      url: nullable(Type.String()),
    }),
  ),
});

const BY_ORDER = `query WaybillFulfillmentOrdersOfOrder($id: ID!) {
  order(id: $id) { id fulfillments(first: 20) { ${FULFILLMENT_FIELDS} }
    fulfillmentOrders(first: 5) { nodes { ${FULFILLMENT_ORDER_FIELDS} } } } }`;
const BY_FULFILLMENT_ORDER = `query WaybillFulfillmentOrder($id: ID!) {
  fulfillmentOrder(id: $id) { ${FULFILLMENT_ORDER_FIELDS}
    order { id fulfillments(first: 20) { ${FULFILLMENT_FIELDS} } } } }`;

const OrderAnswer = Type.Object({
  order: nullable(
    Type.Object({
      id: Type.String(),
      fulfillments: Type.Array(GqlFulfillmentSchema),
      fulfillmentOrders: Type.Object({ nodes: Type.Array(GqlFulfillmentOrderSchema) }),
    }),
  ),
});
const FulfillmentOrderAnswer = Type.Object({
  fulfillmentOrder: nullable(
    Type.Composite([
      GqlFulfillmentOrderSchema,
      Type.Object({
        order: Type.Object({ id: Type.String(), fulfillments: Type.Array(GqlFulfillmentSchema) }),
      }),
    ]),
  ),
});

/**
 * Input of `shopify.createFulfillment`.
 *
 * @example
 * const input = { orderId: 450789469, trackingNumbers: ['1Z999AA10123456784'], trackingCompany: 'UPS',
 *   lineItems: [{ sku: 'IPOD2008GREEN', quantity: 1 }] };
 */
export const CreateFulfillmentInputSchema = Type.Object(
  {
    orderId: Type.Optional(idInput('Order')),
    fulfillmentOrderId: Type.Optional(idInput('FulfillmentOrder')),
    trackingNumbers: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 20 })),
    trackingCompany: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'e.g. "UPS", "DHL Express"; Shopify builds the tracking link for known carriers.',
      }),
    ),
    trackingUrls: Type.Optional(Type.Array(Type.String({ format: 'uri' }), { maxItems: 20 })),
    lineItems: Type.Optional(
      Type.Array(
        Type.Object(
          {
            sku: Type.Optional(Type.String({ minLength: 1 })),
            lineItemId: Type.Optional(idInput('LineItem')),
            quantity: Type.Integer({ minimum: 1 }),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, description: 'What was shipped; everything still open when absent.' },
      ),
    ),
  },
  { additionalProperties: false, description: 'Give the orderId or the fulfillmentOrderId.' },
);

/**
 * Output of `shopify.createFulfillment`.
 *
 * @example
 * // { "created": true, "orderId": "gid://shopify/Order/450789469",
 * //   "fulfillment": { "id": "gid://shopify/Fulfillment/1", "name": "#1001-F1", "status": "SUCCESS", "trackingNumbers": ["1Z999"], ... } }
 */
export const CreateFulfillmentOutputSchema = Type.Object({
  created: Type.Boolean({
    description: 'False when a fulfillment with the same tracking number already existed.',
  }),
  orderId: Type.String(),
  fulfillment: FulfillmentOutputSchema,
});

/**
 * `shopify.createFulfillment`: marks items shipped with their tracking (fulfillmentCreate from
 * API 2024-10, fulfillmentCreateV2 before): everything still open on the order (or on one
 * fulfillment order), or the lines given by SKU or line item id. Before creating, it looks for a
 * fulfillment of the order with the same first tracking number and answers that one instead, so a
 * retry after a lost answer does not ship twice. 2 calls (1 when it finds the earlier one).
 *
 * @example
 * { "id": "ship", "type": "shopify.createFulfillment", "credential": "shopify-acme", "config": { "notifyCustomer": true } }
 * // input: { "orderId": "gid://shopify/Order/450789469", "trackingNumbers": ["1Z999"], "trackingCompany": "UPS" }
 */
export const createFulfillmentOperation = defineOperation({
  type: 'shopify.createFulfillment',
  title: 'Create fulfillment',
  description: 'Marks Shopify order items as shipped, with tracking numbers, carrier and tracking links.',
  icon: 'truck',
  effect: 'write',
  idempotency: 'lookup-before-create',
  idempotencyNote:
    'Looks for a fulfillment of the order with the same first tracking number; without tracking numbers a repeat fulfils whatever is still open.',
  configSchema: Type.Object(
    {
      notifyCustomer: Type.Optional(
        Type.Boolean({ default: false, description: 'Send the shipping confirmation email.' }),
      ),
      message: Type.Optional(Type.String({ description: 'A message for the fulfillment request.' })),
    },
    { additionalProperties: false },
  ),
  inputSchema: CreateFulfillmentInputSchema,
  outputSchema: CreateFulfillmentOutputSchema,
  credential: SHOPIFY_CREDENTIAL,
  async run(ctx) {
    const { input } = ctx;
    const shopify = graphqlFor(ctx);
    const { orderId, fulfillments, fulfillmentOrders } = await load(shopify, input);
    const first = input.trackingNumbers?.[0];
    const earlier = first
      ? fulfillments.find(
          (fulfillment) =>
            fulfillment.status !== 'CANCELLED' &&
            fulfillment.trackingInfo.some((info) => info.number === first),
        )
      : undefined;
    if (earlier) {
      ctx.log({
        level: 'info',
        message: `Fulfillment ${earlier.name} already carries tracking number ${first}; not creating another.`,
      });
      return { created: false, orderId, fulfillment: fulfillmentOutput(earlier) };
    }
    const wanted = input.lineItems?.map((line) => {
      if (line.lineItemId === undefined && line.sku === undefined) {
        throw userError({
          code: 'SHOPIFY_LINE_NOT_NAMED',
          message: 'Each line of shopify.createFulfillment needs a sku or a lineItemId.',
        });
      }
      return {
        ...(line.sku !== undefined ? { sku: line.sku } : {}),
        ...(line.lineItemId !== undefined ? { lineItemId: toGid('LineItem', line.lineItemId) } : {}),
        quantity: line.quantity,
      };
    });
    const pick = pickFulfillmentLines(fulfillmentOrders, wanted);
    const mutation = versionAtLeast(shopify.apiVersion, '2024-10')
      ? 'fulfillmentCreate'
      : 'fulfillmentCreateV2';
    const inputType = mutation === 'fulfillmentCreate' ? 'FulfillmentInput' : 'FulfillmentV2Input';
    const document = `mutation WaybillFulfillmentCreate($fulfillment: ${inputType}!, $message: String) {
      ${mutation}(fulfillment: $fulfillment, message: $message) { fulfillment { ${FULFILLMENT_FIELDS} } userErrors { field message } } }`;
    const trackingInfo = {
      ...(input.trackingNumbers ? { numbers: input.trackingNumbers } : {}),
      ...(input.trackingCompany ? { company: input.trackingCompany } : {}),
      ...(input.trackingUrls ? { urls: input.trackingUrls } : {}),
    };
    const answer = await shopify.mutate(
      document,
      {
        fulfillment: {
          lineItemsByFulfillmentOrder: pick,
          notifyCustomer: ctx.config.notifyCustomer ?? false,
          ...(Object.keys(trackingInfo).length > 0 ? { trackingInfo } : {}),
        },
        message: ctx.config.message ?? null,
      },
      Type.Record(
        Type.String(),
        Type.Object({ fulfillment: nullable(GqlFulfillmentSchema), userErrors: UserErrorsSchema }),
      ),
    );
    const payload = answer[mutation];
    if (!payload || payload.userErrors.length > 0 || !payload.fulfillment) {
      throw shopifyUserErrors(
        mutation,
        payload?.userErrors.length ? payload.userErrors : [{ message: 'No fulfillment was created' }],
      );
    }
    return { created: true, orderId, fulfillment: fulfillmentOutput(payload.fulfillment) };
  },
});

async function load(
  shopify: ReturnType<typeof graphqlFor>,
  input: Static<typeof CreateFulfillmentInputSchema>,
) {
  if (input.fulfillmentOrderId !== undefined) {
    const id = toGid('FulfillmentOrder', input.fulfillmentOrderId);
    const { fulfillmentOrder } = await shopify.query(BY_FULFILLMENT_ORDER, { id }, FulfillmentOrderAnswer);
    if (!fulfillmentOrder) throw notFound(`fulfillment order ${id}`);
    return {
      orderId: fulfillmentOrder.order.id,
      fulfillments: fulfillmentOrder.order.fulfillments,
      fulfillmentOrders: [fulfillmentOrder],
    };
  }
  if (input.orderId === undefined) {
    throw userError({
      code: 'SHOPIFY_ORDER_NOT_NAMED',
      message: 'shopify.createFulfillment needs the orderId or the fulfillmentOrderId in its input.',
    });
  }
  const id = toGid('Order', input.orderId);
  const { order } = await shopify.query(BY_ORDER, { id }, OrderAnswer);
  if (!order) throw notFound(`order ${id}`);
  return {
    orderId: order.id,
    fulfillments: order.fulfillments,
    fulfillmentOrders: order.fulfillmentOrders.nodes,
  };
}

function notFound(what: string) {
  return userError({
    code: 'SHOPIFY_NOT_FOUND',
    message: `Shopify has no ${what}, or the app may not read it; check the id in the node's input.`,
  });
}
