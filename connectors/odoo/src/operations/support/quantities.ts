import { userError } from '@waybill/connector-kit';
import { formatScaled, parseScaled } from '../../mapping/decimal.js';

/**
 * Spreads requested quantities per SKU over the rows that carry that SKU (move lines, invoice
 * lines): each row takes up to its own quantity, the last row of a SKU takes the rest. Returns
 * the quantity for each row, in row order; SKUs with no row are a user error.
 *
 * @example
 * spreadBySku([{ sku: 'A', limit: '2' }, { sku: 'A', limit: '5' }], [{ sku: 'A', quantity: '4' }], 'the return');
 * // ['2', '2']
 */
export function spreadBySku(
  rows: readonly { sku: string; limit: string }[],
  requested: readonly { sku: string; quantity: string }[],
  subject: string,
): string[] {
  const wanted = new Map<string, bigint>();
  for (const line of requested)
    wanted.set(line.sku, (wanted.get(line.sku) ?? 0n) + parseScaled(line.quantity));
  const unknown = [...wanted.keys()].filter((sku) => !rows.some((row) => row.sku === sku));
  if (unknown.length > 0) {
    throw userError({
      code: 'ODOO_SKU_NOT_FOUND_ON_DOCUMENT',
      message: `${capitalise(subject)} has no line for ${unknown.map((sku) => `"${sku}"`).join(', ')}.`,
      details: { unknown },
    });
  }
  return rows.map((row, index) => {
    const rest = wanted.get(row.sku) ?? 0n;
    const isLast = !rows.slice(index + 1).some((other) => other.sku === row.sku);
    const limit = parseScaled(row.limit);
    const take = isLast || rest < limit ? rest : limit;
    wanted.set(row.sku, rest - take);
    return formatScaled(take);
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
