import type { CanonicalOrder } from '@waybill/canonical';
import { userError } from '@waybill/connector-kit';
import type { OdooClient } from '../../client/odoo-client.js';
import { idOf, isRecord, many2oneOf, recordsOf, textOf } from '../../mapping/odoo-values.js';
import type { ResolvedLine } from '../../mapping/order.js';
import { productsBySku } from './products.js';

/**
 * Resolves an order's SKUs (and units, when a line is counted in another unit than its product)
 * to Odoo ids. Unknown SKUs or units are the order's fault, so they fail as one user error that
 * lists all of them, before anything is created.
 *
 * @example
 * const { lines, uomField } = await resolveLines(odoo, order);
 * lines[0]; // { productId: 1 }
 */
export async function resolveLines(
  odoo: OdooClient,
  order: CanonicalOrder,
): Promise<{ lines: ResolvedLine[]; uomField: string }> {
  const { found, missing } = await productsBySku(
    odoo,
    order.lines.map((line) => line.sku),
  );
  if (missing.length > 0) {
    throw userError({
      code: 'ODOO_UNKNOWN_SKU',
      message: `Odoo has no active product with the SKU ${missing.map((sku) => `"${sku}"`).join(', ')}; create ${missing.length === 1 ? 'it' : 'them'} in Odoo or fix the order lines.`,
      details: { missing },
    });
  }
  const otherUnits = new Set<string>();
  for (const line of order.lines) {
    const product = found.get(line.sku);
    if (line.uom && product && !sameUnit(line.uom, product.uom)) otherUnits.add(line.uom);
  }
  const units = otherUnits.size > 0 ? await unitsByName(odoo, [...otherUnits]) : new Map<string, number>();
  const lines = order.lines.map((line): ResolvedLine => {
    const product = found.get(line.sku);
    if (!product) throw new Error(`Product ${line.sku} vanished between two lookups.`);
    const uomId =
      line.uom && !sameUnit(line.uom, product.uom) ? units.get(line.uom.toLowerCase()) : undefined;
    return { productId: product.productId, ...(uomId !== undefined ? { uomId } : {}) };
  });
  // Odoo 19 renamed sale.order.line's product_uom to product_uom_id; ask only when it matters.
  const uomField = otherUnits.size > 0 ? await lineUomField(odoo) : 'product_uom';
  return { lines, uomField };
}

async function unitsByName(odoo: OdooClient, names: string[]): Promise<Map<string, number>> {
  const records = recordsOf(
    await odoo.call('uom.uom', 'search_read', { domain: [['name', 'in', names]], fields: ['id', 'name'] }),
  );
  const units = new Map<string, number>();
  for (const record of records) {
    const name = textOf(record, 'name');
    if (name && !units.has(name.toLowerCase())) units.set(name.toLowerCase(), idOf(record));
  }
  const unknown = names.filter((name) => !units.has(name.toLowerCase()));
  if (unknown.length > 0) {
    throw userError({
      code: 'ODOO_UNKNOWN_UOM',
      message: `Odoo has no unit of measure named ${unknown.map((name) => `"${name}"`).join(', ')}; map the order's units to Odoo unit names.`,
      details: { unknown },
    });
  }
  return units;
}

async function lineUomField(odoo: OdooClient): Promise<string> {
  const fields = await odoo.call('sale.order.line', 'fields_get', {
    allfields: ['product_uom', 'product_uom_id'],
    attributes: ['type'],
  });
  return isRecord(fields) && 'product_uom_id' in fields ? 'product_uom_id' : 'product_uom';
}

function sameUnit(a: string, b: string): boolean {
  const norm = (unit: string) => unit.trim().toLowerCase();
  return norm(a) === norm(b) || (isUnits(a) && isUnits(b));
}

function isUnits(unit: string): boolean {
  return ['units', 'unit', 'unit(s)', 'ea', 'each', 'pce', 'pcs'].includes(unit.trim().toLowerCase());
}

/**
 * The pricelist to price the order in its own currency: none when the company works in that
 * currency (Odoo then prices in it), otherwise the first pricelist in that currency. An order in
 * a currency Odoo cannot price in is refused before anything is created, because its prices
 * would otherwise be booked as if they were in the company currency.
 *
 * @example
 * await pricelistFor(odoo, 'USD'); // {} when the company works in USD
 * await pricelistFor(odoo, 'EUR'); // { pricelistId: 2 }
 */
export async function pricelistFor(odoo: OdooClient, currency: string): Promise<{ pricelistId?: number }> {
  const [company] = recordsOf(
    await odoo.call('res.company', 'search_read', { domain: [], fields: ['currency_id'], limit: 1 }),
  );
  const companyCurrency = company ? many2oneOf(company, 'currency_id')?.name : undefined;
  if (companyCurrency === undefined || companyCurrency === currency) return {};
  const pricelists = recordsOf(
    await odoo.call('product.pricelist', 'search_read', {
      domain: [['currency_id.name', '=', currency]],
      fields: ['id'],
      order: 'sequence asc, id asc',
      limit: 1,
    }),
  );
  const [pricelist] = pricelists;
  if (pricelist) return { pricelistId: idOf(pricelist) };
  throw userError({
    code: 'ODOO_CURRENCY_MISMATCH',
    message: `The order is in ${currency}, but the company works in ${companyCurrency} and Odoo has no ${currency} pricelist; add one in Odoo or convert the order.`,
  });
}
