import { create, search } from './orm/records.js';
import type { Env, Vals } from './orm/types.js';
import { CUSTOMERS, PRODUCTS, type SeedAddress, WAREHOUSES } from './seed.js';

function addressVals(env: Env, address: SeedAddress): Vals {
  const country = countryId(env, address.country);
  const state = address.state
    ? idOf(env, 'res.country.state', [
        ['code', '=', address.state],
        ['country_id', '=', country],
      ])
    : false;
  return {
    street: address.street,
    city: address.city,
    zip: address.zip,
    country_id: country,
    state_id: state,
  };
}

export const idOf = (env: Env, model: string, domain: unknown[]) => {
  const found = search(env, model, domain, { limit: 1 })[0];
  if (!found) throw new Error(`seed: no ${model} matching ${JSON.stringify(domain)}`);
  return found.id;
};

export const countryId = (env: Env, code: string) => idOf(env, 'res.country', [['code', '=', code]]);

/** The demo business: products with stock in both warehouses, and customers with their addresses. */
export function seedDemo(env: Env): void {
  const taxes = search(env, 'account.tax', [['name', '=', '15%']]).map((tax) => tax.id);
  const uom = (name: string) => idOf(env, 'uom.uom', [['name', '=', name]]);
  const saleable = idOf(env, 'product.category', [['name', '=', 'Saleable']]);
  const stockOf = WAREHOUSES.map(([, code]) =>
    idOf(env, 'stock.location', [['complete_name', '=', `${code}/Stock`]]),
  );
  for (const product of PRODUCTS) {
    const kind = product.kind ?? 'storable';
    const typeVals: Vals =
      env.db.major <= 17
        ? { type: kind === 'storable' ? 'product' : kind === 'service' ? 'service' : 'consu' }
        : { type: kind === 'service' ? 'service' : 'consu', is_storable: kind === 'storable' };
    const template = create(env, 'product.template', {
      name: product.name,
      default_code: product.sku,
      barcode: product.barcode ?? false,
      list_price: product.price,
      standard_price: Math.round(product.price * 55) / 100,
      uom_id: uom(product.uom ?? 'Units'),
      categ_id: saleable,
      invoice_policy: product.invoicePolicy ?? 'order',
      taxes_id: [[6, 0, taxes]],
      ...typeVals,
    });
    const variantId = Number(template.m2o('product_variant_id'));
    product.stock.forEach((quantity, index) => {
      if (quantity > 0 && kind === 'storable')
        create(env, 'stock.quant', {
          product_id: variantId,
          location_id: stockOf[index],
          quantity,
          in_date: '2026-01-02 08:00:00',
        });
    });
  }
  for (const customer of CUSTOMERS) {
    const partner = create(env, 'res.partner', {
      name: customer.name,
      ref: customer.ref,
      is_company: customer.company,
      email: customer.email,
      phone: customer.phone ?? false,
      vat: customer.vat ?? false,
      customer_rank: 1,
      credit_limit: customer.creditLimit ?? 0,
      use_partner_credit_limit: customer.creditLimit !== undefined,
      lang: 'en_US',
      ...addressVals(env, customer.address),
    });
    if (customer.delivery)
      create(env, 'res.partner', {
        parent_id: partner.id,
        type: 'delivery',
        ...addressVals(env, customer.delivery),
      });
    if (customer.invoice) {
      const { email, ...address } = customer.invoice;
      create(env, 'res.partner', {
        parent_id: partner.id,
        type: 'invoice',
        email: email ?? false,
        ...addressVals(env, address),
      });
    }
    if (customer.contact)
      create(env, 'res.partner', {
        parent_id: partner.id,
        type: 'contact',
        name: customer.contact.name,
        email: customer.contact.email,
      });
  }
}
