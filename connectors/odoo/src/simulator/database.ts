import { countryId, idOf, seedDemo } from './load-demo.js';
import { ALL_MODELS } from './models/all.js';
import { ORM_METHODS } from './orm/methods.js';
import { create } from './orm/records.js';
import { buildRegistry } from './orm/registry.js';
import type { Database, Env, Major, ServerVersion, SimSettings, SimUser, Vals } from './orm/types.js';
import {
  COMPANY,
  COUNTRIES,
  CURRENCIES,
  DATABASE_NAME,
  JOURNALS,
  STATES,
  TAXES,
  UOMS,
  USERS,
  WAREHOUSES,
} from './seed.js';
import { PRICELISTS } from './seed-pricelists.js';

const MAJOR: Record<ServerVersion, Major> = { '17.0': 17, '18.0': 18, '19.0': 19 };

export interface DatabaseOptions {
  version: ServerVersion;
  now: () => Date;
  demoData: boolean;
  settings: SimSettings;
}

/** A fresh database: base data always (company, users, units, journals, warehouses), demo data on request. */
export function createDatabase(options: DatabaseOptions): Database {
  const major = MAJOR[options.version];
  // Seeded records carry a timestamp a day old, so "changed since the test started" never includes them.
  let clock = () => new Date(options.now().getTime() - 86_400_000);
  const users = new Map<number, SimUser>(
    USERS.map((user) => [
      user.uid,
      {
        uid: user.uid,
        login: user.login,
        password: user.password,
        apiKeys: user.apiKey ? [user.apiKey] : [],
        readOnly: user.readOnly,
      },
    ]),
  );
  const db: Database = {
    name: DATABASE_NAME,
    major,
    version: options.version,
    registry: buildRegistry(major, ALL_MODELS, ORM_METHODS),
    tables: new Map(),
    nextIds: new Map(),
    sequences: new Map(),
    indexes: new Map(),
    journal: undefined,
    settings: options.settings,
    users,
    now: () => clock(),
  };
  const env: Env = { db, uid: 1, context: {}, su: true };
  seedBase(env);
  if (options.demoData) seedDemo(env);
  clock = options.now;
  return db;
}

function seedBase(env: Env): void {
  const all = { ...env, context: { active_test: false } };
  for (const [fullName, name, symbol, rate, active] of CURRENCIES) {
    const currency = create(env, 'res.currency', {
      name,
      full_name: fullName,
      symbol,
      active,
      position: symbol === '$' ? 'before' : 'after',
    });
    // Rates and unit ratios are simulator bookkeeping (Odoo keeps them in other tables).
    currency.row.__rate = rate;
  }
  for (const [name, code, currency, phone] of COUNTRIES) {
    create(env, 'res.country', {
      name,
      code,
      currency_id: idOf(all, 'res.currency', [['name', '=', currency]]),
      phone_code: phone,
    });
  }
  for (const [country, code, name] of STATES)
    create(env, 'res.country.state', { name, code, country_id: countryId(env, country) });
  const usd = idOf(env, 'res.currency', [['name', '=', COMPANY.currency]]);
  const companyPartner = create(env, 'res.partner', {
    name: COMPANY.name,
    is_company: true,
    email: COMPANY.email,
    phone: COMPANY.phone,
    country_id: countryId(env, COMPANY.countryCode),
  });
  create(env, 'res.company', {
    name: COMPANY.name,
    partner_id: companyPartner.id,
    currency_id: usd,
    country_id: countryId(env, COMPANY.countryCode),
    email: COMPANY.email,
  });
  companyPartner.write({ company_id: 1 });
  for (const [name, currency, sequence] of PRICELISTS)
    create(env, 'product.pricelist', {
      name,
      sequence,
      currency_id: idOf(env, 'res.currency', [['name', '=', currency]]),
    });
  for (const user of USERS) {
    const partner = create(env, 'res.partner', {
      name: user.name,
      active: user.active,
      company_id: 1,
      email: user.active ? `${user.login}@waybill-demo.example` : false,
    });
    env.db.nextIds.set('res.users', user.uid);
    create(env, 'res.users', {
      name: user.name,
      login: user.login,
      partner_id: partner.id,
      company_id: 1,
      active: user.active,
    });
  }
  const categories = new Map<string, number>();
  for (const [name, category, ratio] of UOMS) {
    if (!categories.has(category))
      categories.set(category, create(env, 'uom.category', { name: category }).id);
    const vals: Vals =
      env.db.major <= 18
        ? {
            name,
            category_id: categories.get(category),
            uom_type: ratio === 1 ? 'reference' : ratio > 1 ? 'bigger' : 'smaller',
          }
        : { name };
    create(env, 'uom.uom', vals).row.__ratio = ratio;
  }
  const allCategory = create(env, 'product.category', { name: 'All' });
  create(env, 'product.category', { name: 'Saleable', parent_id: allCategory.id });
  for (const [name, amount] of TAXES)
    create(env, 'account.tax', { name, amount, amount_type: 'percent', type_tax_use: 'sale', company_id: 1 });
  for (const [name, code, type] of JOURNALS)
    create(env, 'account.journal', {
      name,
      code,
      type,
      refund_sequence: type === 'sale' || type === 'purchase',
    });
  seedLocations(env);
}

function seedLocations(env: Env): void {
  const physical = create(env, 'stock.location', { name: 'Physical Locations', usage: 'view' });
  const partners = create(env, 'stock.location', { name: 'Partners', usage: 'view' });
  const virtual = create(env, 'stock.location', { name: 'Virtual Locations', usage: 'view' });
  const vendors = create(env, 'stock.location', {
    name: 'Vendors',
    usage: 'supplier',
    location_id: partners.id,
  });
  const customers = create(env, 'stock.location', {
    name: 'Customers',
    usage: 'customer',
    location_id: partners.id,
  });
  create(env, 'stock.location', {
    name: 'Inventory adjustment',
    usage: 'inventory',
    location_id: virtual.id,
  });
  for (const [name, code] of WAREHOUSES) {
    const view = create(env, 'stock.location', {
      name: code,
      usage: 'view',
      location_id: physical.id,
      company_id: 1,
    });
    const stock = create(env, 'stock.location', {
      name: 'Stock',
      usage: 'internal',
      location_id: view.id,
      company_id: 1,
    });
    const warehouse = create(env, 'stock.warehouse', {
      name,
      code,
      view_location_id: view.id,
      lot_stock_id: stock.id,
      company_id: 1,
      partner_id: 1,
    });
    const receipts = create(env, 'stock.picking.type', {
      name: 'Receipts',
      code: 'incoming',
      sequence_code: 'IN',
      warehouse_id: warehouse.id,
      default_location_src_id: vendors.id,
      default_location_dest_id: stock.id,
      company_id: 1,
    });
    const deliveries = create(env, 'stock.picking.type', {
      name: 'Delivery Orders',
      code: 'outgoing',
      sequence_code: 'OUT',
      warehouse_id: warehouse.id,
      default_location_src_id: stock.id,
      default_location_dest_id: customers.id,
      return_picking_type_id: receipts.id,
      company_id: 1,
    });
    warehouse.write({ in_type_id: receipts.id, out_type_id: deliveries.id });
  }
}
