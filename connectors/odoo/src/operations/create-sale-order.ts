import { Type } from '@sinclair/typebox';
import {
  type CanonicalCustomer,
  type CanonicalOrder,
  CanonicalOrderSchema,
  MoneySchema,
} from '@waybill/canonical';
import { defineOperation, userError } from '@waybill/connector-kit';
import type { OdooClient } from '../client/odoo-client.js';
import { fromOdooMoney } from '../mapping/decimal.js';
import {
  createdId,
  idOf,
  many2oneOf,
  numberOf,
  type OdooRecord,
  recordsOf,
  textOf,
} from '../mapping/odoo-values.js';
import { orderLineValues, saleOrderValues } from '../mapping/order.js';
import { geographyIds } from './support/geography.js';
import { ODOO_CREDENTIAL, odooFor } from './support/odoo.js';
import { pricelistFor, resolveLines } from './support/order-setup.js';
import {
  addressContacts,
  customerKeys,
  ensureAddress,
  findPartner,
  upsertCustomer,
} from './support/partners.js';

const ORDER_FIELDS = ['id', 'name', 'state', 'amount_total', 'currency_id'];

/**
 * Input of `odoo.createSaleOrder`: a canonical order, optionally with the res.partner id found or
 * created by an earlier node.
 *
 * @example
 * const input = { ...sampleShopifyOrder, partnerId: 8 };
 */
export const CreateSaleOrderInputSchema = Type.Composite(
  [
    CanonicalOrderSchema,
    Type.Object({
      partnerId: Type.Optional(
        Type.Integer({
          minimum: 1,
          description: 'res.partner id of the customer; looked up from the order customer when absent.',
        }),
      ),
    }),
  ],
  { additionalProperties: false, description: 'A canonical order, with an optional partnerId.' },
);

/**
 * Output of `odoo.createSaleOrder`.
 *
 * @example
 * // { "orderId": 17, "name": "S00017", "state": "sale", "created": true, "amountTotal": "652.75", "currency": "EUR" }
 */
export const CreateSaleOrderOutputSchema = Type.Object({
  orderId: Type.Integer({ description: 'The sale.order id.' }),
  name: Type.String({ description: 'The Odoo order reference, e.g. S00017.' }),
  state: Type.String({ description: 'draft, sent, sale, done or cancel.' }),
  created: Type.Boolean({ description: 'False when an order with this number already existed.' }),
  amountTotal: MoneySchema,
  currency: Type.String(),
});

/**
 * `odoo.createSaleOrder`: creates a sale.order from a canonical order, unless one with the same
 * customer reference (client_order_ref = order number) exists, and optionally confirms it, which
 * reserves stock. SKUs resolve to product variants; an unknown SKU is a user error listing all of
 * them, raised before anything is created. About eight calls plus one per address.
 *
 * @example
 * { "id": "create_so", "type": "odoo.createSaleOrder", "credential": "odoo-main", "config": { "confirm": true } }
 */
export const createSaleOrderOperation = defineOperation({
  type: 'odoo.createSaleOrder',
  title: 'Create sale order',
  description:
    'Creates an Odoo sale order from a canonical order (once per order number) and optionally confirms it.',
  icon: 'shopping-cart',
  effect: 'write',
  idempotency: 'lookup-before-create',
  idempotencyNote:
    'Looks for a sale order whose customer reference is the order number before creating one; a repeat returns that order (confirming it if asked and still a quotation).',
  configSchema: Type.Object(
    {
      confirm: Type.Optional(
        Type.Boolean({
          default: false,
          description: 'Confirm the order (action_confirm), which reserves stock.',
        }),
      ),
      createCustomer: Type.Optional(
        Type.Boolean({
          default: false,
          description: 'Create the customer when no partner matches its ref, VAT or email; otherwise fail.',
        }),
      ),
      warehouse: Type.Optional(
        Type.String({ minLength: 1, description: 'Code of the warehouse to ship from.' }),
      ),
    },
    { additionalProperties: false },
  ),
  inputSchema: CreateSaleOrderInputSchema,
  outputSchema: CreateSaleOrderOutputSchema,
  credential: ODOO_CREDENTIAL,
  async run(ctx) {
    const odoo = odooFor(ctx);
    const { partnerId: givenPartnerId, ...order } = ctx.input;
    const confirm = ctx.config.confirm ?? false;

    const [existing] = recordsOf(
      await odoo.call('sale.order', 'search_read', {
        domain: [['client_order_ref', '=', order.number]],
        fields: ORDER_FIELDS,
        order: 'id asc',
        limit: 1,
      }),
    );
    if (existing) {
      ctx.log({
        level: 'info',
        message: `Order ${order.number} already exists in Odoo as ${textOf(existing, 'name')}.`,
      });
      const current = confirm && isQuotation(existing) ? await confirmOrder(odoo, idOf(existing)) : existing;
      return summary(current, false);
    }

    const partnerId =
      givenPartnerId ??
      (await customerFor(odoo, order.customer, ctx.config.createCustomer ?? false, ctx.log));
    const { lines, uomField } = await resolveLines(odoo, order);
    const parties = await addressesFor(odoo, partnerId, order);
    const { pricelistId } = await pricelistFor(odoo, order.currency);
    const warehouseId = ctx.config.warehouse ? await findWarehouseId(odoo, ctx.config.warehouse) : undefined;
    const values = saleOrderValues(
      order,
      {
        partnerId,
        ...parties,
        ...(pricelistId !== undefined ? { pricelistId } : {}),
        ...(warehouseId !== undefined ? { warehouseId } : {}),
      },
      order.lines.map((line, index) => {
        const resolved = lines[index];
        if (!resolved) throw new Error('Every order line resolves to a product.');
        return [0, 0, orderLineValues(line, resolved, uomField)];
      }),
    );
    const orderId = createdId(await odoo.call('sale.order', 'create', { vals_list: [values] }));
    const created = confirm ? await confirmOrder(odoo, orderId) : await readOrder(odoo, orderId);
    return summary(created, true);
  },
});

