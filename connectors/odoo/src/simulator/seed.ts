/**
 * The simulated database's contents, as data. `BASE` is what a fresh Odoo database with Sales, Inventory
 * and Invoicing installed already holds; `DEMO` is the distribution business the tests and the demo use.
 * Ids follow the order of each list (1, 2, 3 …) unless a row says otherwise.
 */

/**
 * The one database the simulator serves.
 *
 * @example
 * const credential = { url, database: DATABASE_NAME, login: 'admin', password: 'admin' };
 */
export const DATABASE_NAME = 'waybill';

export interface SeedUser {
  uid: number;
  login: string;
  password: string;
  apiKey: string;
  name: string;
  readOnly: boolean;
  active: boolean;
}

/**
 * Logins: `admin` (uid 2) may do everything, `readonly` (uid 6) may only read. Each password or API key
 * works for JSON-RPC; the API keys also work as JSON-2 bearer tokens.
 *
 * @example
 * const admin = USERS.find((user) => user.login === 'admin'); // { uid: 2, password: 'admin', apiKey: 'sim-admin-key', … }
 */
export const USERS: readonly SeedUser[] = [
  { uid: 1, login: '__system__', password: '', apiKey: '', name: 'OdooBot', readOnly: false, active: false },
  {
    uid: 2,
    login: 'admin',
    password: 'admin',
    apiKey: 'sim-admin-key',
    name: 'Mitchell Admin',
    readOnly: false,
    active: true,
  },
  {
    uid: 6,
    login: 'readonly',
    password: 'readonly',
    apiKey: 'sim-readonly-key',
    name: 'Readonly Integration',
    readOnly: true,
    active: true,
  },
];

export const COMPANY = {
  name: 'Waybill Demo Distribution',
  email: 'info@waybill-demo.example',
  phone: '+1 555-0100',
  countryCode: 'US',
  currency: 'USD',
};

/** name, ISO code, symbol, rate against the company currency (USD), active. EUR gets id 1 as in Odoo. */
export const CURRENCIES: readonly (readonly [string, string, string, number, boolean])[] = [
  ['Euro', 'EUR', '€', 0.92, true],
  ['US Dollar', 'USD', '$', 1, true],
  ['Pound Sterling', 'GBP', '£', 0.79, false],
  ['Canadian Dollar', 'CAD', '$', 1.36, false],
];

/** name, code, currency code, calling code. */
export const COUNTRIES: readonly (readonly [string, string, string, number])[] = [
  ['United States', 'US', 'USD', 1],
  ['Canada', 'CA', 'CAD', 1],
  ['Germany', 'DE', 'EUR', 49],
  ['France', 'FR', 'EUR', 33],
  ['United Kingdom', 'GB', 'GBP', 44],
  ['Netherlands', 'NL', 'EUR', 31],
  ['Belgium', 'BE', 'EUR', 32],
  ['Spain', 'ES', 'EUR', 34],
  ['Italy', 'IT', 'EUR', 39],
];

/** country code, state code, name. */
export const STATES: readonly (readonly [string, string, string])[] = [
  ['US', 'CA', 'California'],
  ['US', 'NY', 'New York'],
  ['US', 'TX', 'Texas'],
  ['US', 'WA', 'Washington'],
  ['US', 'KY', 'Kentucky'],
  ['US', 'IL', 'Illinois'],
  ['CA', 'ON', 'Ontario'],
  ['CA', 'QC', 'Quebec'],
  ['CA', 'BC', 'British Columbia'],
];

/** name, category, ratio to the category's reference unit. */
export const UOMS: readonly (readonly [string, 'Unit' | 'Weight', number])[] = [
  ['Units', 'Unit', 1],
  ['Dozens', 'Unit', 12],
  ['kg', 'Weight', 1],
  ['g', 'Weight', 0.001],
];

/** name, percentage. */
export const TAXES: readonly (readonly [string, number])[] = [
  ['15%', 15],
  ['0% Exempt', 0],
];

/** name, code, type. */
export const JOURNALS: readonly (readonly [
  string,
  string,
  'sale' | 'purchase' | 'general' | 'bank' | 'cash',
])[] = [
  ['Customer Invoices', 'INV', 'sale'],
  ['Vendor Bills', 'BILL', 'purchase'],
  ['Miscellaneous Operations', 'MISC', 'general'],
  ['Bank', 'BNK1', 'bank'],
  ['Cash', 'CSH1', 'cash'],
];

