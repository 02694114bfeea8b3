import { Type } from '@sinclair/typebox';
import { QuantitySchema } from '@waybill/canonical';
import { defineOperation, userError } from '@waybill/connector-kit';
import { compareDecimals, formatScaled, fromOdooQuantity, parseScaled } from '../mapping/decimal.js';
import { idOf, numberOf, recordsOf, textOf } from '../mapping/odoo-values.js';
import { ODOO_CREDENTIAL, odooFor } from './support/odoo.js';
import { productsBySku } from './support/products.js';

/**
 * Output of `odoo.checkAvailability`: stock per SKU and warehouse, and the SKUs that cannot be
 * served in full.
 *
 * @example
 * // { "availability": [{ "sku": "SKU-1001", "uom": "Units", "requested": "5", "totalFree": "12",
 * //     "warehouses": [{ "warehouse": "WH", "free": "10", "onHand": "12", "forecast": "8" }, ...] }],
 * //   "shortages": [], "missing": [] }
 */
export const CheckAvailabilityOutputSchema = Type.Object({
  availability: Type.Array(
    Type.Object({
      sku: Type.String(),
      uom: Type.String(),
      requested: Type.Optional(QuantitySchema),
      totalFree: QuantitySchema,
      warehouses: Type.Array(
        Type.Object({
          warehouse: Type.String({ description: 'Warehouse code (stock.warehouse code).' }),
          free: withText('Free to reserve: on hand minus what is reserved (free_qty).'),
          onHand: withText('Physically in the warehouse (qty_available).'),
          forecast: withText('On hand plus incoming minus outgoing (virtual_available).'),
          sufficient: Type.Optional(
            Type.Boolean({ description: 'Free stock covers the requested quantity.' }),
          ),
        }),
      ),
    }),
  ),
  shortages: Type.Array(
    Type.Object({
      sku: Type.String(),
      requested: QuantitySchema,
      available: QuantitySchema,
      uom: Type.String(),
    }),
    { description: 'SKUs whose free stock over the warehouses checked is less than requested.' },
  ),
  missing: Type.Array(Type.String(), { description: 'SKUs Odoo does not know.' }),
});

function withText(description: string) {
  return Type.String({ description });
}

/**
 * `odoo.checkAvailability`: reads free, on-hand and forecast quantities of each SKU per warehouse
 * (product.product quantities under a `warehouse_id` context, which Odoo computes from
 * stock.quant and pending moves) and lists shortages against requested quantities. One call
 * for products, one for warehouses and one per warehouse.
 *
 * @example
 * { "id": "stock", "type": "odoo.checkAvailability", "credential": "odoo-main", "config": { "warehouses": ["WH"] } }
 * // input: { "lines": [{ "sku": "SKU-1001", "quantity": "5" }] }
 */
export const checkAvailabilityOperation = defineOperation({
  type: 'odoo.checkAvailability',
  title: 'Check stock availability',
  description: 'Reads free stock per SKU and warehouse from Odoo and lists the SKUs that fall short.',
  icon: 'warehouse',
  effect: 'read',
  idempotency: 'none',
  idempotencyNote: 'Reads only; repeating it changes nothing.',
  configSchema: Type.Object(
    {
      warehouses: Type.Optional(
        Type.Array(Type.String({ minLength: 1 }), {
          minItems: 1,
          description: 'Warehouse codes to check (e.g. ["WH"]); every warehouse when absent.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  inputSchema: Type.Object(
    {
      lines: Type.Array(
        Type.Object(
          { sku: Type.String({ minLength: 1 }), quantity: Type.Optional(QuantitySchema) },
          { additionalProperties: true },
        ),
        {
          minItems: 1,
          maxItems: 1000,
          description: 'SKUs to check, with the quantity wanted (order lines fit).',
        },
      ),
    },
    { additionalProperties: true },
  ),
  outputSchema: CheckAvailabilityOutputSchema,
  credential: ODOO_CREDENTIAL,
  async run(ctx) {
    const odoo = odooFor(ctx);
    const requested = new Map<string, bigint>();
    for (const line of ctx.input.lines) {
      const previous = requested.get(line.sku) ?? 0n;
      requested.set(line.sku, previous + (line.quantity === undefined ? 0n : parseScaled(line.quantity)));
    }
    const skus = [...requested.keys()];
    const wanted = new Set(
      ctx.input.lines.filter((line) => line.quantity !== undefined).map((line) => line.sku),
    );
    const { found, missing } = await productsBySku(odoo, skus);

    const warehouses = recordsOf(
      await odoo.call('stock.warehouse', 'search_read', {
        domain: ctx.config.warehouses ? [['code', 'in', ctx.config.warehouses]] : [],
        fields: ['id', 'code', 'name'],
        order: 'id asc',
      }),
    );
    const unknown = (ctx.config.warehouses ?? []).filter(
      (code) => !warehouses.some((warehouse) => textOf(warehouse, 'code') === code),
    );
    if (unknown.length > 0) {
      throw userError({
        code: 'ODOO_UNKNOWN_WAREHOUSE',
        message: `Odoo has no warehouse with the code ${unknown.map((code) => `"${code}"`).join(', ')}; fix the node's warehouses.`,
        details: { unknown },
      });
    }

    const productIds = [...found.values()].map((product) => product.productId);
    const perWarehouse = new Map<number, Map<number, { free: number; onHand: number; forecast: number }>>();
    for (const warehouse of warehouses) {
      const quantities = productIds.length
        ? recordsOf(
            await odoo.call('product.product', 'read', {
              ids: productIds,
              fields: ['free_qty', 'qty_available', 'virtual_available'],
              // Odoo 17+ reads warehouse_id, older versions warehouse; both narrow the computation.
              context: { warehouse_id: idOf(warehouse), warehouse: idOf(warehouse) },
            }),
          )
        : [];
      perWarehouse.set(
        idOf(warehouse),
        new Map(
          quantities.map((record) => [
            idOf(record),
            {
              free: numberOf(record, 'free_qty'),
              onHand: numberOf(record, 'qty_available'),
              forecast: numberOf(record, 'virtual_available'),
            },
          ]),
        ),
      );
    }

    const availability = [];
    const shortages = [];
    for (const sku of skus) {
      const product = found.get(sku);
      if (!product) continue;
      const want = wanted.has(sku) ? formatScaled(requested.get(sku) ?? 0n) : undefined;
      const rows = warehouses.map((warehouse) => {
        const stock = perWarehouse.get(idOf(warehouse))?.get(product.productId);
        const free = fromOdooQuantity(stock?.free ?? 0);
        return {
          warehouse: textOf(warehouse, 'code') ?? String(idOf(warehouse)),
          free,
          onHand: fromOdooQuantity(stock?.onHand ?? 0),
          forecast: fromOdooQuantity(stock?.forecast ?? 0),
          ...(want !== undefined ? { sufficient: compareDecimals(free, want) >= 0 } : {}),
        };
      });
      const totalFree = formatScaled(rows.reduce((total, row) => total + parseScaled(row.free), 0n));
      availability.push({
        sku,
        uom: product.uom,
        ...(want !== undefined ? { requested: want } : {}),
        totalFree,
        warehouses: rows,
      });
      if (want !== undefined && compareDecimals(totalFree, want) < 0) {
        shortages.push({ sku, requested: want, available: totalFree, uom: product.uom });
      }
    }
    return { availability, shortages, missing };
  },
});
