import { Type } from '@sinclair/typebox';
import { defineOperation } from '@waybill/connector-kit';
import { ODOO_CREDENTIAL, odooFor } from './support/odoo.js';
import { productsBySku } from './support/products.js';

/**
 * Output of `odoo.findProducts`.
 *
 * @example
 * // { "products": [{ "sku": "SKU-1001", "productId": 1, "name": "Espresso 1 kg", "uom": "Units", "listPrice": "18.50" }],
 * //   "missing": ["SKU-9999"] }
 */
export const FindProductsOutputSchema = Type.Object({
  products: Type.Array(
    Type.Object({
      sku: Type.String(),
      productId: Type.Integer({ description: 'The product.product id.' }),
      name: Type.String(),
      uom: Type.String({ description: 'Name of the unit the product is counted in (uom_id).' }),
      listPrice: Type.String({ description: 'Sales price as a decimal string, in the company currency.' }),
      barcode: Type.Optional(Type.String()),
    }),
    { description: 'The products found, in the order of the input SKUs.' },
  ),
  missing: Type.Array(Type.String(), {
    description: 'SKUs with no active product variant in Odoo.',
  }),
});

/**
 * `odoo.findProducts`: looks up product variants by SKU (`default_code`) with their unit of
 * measure, and reports the SKUs Odoo does not know, so a flow can stop an order before it
 * reaches Odoo. One call.
 *
 * @example
 * { "id": "products", "type": "odoo.findProducts", "credential": "odoo-main", "config": {} }
 * // input: { "skus": ["SKU-1001", "SKU-1002"] }
 */
export const findProductsOperation = defineOperation({
  type: 'odoo.findProducts',
  title: 'Find products by SKU',
  description: 'Looks up Odoo product variants by SKU and lists the SKUs Odoo does not know.',
  icon: 'package-search',
  effect: 'read',
  idempotency: 'none',
  idempotencyNote: 'Reads only; repeating it changes nothing.',
  configSchema: Type.Object({}, { additionalProperties: false }),
  inputSchema: Type.Object(
    {
      skus: Type.Array(Type.String({ minLength: 1 }), {
        minItems: 1,
        maxItems: 1000,
        description: 'SKUs to look up (product default_code).',
      }),
    },
    { additionalProperties: false },
  ),
  outputSchema: FindProductsOutputSchema,
  credential: ODOO_CREDENTIAL,
  async run(ctx) {
    const { found, missing } = await productsBySku(odooFor(ctx), ctx.input.skus);
    const products = [...new Set(ctx.input.skus)].flatMap((sku) => {
      const product = found.get(sku);
      if (!product) return [];
      const { uomId: _uomId, ...rest } = product;
      return [rest];
    });
    return { products, missing };
  },
});
