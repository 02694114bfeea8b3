/**
 * How the simulator describes sObjects and their fields, close to what `describe` returns.
 */

/**
 * A field value as stored and returned: datetimes as `2026-03-02T09:00:00.000+0000`, dates as
 * `2026-03-02`, ids as 18-character strings.
 *
 * @example
 * const value: FieldValue = '2026-03-02T09:00:00.000+0000';
 */
export type FieldValue = string | number | boolean | null;

/**
 * A stored record: its Id and every field of its object.
 *
 * @example
 * const record: SimRecord = { Id: '001Wb0000000001IAA', Name: 'Acme Retail Inc.' };
 */
export interface SimRecord {
  Id: string;
  [field: string]: FieldValue;
}

/**
 * Salesforce field types the simulator models.
 *
 * @example
 * const type: FieldType = 'currency';
 */
export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'boolean'
  | 'double'
  | 'currency'
  | 'int'
  | 'date'
  | 'datetime'
  | 'reference'
  | 'picklist';

/**
 * One field of an sObject.
 *
 * @example
 * const field: FieldDef = { name: 'Waybill_Key__c', label: 'Waybill Key', type: 'string', length: 255, externalId: true, unique: true };
 */
export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  length?: number;
  /** Required on create (nillable false, no default). */
  required?: boolean;
  /** Neither createable nor updateable: system fields, formulas, auto-numbers. */
  readOnly?: boolean;
  externalId?: boolean;
  /** Unique values, compared case-insensitively as Salesforce does by default. */
  unique?: boolean;
  referenceTo?: string;
  relationshipName?: string;
  picklist?: readonly string[];
  /** A restricted picklist refuses values outside its list. */
  restricted?: boolean;
  defaultValue?: FieldValue;
}

/**
 * One sObject: its fields, its key prefix, and what it computes from its own fields.
 *
 * @example
 * const object: ObjectDef = { name: 'Account', label: 'Account', labelPlural: 'Accounts', keyPrefix: '001', custom: false, fields: [] };
 */
export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  fields: readonly FieldDef[];
  /** Read-only fields computed from the others (Contact.Name from FirstName and LastName). */
  derive?: (record: SimRecord) => Record<string, FieldValue>;
  autoNumber?: { field: string; digits: number; start: number };
}

/**
 * Text-like types: compared case-insensitively in SOQL and written as JSON strings.
 *
 * @example
 * TEXT_TYPES.has('email'); // true
 */
export const TEXT_TYPES: ReadonlySet<FieldType> = new Set([
  'string',
  'textarea',
  'email',
  'phone',
  'url',
  'picklist',
]);

/**
 * Numeric types.
 *
 * @example
 * NUMBER_TYPES.has('currency'); // true
 */
export const NUMBER_TYPES: ReadonlySet<FieldType> = new Set(['double', 'currency', 'int']);