async function customerFor(
  odoo: OdooClient,
  customer: CanonicalCustomer,
  create: boolean,
  log: (line: { level: 'info'; message: string }) => void,
): Promise<number> {
  if (create) {
    const result = await upsertCustomer(odoo, customer, {
      updateExisting: false,
      log: (message) => log({ level: 'info', message }),
    });
    return result.partnerId;
  }
  const match = await findPartner(odoo, customerKeys(customer));
  if (match) return idOf(match.partner);
  throw userError({
    code: 'ODOO_CUSTOMER_NOT_FOUND',
    message: `No Odoo customer matches "${customer.name}" by ref, VAT or email; create it first (odoo.upsertCustomer), pass partnerId, or set createCustomer.`,
  });
}

async function addressesFor(
  odoo: OdooClient,
  partnerId: number,
  order: Pick<CanonicalOrder, 'shipTo' | 'billTo' | 'customer'>,
): Promise<{ shippingId?: number; invoiceId?: number }> {
  const { shipTo, billTo } = order;
  if (!shipTo && !billTo) return {};
  const idsOf = await geographyIds(odoo, [...(shipTo ? [shipTo] : []), ...(billTo ? [billTo] : [])]);
  const target = {
    partnerId,
    partnerName: order.customer.name,
    existing: await addressContacts(odoo, partnerId),
  };
  const shippingId = shipTo
    ? await ensureAddress(odoo, { ...target, type: 'delivery', address: shipTo, ids: idsOf(shipTo) })
    : undefined;
  const invoiceId = billTo
    ? await ensureAddress(odoo, { ...target, type: 'invoice', address: billTo, ids: idsOf(billTo) })
    : undefined;
  return {
    ...(shippingId !== undefined ? { shippingId } : {}),
    ...(invoiceId !== undefined ? { invoiceId } : {}),
  };
}

async function findWarehouseId(odoo: OdooClient, code: string): Promise<number> {
  const [warehouse] = recordsOf(
    await odoo.call('stock.warehouse', 'search_read', {
      domain: [['code', '=', code]],
      fields: ['id'],
      limit: 1,
    }),
  );
  if (!warehouse) {
    throw userError({
      code: 'ODOO_UNKNOWN_WAREHOUSE',
      message: `Odoo has no warehouse with the code "${code}"; fix the node's warehouse.`,
    });
  }
  return idOf(warehouse);
}

async function confirmOrder(odoo: OdooClient, orderId: number): Promise<OdooRecord> {
  await odoo.call('sale.order', 'action_confirm', { ids: [orderId] });
  return readOrder(odoo, orderId);
}

async function readOrder(odoo: OdooClient, orderId: number): Promise<OdooRecord> {
  const [order] = recordsOf(await odoo.call('sale.order', 'read', { ids: [orderId], fields: ORDER_FIELDS }));
  if (!order) {
    throw userError({
      code: 'ODOO_MISSING_RECORD',
      message: `The sale order ${orderId} no longer exists in Odoo.`,
    });
  }
  return order;
}

function isQuotation(order: OdooRecord): boolean {
  return order.state === 'draft' || order.state === 'sent';
}

function summary(order: OdooRecord, created: boolean) {
  return {
    orderId: idOf(order),
    name: textOf(order, 'name') ?? String(idOf(order)),
    state: textOf(order, 'state') ?? 'draft',
    created,
    amountTotal: fromOdooMoney(numberOf(order, 'amount_total')),
    currency: many2oneOf(order, 'currency_id')?.name ?? '',
  };
}
