import type { FieldDef, ObjectDef } from './schema-types.js';

/**
 * The sObjects the simulator serves: the standard objects an order-to-cash integration touches,
 * each with the external-id fields integrations add (`External_Id__c`, `Waybill_Key__c`), and one
 * custom object. Field names, types and the read-only system fields follow Salesforce's.
 */

const system = (owner: boolean): FieldDef[] => [
  { name: 'Id', label: 'Record ID', type: 'id', readOnly: true },
  { name: 'IsDeleted', label: 'Deleted', type: 'boolean', readOnly: true, defaultValue: false },
  ...(owner
    ? [
        {
          name: 'OwnerId',
          label: 'Owner ID',
          type: 'reference',
          referenceTo: 'User',
          relationshipName: 'Owner',
        } satisfies FieldDef,
      ]
    : []),
  { name: 'CreatedDate', label: 'Created Date', type: 'datetime', readOnly: true },
  {
    name: 'CreatedById',
    label: 'Created By ID',
    type: 'reference',
    referenceTo: 'User',
    relationshipName: 'CreatedBy',
    readOnly: true,
  },
  { name: 'LastModifiedDate', label: 'Last Modified Date', type: 'datetime', readOnly: true },
  {
    name: 'LastModifiedById',
    label: 'Last Modified By ID',
    type: 'reference',
    referenceTo: 'User',
    relationshipName: 'LastModifiedBy',
    readOnly: true,
  },
  { name: 'SystemModstamp', label: 'System Modstamp', type: 'datetime', readOnly: true },
];

const text = (name: string, label: string, length = 255, extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  label,
  type: 'string',
  length,
  ...extra,
});

const address = (prefix: string, label: string): FieldDef[] => [
  { name: `${prefix}Street`, label: `${label} Street`, type: 'textarea', length: 255 },
  text(`${prefix}City`, `${label} City`, 40),
  text(`${prefix}State`, `${label} State/Province`, 80),
  text(`${prefix}PostalCode`, `${label} Zip/Postal Code`, 20),
  text(`${prefix}Country`, `${label} Country`, 80),
];

const externalId = (name: string, label: string, unique = true): FieldDef =>
  text(name, label, 255, { externalId: true, unique });

const user: ObjectDef = {
  name: 'User',
  label: 'User',
  labelPlural: 'Users',
  keyPrefix: '005',
  custom: false,
  fields: [
    ...system(false),
    text('Username', 'Username', 80, { required: true, unique: true }),
    text('FirstName', 'First Name', 40),
    text('LastName', 'Last Name', 80, { required: true }),
    text('Name', 'Full Name', 121, { readOnly: true }),
    { name: 'Email', label: 'Email', type: 'email', length: 128, required: true },
    { name: 'IsActive', label: 'Active', type: 'boolean', defaultValue: true },
  ],
  derive: (record) => ({ Name: fullName(record.FirstName, record.LastName) }),
};

const account: ObjectDef = {
  name: 'Account',
  label: 'Account',
  labelPlural: 'Accounts',
  keyPrefix: '001',
  custom: false,
  fields: [
    ...system(true),
    text('Name', 'Account Name', 255, { required: true }),
    text('AccountNumber', 'Account Number', 40),
    {
      name: 'Type',
      label: 'Account Type',
      type: 'picklist',
      picklist: ['Prospect', 'Customer - Direct', 'Customer - Channel', 'Partner', 'Other'],
    },
    text('Industry', 'Industry', 255),
    { name: 'Phone', label: 'Account Phone', type: 'phone', length: 40 },
    { name: 'Website', label: 'Website', type: 'url', length: 255 },
    { name: 'Description', label: 'Account Description', type: 'textarea', length: 32_000 },
    ...address('Billing', 'Billing'),
    ...address('Shipping', 'Shipping'),
    externalId('External_Id__c', 'External ID'),
    externalId('Waybill_Key__c', 'Waybill Key'),
  ],
};

const contact: ObjectDef = {
  name: 'Contact',
  label: 'Contact',
  labelPlural: 'Contacts',
  keyPrefix: '003',
  custom: false,
  fields: [
    ...system(true),
    { name: 'AccountId', label: 'Account ID', type: 'reference', referenceTo: 'Account', relationshipName: 'Account' },
    text('FirstName', 'First Name', 40),
    text('LastName', 'Last Name', 80, { required: true }),
    text('Name', 'Full Name', 121, { readOnly: true }),
    text('Title', 'Title', 128),
    { name: 'Email', label: 'Email', type: 'email', length: 80 },
    { name: 'Phone', label: 'Business Phone', type: 'phone', length: 40 },
    ...address('Mailing', 'Mailing'),
    // Not unique on purpose: a Contact external id shared by two records answers 300 on upsert.
    externalId('External_Id__c', 'External ID', false),
  ],
  derive: (record) => ({ Name: fullName(record.FirstName, record.LastName) }),
};