/**
 * Warehouses: name, code. Each gets a view location, a Stock location, Receipts and Delivery Orders.
 *
 * @example
 * WAREHOUSES.map(([, code]) => `${code}/Stock`); // ['WH/Stock', 'WH2/Stock']
 */
export const WAREHOUSES: readonly (readonly [string, string])[] = [
  ['Main Warehouse', 'WH'],
  ['East Warehouse', 'WH2'],
];

export interface SeedProduct {
  sku: string;
  name: string;
  price: number;
  /** On hand in WH/Stock and WH2/Stock. */
  stock: readonly [number, number];
  barcode?: string;
  /** 'storable' (tracked stock), 'consumable' (never short) or 'service'. */
  kind?: 'storable' | 'consumable' | 'service';
  uom?: 'Units' | 'Dozens' | 'kg';
  invoicePolicy?: 'order' | 'delivery';
}

/**
 * SKU-1001 … SKU-1050, then the SKUs of the Shopify, X12 and EDIFACT samples in /work/shared/samples.
 *
 * @example
 * PRODUCTS.find((product) => product.sku === 'IPOD2008GREEN')?.stock; // [25, 10] in WH and WH2
 */
export const PRODUCTS: readonly SeedProduct[] = [
  {
    sku: 'SKU-1001',
    name: 'Corrugated Box 12x12x12',
    price: 2.4,
    stock: [500, 250],
    barcode: '4006381333931',
  },
  { sku: 'SKU-1002', name: 'Corrugated Box 18x18x18', price: 3.6, stock: [320, 0] },
  { sku: 'SKU-1003', name: 'Corrugated Box 24x18x12', price: 4.1, stock: [0, 0] },
  { sku: 'SKU-1004', name: 'Mailer Bag 10x13', price: 0.35, stock: [2000, 1500] },
  { sku: 'SKU-1005', name: 'Mailer Bag 14x19', price: 0.55, stock: [3, 40] },
  {
    sku: 'SKU-1006',
    name: 'Packing Tape 48mm Clear',
    price: 1.9,
    stock: [640, 120],
    barcode: '4006381333948',
  },
  { sku: 'SKU-1007', name: 'Packing Tape 48mm Brown', price: 1.9, stock: [5, 0] },
  { sku: 'SKU-1008', name: 'Fragile Tape 48mm', price: 2.3, stock: [80, 80] },
  { sku: 'SKU-1009', name: 'Bubble Wrap Roll 300mm x 50m', price: 14.5, stock: [42, 10] },
  { sku: 'SKU-1010', name: 'Bubble Wrap Roll 600mm x 50m', price: 24.9, stock: [0, 12] },
  { sku: 'SKU-1011', name: 'Stretch Film 500mm x 300m', price: 18.75, stock: [96, 48], uom: 'Units' },
  { sku: 'SKU-1012', name: 'Stretch Film Hand Dispenser', price: 12, stock: [2, 1] },
  { sku: 'SKU-1013', name: 'Euro Pallet 1200x800', price: 11.5, stock: [150, 60] },
  { sku: 'SKU-1014', name: 'Plastic Pallet 1200x1000', price: 49, stock: [20, 0] },
  { sku: 'SKU-1015', name: 'Pallet Collar 1200x800', price: 16.8, stock: [35, 35] },
  { sku: 'SKU-1016', name: 'Thermal Label 4x6 Roll', price: 9.9, stock: [210, 90], barcode: '4006381333955' },
  { sku: 'SKU-1017', name: 'Thermal Label 2x1 Roll', price: 6.4, stock: [0, 25] },
  { sku: 'SKU-1018', name: 'Thermal Printer Ribbon', price: 7.2, stock: [14, 4] },
  { sku: 'SKU-1019', name: 'Void Fill Paper Roll', price: 32, stock: [18, 6] },
  { sku: 'SKU-1020', name: 'Air Pillow Film', price: 41, stock: [7, 0] },
  { sku: 'SKU-1021', name: 'Packing Peanuts 14 cu ft', price: 28, stock: [25, 15] },
  { sku: 'SKU-1022', name: 'Foam Corner Protector', price: 0.8, stock: [1200, 400] },
  { sku: 'SKU-1023', name: 'Edge Board 50x50x1200', price: 1.15, stock: [600, 0] },
  { sku: 'SKU-1024', name: 'Strapping Band PP 12mm', price: 22, stock: [30, 10] },
  { sku: 'SKU-1025', name: 'Strapping Buckle 12mm', price: 0.04, stock: [10000, 5000] },
  { sku: 'SKU-1026', name: 'Strapping Tensioner', price: 85, stock: [1, 0] },
  { sku: 'SKU-1027', name: 'Hand Pallet Truck 2500kg', price: 329, stock: [4, 2] },
  { sku: 'SKU-1028', name: 'Platform Trolley 300kg', price: 119, stock: [6, 3] },
  { sku: 'SKU-1029', name: 'Safety Cutter', price: 5.5, stock: [75, 30], barcode: '4006381333962' },
  { sku: 'SKU-1030', name: 'Cutter Blades (pack of 10)', price: 3.2, stock: [140, 60] },
  { sku: 'SKU-1031', name: 'Work Gloves Nitrile L', price: 4.6, stock: [0, 0] },
  { sku: 'SKU-1032', name: 'Work Gloves Nitrile XL', price: 4.6, stock: [9, 11] },
  { sku: 'SKU-1033', name: 'Hi-Vis Vest', price: 3.9, stock: [50, 50] },
  { sku: 'SKU-1034', name: 'Document Enclosure Envelope', price: 0.12, stock: [5000, 2000] },
  { sku: 'SKU-1035', name: 'Shipping Tag with Wire', price: 0.09, stock: [4000, 0] },
  { sku: 'SKU-1036', name: 'Kraft Paper Roll 750mm', price: 27.5, stock: [12, 4] },
  { sku: 'SKU-1037', name: 'Tissue Paper White (480 sheets)', price: 19, stock: [3, 3] },
  { sku: 'SKU-1038', name: 'Poly Bag 9x12 (1000)', price: 24, stock: [40, 0] },
  { sku: 'SKU-1039', name: 'Anti-Static Bag 6x8 (100)', price: 11, stock: [22, 8] },
  { sku: 'SKU-1040', name: 'Desiccant Pack 10g (200)', price: 15, stock: [0, 30] },
  { sku: 'SKU-1041', name: 'Tamper Evident Seal', price: 0.3, stock: [900, 300] },
  { sku: 'SKU-1042', name: 'Cable Tie 300mm (100)', price: 2.8, stock: [160, 40] },
  { sku: 'SKU-1043', name: 'Shrink Wrap Film 15µm', price: 36, stock: [8, 2] },
  { sku: 'SKU-1044', name: 'Heat Gun 2000W', price: 54, stock: [2, 0] },
  { sku: 'SKU-1045', name: 'Warehouse Label Holder', price: 0.65, stock: [700, 150] },
  { sku: 'SKU-1046', name: 'Bin Container Size 3', price: 3.4, stock: [240, 80] },
  { sku: 'SKU-1047', name: 'Carton Sealing Machine', price: 1450, stock: [1, 0] },
  { sku: 'SKU-1048', name: 'Printed Packing Slip Pad', price: 4, stock: [0, 0], kind: 'consumable' },
  { sku: 'SKU-1049', name: 'Pallet Handling Fee', price: 12.5, stock: [0, 0], kind: 'service' },
  { sku: 'SKU-1050', name: 'Express Shipping', price: 25, stock: [0, 0], kind: 'service' },
  // shopify/shopify_python_api__order.json line items.
  { sku: 'IPOD2008GREEN', name: 'IPod Nano - 8gb - green', price: 199, stock: [25, 10] },
  { sku: 'IPOD2008RED', name: 'IPod Nano - 8gb - red', price: 199, stock: [2, 0] },
  { sku: 'IPOD2008BLACK', name: 'IPod Nano - 8gb - black', price: 199, stock: [0, 5] },
  // x12/nodex12__850.edi PO1 lines (vendor part numbers) and edifact/pydifact__order.edi EANs.
  { sku: 'AB3542', name: 'Small Widget', price: 9.25, stock: [200, 100], barcode: '5020436373085' },
  { sku: 'RD5322', name: 'Medium Widget', price: 13.79, stock: [150, 120], barcode: '5020436373108' },
  { sku: 'XY5266', name: 'Large Widget', price: 10.99, stock: [90, 60] },
  { sku: 'VX2332', name: 'Nano Widget', price: 4.35, stock: [40, 0] },
  { sku: 'RV0524', name: 'Blue Widget', price: 7.5, stock: [72, 0] },
  { sku: 'DX1875', name: 'Orange Widget', price: 9.55, stock: [300, 500] },
];

