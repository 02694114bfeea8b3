import type { CanonicalAddress, CanonicalOrder, CanonicalOrderLine } from '@waybill/canonical';
import { userError } from '@waybill/connector-kit';
import { isPositive, sumMoney, toMoney } from './money.js';
import type { RestAddress, RestLineItem, RestOrder } from './rest-order.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Maps a Shopify order in the REST shape (a webhook body) to a canonical order, as the
 * shopify-order-to-odoo flow's JSONata does, and further: line discounts (Shopify allocates every
 * discount, order-level ones included, to lines), line taxes, shipping, the note and the PO
 * number. The customer ref is `shopify-<customer id>`, as that flow sets it. A line without a SKU
 * cannot be matched to a product, so it fails the mapping as a user error naming the line.
 *
 * @example
 * const order = toCanonicalOrder(JSON.parse(webhookBody));
 * order.number;            // '#1001'
 * order.lines[0]?.sku;     // 'IPOD2008GREEN'
 */
export function toCanonicalOrder(order: RestOrder): CanonicalOrder {
  const shipTo = address(order.shipping_address);
  const billTo = address(order.billing_address);
  const shippingLines = order.shipping_lines ?? [];
  const shippingAmount = sumMoney(shippingLines.map((line) => line.price));
  const method = shippingLines[0]?.title ?? shippingLines[0]?.code ?? undefined;
  const tags = (order.tags ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  const createdAt =
    order.created_at && !Number.isNaN(Date.parse(order.created_at)) ? order.created_at : undefined;
  const total = toMoney(order.total_price);
  const subtotal = toMoney(order.subtotal_price);
  return {
    number: order.name,
    source: { system: 'shopify', id: String(order.id) },
    ...(createdAt ? { orderedAt: createdAt } : {}),
    currency: order.currency.toUpperCase(),
    ...(typeof order.taxes_included === 'boolean' ? { pricesIncludeTax: order.taxes_included } : {}),
    customer: customer(order, shipTo),
    ...(nonEmpty(order.po_number) ? { poNumber: order.po_number.trim() } : {}),
    ...(shipTo ? { shipTo } : {}),
    ...(billTo ? { billTo } : {}),
    lines: order.line_items.map(line),
    ...(shippingLines.length > 0
      ? { shipping: { ...(nonEmpty(method) ? { method } : {}), amount: shippingAmount } }
      : {}),
    ...(total && subtotal
      ? {
          totals: {
            subtotal,
            ...(toMoney(order.total_tax) ? { tax: toMoney(order.total_tax) } : {}),
            ...(shippingLines.length > 0 ? { shipping: shippingAmount } : {}),
            total,
          },
        }
      : {}),
    ...(nonEmpty(order.note) ? { notes: order.note } : {}),
    extensions: {
      shopify: {
        ...(tags.length > 0 ? { tags } : {}),
        ...(order.source_name ? { sourceName: order.source_name } : {}),
        ...(order.financial_status ? { financialStatus: order.financial_status } : {}),
        ...(order.fulfillment_status ? { fulfillmentStatus: order.fulfillment_status } : {}),
      },
    },
  };
}

function customer(order: RestOrder, shipTo: CanonicalAddress | undefined): CanonicalOrder['customer'] {
  const who = order.customer;
  const email = [who?.email, order.email, order.contact_email].find(
    (candidate): candidate is string => typeof candidate === 'string' && EMAIL.test(candidate.trim()),
  );
  const name =
    [who?.first_name, who?.last_name].filter(nonEmpty).join(' ').trim() ||
    shipTo?.name ||
    address(order.billing_address)?.name ||
    email ||
    `Shopify customer ${who?.id ?? order.name}`;
  const phone = [who?.phone, order.phone].find(nonEmpty);
  return {
    ...(who ? { ref: `shopify-${who.id}` } : {}),
    name,
    ...(email ? { email: email.trim() } : {}),
    ...(phone ? { phone } : {}),
    ...(shipTo ? { shippingAddresses: [shipTo] } : {}),
    ...(who ? { externalIds: { shopify: String(who.id) } } : {}),
  };
}

function line(item: RestLineItem): CanonicalOrderLine {
  const sku = item.sku?.trim();
  if (!sku) {
    throw userError({
      code: 'SHOPIFY_LINE_WITHOUT_SKU',
      message: `Line item ${item.id} ("${item.name ?? item.title ?? 'untitled'}") has no SKU, so it cannot be matched to a product; give the variant a SKU in Shopify or map the line by hand.`,
      details: { lineItemId: String(item.id) },
    });
  }
  const unitPrice = toMoney(item.price);
  if (unitPrice === undefined) {
    throw userError({
      code: 'SHOPIFY_INVALID_PRICE',
      message: `Line item ${item.id} (${sku}) has the price "${String(item.price)}", which is not an amount.`,
      details: { lineItemId: String(item.id) },
    });
  }
  const allocations = item.discount_allocations ?? [];
  const discount =
    allocations.length > 0
      ? sumMoney(allocations.map((allocation) => allocation.amount))
      : toMoney(item.total_discount);
  const taxes = (item.tax_lines ?? []).map((tax) => ({
    ...(nonEmpty(tax.title) ? { name: tax.title } : {}),
    ...(typeof tax.rate === 'number' && tax.rate >= 0 ? { rate: rateText(tax.rate) } : {}),
    ...(toMoney(tax.price) ? { amount: toMoney(tax.price) } : {}),
  }));
  const description = item.name ?? item.title;
  return {
    lineNumber: String(item.id),
    sku,
    ...(nonEmpty(description) ? { description } : {}),
    quantity: String(item.quantity),
    unitPrice,
    ...(discount && isPositive(discount) ? { discount } : {}),
    ...(taxes.length > 0 ? { taxes } : {}),
  };
}

function address(value: RestAddress | null | undefined): CanonicalAddress | undefined {
  if (!value) return undefined;
  const street1 = value.address1?.trim();
  const city = value.city?.trim();
  const countryCode = value.country_code?.trim().toUpperCase();
  // A digital order has no shipping address; a partial one cannot be shipped to either.
  if (!street1 || !city || !countryCode || !/^[A-Z]{2}$/.test(countryCode)) return undefined;
  const name = value.name?.trim() || [value.first_name, value.last_name].filter(nonEmpty).join(' ').trim();
  return {
    ...(name ? { name } : {}),
    ...(nonEmpty(value.company) ? { company: value.company.trim() } : {}),
    street1,
    ...(nonEmpty(value.address2) ? { street2: value.address2.trim() } : {}),
    city,
    ...(nonEmpty(value.province_code) ? { region: value.province_code.trim() } : {}),
    ...(nonEmpty(value.zip) ? { postalCode: value.zip.trim() } : {}),
    countryCode,
    ...(nonEmpty(value.phone) ? { phone: value.phone.trim() } : {}),
  };
}

function rateText(rate: number): string {
  return String(Number(rate.toFixed(6)));
}

function nonEmpty(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