const opportunity: ObjectDef = {
  name: 'Opportunity',
  label: 'Opportunity',
  labelPlural: 'Opportunities',
  keyPrefix: '006',
  custom: false,
  fields: [
    ...system(true),
    { name: 'AccountId', label: 'Account ID', type: 'reference', referenceTo: 'Account', relationshipName: 'Account' },
    text('Name', 'Name', 120, { required: true }),
    {
      name: 'StageName',
      label: 'Stage',
      type: 'picklist',
      required: true,
      picklist: ['Prospecting', 'Qualification', 'Needs Analysis', 'Proposal', 'Closed Won', 'Closed Lost'],
    },
    { name: 'CloseDate', label: 'Close Date', type: 'date', required: true },
    { name: 'Amount', label: 'Amount', type: 'currency' },
    { name: 'Probability', label: 'Probability (%)', type: 'double' },
    externalId('Waybill_Key__c', 'Waybill Key'),
  ],
};

const order: ObjectDef = {
  name: 'Order',
  label: 'Order',
  labelPlural: 'Orders',
  keyPrefix: '801',
  custom: false,
  fields: [
    ...system(true),
    {
      name: 'AccountId',
      label: 'Account ID',
      type: 'reference',
      referenceTo: 'Account',
      relationshipName: 'Account',
      required: true,
    },
    text('OrderNumber', 'Order Number', 30, { readOnly: true }),
    { name: 'EffectiveDate', label: 'Order Start Date', type: 'date', required: true },
    {
      name: 'Status',
      label: 'Status',
      type: 'picklist',
      required: true,
      restricted: true,
      picklist: ['Draft', 'Activated'],
    },
    text('PoNumber', 'PO Number', 80),
    { name: 'Description', label: 'Description', type: 'textarea', length: 32_000 },
    { name: 'TotalAmount', label: 'Order Amount', type: 'currency', readOnly: true, defaultValue: 0 },
    ...address('Shipping', 'Shipping'),
    externalId('Waybill_Key__c', 'Waybill Key'),
  ],
  autoNumber: { field: 'OrderNumber', digits: 8, start: 100 },
};

const product: ObjectDef = {
  name: 'Product2',
  label: 'Product',
  labelPlural: 'Products',
  keyPrefix: '01t',
  custom: false,
  fields: [
    ...system(false),
    text('Name', 'Product Name', 255, { required: true }),
    text('ProductCode', 'Product Code', 255),
    text('StockKeepingUnit', 'Product SKU', 180),
    { name: 'Description', label: 'Product Description', type: 'textarea', length: 4000 },
    text('Family', 'Product Family', 255),
    { name: 'IsActive', label: 'Active', type: 'boolean', defaultValue: false },
    text('QuantityUnitOfMeasure', 'Quantity Unit Of Measure', 255),
    externalId('External_Id__c', 'External ID'),
  ],
};

const shipment: ObjectDef = {
  name: 'Shipment__c',
  label: 'Shipment',
  labelPlural: 'Shipments',
  keyPrefix: 'a0S',
  custom: true,
  fields: [
    ...system(true),
    text('Name', 'Shipment Name', 80, { required: true }),
    {
      name: 'Order__c',
      label: 'Order',
      type: 'reference',
      referenceTo: 'Order',
      relationshipName: 'Order__r',
    },
    text('Carrier__c', 'Carrier', 80),
    text('Tracking_Number__c', 'Tracking Number', 80),
    {
      name: 'Status__c',
      label: 'Status',
      type: 'picklist',
      picklist: ['Label Created', 'In Transit', 'Delivered', 'Exception'],
    },
    { name: 'Shipped_At__c', label: 'Shipped At', type: 'datetime' },
    externalId('Waybill_Key__c', 'Waybill Key'),
  ],
};

/**
 * Every sObject the simulator knows, by API name.
 *
 * @example
 * SIM_OBJECTS.map((object) => object.name); // ['User', 'Account', 'Contact', 'Opportunity', 'Order', 'Product2', 'Shipment__c']
 */
export const SIM_OBJECTS: readonly ObjectDef[] = [user, account, contact, opportunity, order, product, shipment];

function fullName(first: unknown, last: unknown): string {
  return [first, last].filter((part) => typeof part === 'string' && part !== '').join(' ');
}