export interface SeedAddress {
  street: string;
  city: string;
  zip: string;
  country: string;
  state?: string;
}

export interface SeedCustomer {
  ref: string;
  name: string;
  company: boolean;
  email: string;
  phone?: string;
  vat?: string;
  address: SeedAddress;
  delivery?: SeedAddress;
  invoice?: SeedAddress & { email?: string };
  contact?: { name: string; email: string };
  creditLimit?: number;
}

/**
 * 20 customers, CUST-0001 … CUST-0020: companies and people, some with a VAT number, a delivery or an invoice
 * address, a contact person or a credit limit.
 *
 * @example
 * CUSTOMERS.filter((customer) => customer.delivery).map((customer) => customer.ref);
 */
export const CUSTOMERS: readonly SeedCustomer[] = [
  {
    ref: 'CUST-0001',
    name: 'Acme Retail Inc.',
    company: true,
    email: 'orders@acme-retail.example',
    phone: '+1 212-555-0101',
    vat: 'US12-3456789',
    address: { street: '350 Fifth Avenue', city: 'New York', zip: '10118', country: 'US', state: 'NY' },
    delivery: {
      street: '55 Water Street Dock 4',
      city: 'Brooklyn',
      zip: '11201',
      country: 'US',
      state: 'NY',
    },
    contact: { name: 'Jane Cooper', email: 'jane.cooper@acme-retail.example' },
  },
  {
    ref: 'CUST-0002',
    name: 'Northwind Traders',
    company: true,
    email: 'purchasing@northwind.example',
    phone: '+1 206-555-0102',
    address: { street: '1201 Second Avenue', city: 'Seattle', zip: '98101', country: 'US', state: 'WA' },
    creditLimit: 5000,
  },
  {
    ref: 'CUST-0003',
    name: 'Contoso Pharmacy GmbH',
    company: true,
    email: 'einkauf@contoso.example',
    vat: 'DE123456788',
    address: { street: 'Friedrichstraße 68', city: 'Berlin', zip: '10117', country: 'DE' },
    delivery: { street: 'Lagerweg 12', city: 'Potsdam', zip: '14467', country: 'DE' },
  },
  {
    ref: 'CUST-0004',
    name: 'Maison Dupont SARL',
    company: true,
    email: 'commandes@maison-dupont.example',
    vat: 'FR40303265045',
    address: { street: '12 Rue de Rivoli', city: 'Paris', zip: '75004', country: 'FR' },
  },
  {
    ref: 'CUST-0005',
    name: 'Tulip Logistics B.V.',
    company: true,
    email: 'inkoop@tulip-logistics.example',
    vat: 'NL853746333B01',
    address: { street: 'Keizersgracht 100', city: 'Amsterdam', zip: '1015 CW', country: 'NL' },
    delivery: { street: 'Havenweg 8', city: 'Rotterdam', zip: '3089 JB', country: 'NL' },
    invoice: {
      street: 'Postbus 2040',
      city: 'Amsterdam',
      zip: '1000 CA',
      country: 'NL',
      email: 'facturen@tulip-logistics.example',
    },
  },
  {
    ref: 'CUST-0006',
    name: 'Brightside Supplies Ltd',
    company: true,
    email: 'buying@brightside.example',
    vat: 'GB980780684',
    address: { street: '221 Baker Street', city: 'London', zip: 'NW1 6XE', country: 'GB' },
  },
  {
    ref: 'CUST-0007',
    name: 'Maple Leaf Hardware',
    company: true,
    email: 'orders@mapleleaf.example',
    address: { street: '100 King Street West', city: 'Toronto', zip: 'M5X 1A9', country: 'CA', state: 'ON' },
    delivery: { street: '2500 Rue Sherbrooke', city: 'Montreal', zip: 'H2K 1E3', country: 'CA', state: 'QC' },
  },
  {
    ref: 'CUST-0008',
    name: 'Lone Star Outfitters',
    company: true,
    email: 'po@lonestar.example',
    phone: '+1 512-555-0108',
    address: { street: '600 Congress Avenue', city: 'Austin', zip: '78701', country: 'US', state: 'TX' },
    creditLimit: 1000,
  },
  {
    ref: 'CUST-0009',
    name: 'Golden Gate Gifts',
    company: true,
    email: 'hello@goldengategifts.example',
    address: { street: '1 Ferry Building', city: 'San Francisco', zip: '94111', country: 'US', state: 'CA' },
  },
  {
    ref: 'CUST-0010',
    name: 'Windy City Wholesale',
    company: true,
    email: 'orders@windycity.example',
    address: { street: '233 South Wacker Drive', city: 'Chicago', zip: '60606', country: 'US', state: 'IL' },
    contact: { name: 'Marcus Reed', email: 'marcus.reed@windycity.example' },
  },
  {
    ref: 'CUST-0011',
    name: 'Emily Johnson',
    company: false,
    email: 'emily.johnson@mail.example',
    phone: '+1 502-555-0111',
    address: {
      street: '400 West Market Street',
      city: 'Louisville',
      zip: '40202',
      country: 'US',
      state: 'KY',
    },
  },
  {
    ref: 'CUST-0012',
    name: 'Lukas Müller',
    company: false,
    email: 'lukas.mueller@mail.example',
    address: { street: 'Marienplatz 8', city: 'München', zip: '80331', country: 'DE' },
  },
  {
    ref: 'CUST-0013',
    name: 'Sophie Martin',
    company: false,
    email: 'sophie.martin@mail.example',
    address: { street: '5 Place Bellecour', city: 'Lyon', zip: '69002', country: 'FR' },
    delivery: { street: '18 Quai Saint-Antoine', city: 'Lyon', zip: '69002', country: 'FR' },
  },
  {
    ref: 'CUST-0014',
    name: 'Daan de Vries',
    company: false,
    email: 'daan.devries@mail.example',
    address: { street: 'Oudegracht 150', city: 'Utrecht', zip: '3511 AZ', country: 'NL' },
  },
  {
    ref: 'CUST-0015',
    name: 'Oliver Smith',
    company: false,
    email: 'oliver.smith@mail.example',
    address: { street: '10 Deansgate', city: 'Manchester', zip: 'M3 1AZ', country: 'GB' },
  },
  {
    ref: 'CUST-0016',
    name: 'Chloé Tremblay',
    company: false,
    email: 'chloe.tremblay@mail.example',
    address: {
      street: '1000 Rue de la Gauchetière',
      city: 'Montreal',
      zip: 'H3B 4W5',
      country: 'CA',
      state: 'QC',
    },
  },
  {
    ref: 'CUST-0017',
    name: 'Harbor Freight Forwarders',
    company: true,
    email: 'ops@harborff.example',
    address: { street: '1 World Trade Center', city: 'Long Beach', zip: '90831', country: 'US', state: 'CA' },
    delivery: { street: 'Pier T Berth 136', city: 'Long Beach', zip: '90802', country: 'US', state: 'CA' },
  },
  {
    ref: 'CUST-0018',
    name: 'Iberia Distribución S.L.',
    company: true,
    email: 'pedidos@iberia-dist.example',
    vat: 'ESB12345674',
    address: { street: 'Calle de Alcalá 45', city: 'Madrid', zip: '28014', country: 'ES' },
  },
  {
    ref: 'CUST-0019',
    name: 'Milano Moda S.r.l.',
    company: true,
    email: 'ordini@milanomoda.example',
    vat: 'IT12345670017',
    address: { street: 'Via Monte Napoleone 8', city: 'Milano', zip: '20121', country: 'IT' },
  },
  // The buyer of x12/nodex12__850.edi (N1*ST*XYZ RETAIL).
  {
    ref: 'CUST-0020',
    name: 'XYZ Retail',
    company: true,
    email: 'edi@xyz-retail.example',
    address: { street: '1 Commerce Way', city: 'Columbus', zip: '43215', country: 'US' },
    delivery: { street: 'Distribution Center 7', city: 'Columbus', zip: '43217', country: 'US' },
  },
];
