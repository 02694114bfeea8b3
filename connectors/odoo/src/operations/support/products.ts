import type { OdooClient } from '../../client/odoo-client.js';
import { fromOdooMoney } from '../../mapping/decimal.js';
import { idOf, many2oneOf, numberOf, recordsOf, textOf } from '../../mapping/odoo-values.js';

/**
 * A product variant found by SKU.
 *
 * @example
 * const product: ProductBySku = { productId: 12, sku: 'SKU-1001', name: 'Espresso 1 kg', uomId: 1, uom: 'Units', listPrice: '18.50' };
 */
export interface ProductBySku {
  productId: number;
  sku: string;
  name: string;
  uomId: number | undefined;
  uom: string;
  listPrice: string;
  barcode?: string;
}

/**
 * Looks product variants up by SKU (`default_code`) in one call. Archived variants are not
 * found, on purpose: they must not be sold. When two variants share a SKU the oldest wins, as
 * Odoo's own search would return it first.
 *
 * @example
 * const { found, missing } = await productsBySku(odoo, ['SKU-1001', 'NOPE']);
 * found.get('SKU-1001')?.productId; // 1
 * missing; // ['NOPE']
 */
export async function productsBySku(
  odoo: OdooClient,
  skus: readonly string[],
): Promise<{ found: Map<string, ProductBySku>; missing: string[] }> {
  const unique = [...new Set(skus)];
  const found = new Map<string, ProductBySku>();
  if (unique.length === 0) return { found, missing: [] };
  const records = recordsOf(
    await odoo.call('product.product', 'search_read', {
      domain: [['default_code', 'in', unique]],
      fields: ['id', 'default_code', 'name', 'uom_id', 'list_price', 'barcode'],
      order: 'id asc',
    }),
  );
  for (const record of records) {
    const sku = textOf(record, 'default_code');
    if (sku === undefined || found.has(sku)) continue;
    const uom = many2oneOf(record, 'uom_id');
    const barcode = textOf(record, 'barcode');
    found.set(sku, {
      productId: idOf(record),
      sku,
      name: textOf(record, 'name') ?? sku,
      uomId: uom?.id,
      uom: uom?.name || 'Units',
      listPrice: fromOdooMoney(numberOf(record, 'list_price')),
      ...(barcode ? { barcode } : {}),
    });
  }
  return { found, missing: unique.filter((sku) => !found.has(sku)) };
}

/**
 * The SKU of each product id, for answers (moves, lines) that name products by id only.
 *
 * @example
 * const skus = await skusOf(odoo, [1, 2]); // Map { 1 => 'SKU-1001', 2 => 'SKU-1002' }
 */
export async function skusOf(odoo: OdooClient, productIds: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(productIds)];
  if (unique.length === 0) return new Map();
  const records = recordsOf(
    await odoo.call('product.product', 'read', {
      ids: unique,
      fields: ['default_code'],
      // Archived products still appear on old moves and invoice lines.
      context: { active_test: false },
    }),
  );
  return new Map(
    records.map((record) => [idOf(record), textOf(record, 'default_code') ?? `#${idOf(record)}`]),
  );
}
