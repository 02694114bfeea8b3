import { findObject } from './schema.js';
import type { FieldValue, ObjectDef } from './schema-types.js';
import type { RecordStore } from './store.js';

/**
 * The seeded org: API users, accounts mirroring the Odoo simulator's customers (External_Id__c =
 * the Odoo `ref`), their contacts, and products whose ProductCode and StockKeepingUnit are the
 * Odoo simulator's SKUs, so one demo can move an order between the two. Copied, not imported:
 * the Salesforce simulator does not depend on the Odoo package.
 */

/**
 * A seeded API user; clients of the token endpoint act as one of them.
 *
 * @example
 * SEED_USERS[0]?.Username; // 'integration@waybill-sim.example'
 */
export const SEED_USERS = [
  { Username: 'integration@waybill-sim.example', FirstName: 'Integration', LastName: 'User' },
  { Username: 'admin@waybill-sim.example', FirstName: 'Sim', LastName: 'Admin' },
] as const;

/**
 * Seeded accounts, keyed by the Odoo customer ref.
 *
 * @example
 * SEED_ACCOUNTS.find((account) => account.External_Id__c === 'CUST-0002')?.Name; // 'Northwind Traders'
 */
export const SEED_ACCOUNTS = [
  account('CUST-0001', 'Acme Retail Inc.', '+1 212-555-0101', ['350 Fifth Avenue', 'New York', 'NY', '10118', 'US']),
  account('CUST-0002', 'Northwind Traders', '+1 206-555-0102', ['1201 Second Avenue', 'Seattle', 'WA', '98101', 'US']),
  account('CUST-0003', 'Contoso Pharmacy GmbH', null, ['Friedrichstraße 68', 'Berlin', null, '10117', 'DE']),
  account('CUST-0004', 'Maison Dupont SARL', null, ['12 Rue de Rivoli', 'Paris', null, '75004', 'FR']),
  account('CUST-0005', 'Tulip Logistics B.V.', null, ['Keizersgracht 100', 'Amsterdam', null, '1015 CW', 'NL']),
  account('CUST-0006', 'Brightside Supplies Ltd', null, ['221 Baker Street', 'London', null, 'NW1 6XE', 'GB']),
  account('CUST-0007', 'Maple Leaf Hardware', null, ['100 King Street West', 'Toronto', 'ON', 'M5X 1A9', 'CA']),
  account('CUST-0008', 'Lone Star Outfitters', '+1 512-555-0108', ['600 Congress Avenue', 'Austin', 'TX', '78701', 'US']),
  account('CUST-0009', 'Golden Gate Gifts', null, ['1 Ferry Building', 'San Francisco', 'CA', '94111', 'US']),
  account('CUST-0010', 'Windy City Wholesale', null, ['233 South Wacker Drive', 'Chicago', 'IL', '60606', 'US']),
];

/**
 * Seeded contacts: the account they belong to (by External_Id__c) and their own fields.
 *
 * @example
 * SEED_CONTACTS[0]?.LastName; // 'Cooper'
 */
export const SEED_CONTACTS = [
  { account: 'CUST-0001', FirstName: 'Jane', LastName: 'Cooper', Email: 'jane.cooper@acme-retail.example', External_Id__c: 'CONT-0001' },
  { account: 'CUST-0002', FirstName: 'Ravi', LastName: 'Patel', Email: 'ravi.patel@northwind.example', External_Id__c: 'CONT-0002' },
  { account: 'CUST-0008', FirstName: 'Dolores', LastName: 'Garza', Email: 'dolores.garza@lonestar.example', External_Id__c: 'CONT-0003' },
  { account: 'CUST-0010', FirstName: 'Marcus', LastName: 'Reed', Email: 'marcus.reed@windycity.example', External_Id__c: 'CONT-0004' },
];

/**
 * Seeded products: the Odoo simulator's SKUs (a few of SKU-1001… and the Shopify sample's).
 *
 * @example
 * SEED_PRODUCTS.map((product) => product.ProductCode).includes('IPOD2008GREEN'); // true
 */
export const SEED_PRODUCTS = [
  product('SKU-1001', 'Corrugated Box 12x12x12', 'Boxes'),
  product('SKU-1002', 'Corrugated Box 18x18x18', 'Boxes'),
  product('SKU-1004', 'Mailer Bag 10x13', 'Mailers'),
  product('SKU-1006', 'Packing Tape 48mm Clear', 'Tape'),
  product('SKU-1009', 'Bubble Wrap Roll 300mm x 50m', 'Protective'),
  product('SKU-1013', 'Euro Pallet 1200x800', 'Pallets'),
  product('SKU-1016', 'Thermal Label 4x6 Roll', 'Labels'),
  product('SKU-1022', 'Foam Corner Protector', 'Protective'),
  product('IPOD2008GREEN', 'IPod Nano - 8gb - green', 'Electronics'),
  product('IPOD2008RED', 'IPod Nano - 8gb - red', 'Electronics'),
];

/**
 * Loads the seed into an empty store, as the first user. Returns the id of every seeded user by
 * username.
 *
 * @example
 * const users = seedOrg(store, { data: true }); // Map { 'integration@waybill-sim.example' => '005…' }
 */
export function seedOrg(store: RecordStore, options: { data: boolean; usernames?: readonly string[] }) {
  const users = new Map<string, string>();
  const userObject = need('User');
  const usernames = [...SEED_USERS.map((user) => user.Username), ...(options.usernames ?? [])];
  for (const username of new Set(usernames)) {
    const known = SEED_USERS.find((user) => user.Username === username);
    const [local = 'api'] = username.split('@');
    const values = {
      Username: username,
      FirstName: known?.FirstName ?? 'API',
      LastName: known?.LastName ?? local,
      Email: username,
      IsActive: true,
    };
    const creator = users.values().next().value;
    const record = store.insert(userObject, values, creator ?? '');
    // The first user of an org is created by itself.
    if (creator === undefined) {
      store.systemUpdate(userObject, record.Id, { CreatedById: record.Id, LastModifiedById: record.Id }, false);
    }
    users.set(username, record.Id);
  }
  const owner = users.get(SEED_USERS[0].Username) ?? '';
  if (!options.data) return users;
  const accounts = new Map<string, string>();
  for (const values of SEED_ACCOUNTS) {
    accounts.set(String(values.External_Id__c), store.insert(need('Account'), values, owner).Id);
  }
  for (const { account: ref, ...values } of SEED_CONTACTS) {
    store.insert(need('Contact'), { ...values, AccountId: accounts.get(ref) ?? null }, owner);
  }
  for (const values of SEED_PRODUCTS) store.insert(need('Product2'), values, owner);
  return users;
}

function account(
  ref: string,
  name: string,
  phone: string | null,
  [street, city, state, zip, country]: [string, string, string | null, string, string],
): Record<string, FieldValue> {
  return {
    Name: name,
    AccountNumber: ref,
    Type: 'Customer - Direct',
    Phone: phone,
    BillingStreet: street,
    BillingCity: city,
    BillingState: state,
    BillingPostalCode: zip,
    BillingCountry: country,
    External_Id__c: ref,
  };
}

function product(sku: string, name: string, family: string): Record<string, FieldValue> {
  return { Name: name, ProductCode: sku, StockKeepingUnit: sku, Family: family, IsActive: true, External_Id__c: sku };
}

function need(name: string): ObjectDef {
  const object = findObject(name);
  if (!object) throw new Error(`the simulator has no ${name} object`);
  return object;
}
