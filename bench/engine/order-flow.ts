import { createRevision, type FlowDefinition, type NodeDefinition } from '@waybill/flow';

/** The 10-line order mapping every benchmark flow starts with. */
export const ORDER_MAPPING = `{
  "number": name,
  "channel": "shopify",
  "currency": currency,
  "customer": { "email": customer.email, "name": customer.first_name & " " & customer.last_name },
  "shipTo": { "city": shipping_address.city, "country": shipping_address.country_code },
  "lines": [line_items.{ "sku": sku, "quantity": quantity, "unitPrice": $number(price) }],
  "lineCount": $count(line_items),
  "total": $number(total_price),
  "rush": $contains(tags, "rush")
}`;

export const ORDER_SCHEMA = {
  type: 'object',
  required: ['number', 'currency', 'customer', 'lines', 'total'],
  properties: {
    number: { type: 'string', minLength: 1 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    customer: { type: 'object', required: ['email'], properties: { email: { type: 'string' } } },
    lines: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['sku', 'quantity'],
        properties: { sku: { type: 'string' }, quantity: { type: 'integer' } },
      },
    },
    total: { type: 'number', minimum: 0 },
  },
};

export const ROUTE_CONDITION = 'rush or total > 1000';
export const PACK_EXPRESSION = '{ "order": number, "skus": lines.sku, "units": $sum(lines.quantity) }';
export const SUMMARY_EXPRESSION = '{ "ref": order, "units": units, "ok": true }';
export const PACK_CODE = `const units = input.lines.reduce((sum, line) => sum + line.quantity, 0);
return { order: input.number, skus: input.lines.map((line) => line.sku), units };`;

/**
 * map → check → route → pack → summary: five nodes, all of which run for every order
 * (both route ports lead to pack). With `code`, pack is a code node instead of a transform.
 */
export function orderFlow(options: { code: boolean }) {
  const pack: NodeDefinition = options.code
    ? { id: 'pack', type: 'core.code', config: { code: PACK_CODE } }
    : { id: 'pack', type: 'core.transform', config: { expression: PACK_EXPRESSION } };
  const flow: FlowDefinition = {
    schemaVersion: 1,
    id: options.code ? 'bench-order-code' : 'bench-order',
    name: 'Benchmark order flow',
    trigger: { type: 'core.manual', config: {}, businessKey: 'name' },
    nodes: [
      { id: 'map', type: 'core.transform', config: { expression: ORDER_MAPPING } },
      { id: 'check', type: 'core.validate', config: { schema: ORDER_SCHEMA } },
      { id: 'route', type: 'core.branch', config: { cases: [{ port: 'rush', condition: ROUTE_CONDITION }] } },
      pack,
      { id: 'summary', type: 'core.transform', config: { expression: SUMMARY_EXPRESSION } },
    ],
    edges: [
      { from: 'trigger', to: 'map' },
      { from: 'map', to: 'check' },
      { from: 'check.valid', to: 'route' },
      { from: 'route.default', to: 'pack' },
      { from: 'route.rush', to: 'pack' },
      { from: 'pack', to: 'summary' },
    ],
  };
  return createRevision(flow);
}

/** A small Shopify-like order: three lines, a customer and an address. */
export function sampleOrder(i: number) {
  return {
    name: `#${1000 + i}`,
    currency: 'USD',
    total_price: '409.94',
    tags: i % 10 === 0 ? 'rush, wholesale' : 'wholesale',
    customer: { email: 'bob.norman@hostmail.com', first_name: 'Bob', last_name: 'Norman' },
    shipping_address: { city: 'Louisville', country_code: 'US' },
    line_items: [
      { sku: 'IPOD2008GREEN', quantity: 1, price: '199.00' },
      { sku: 'IPOD2008RED', quantity: 2, price: '199.00' },
      { sku: 'IPOD2008BLACK', quantity: 1, price: '11.94' },
    ],
  };
}
