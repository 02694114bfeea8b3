import { Type } from '@sinclair/typebox';

/**
 * An sObject or field API name: letters, digits and underscores, starting with a letter, as
 * Salesforce allows (custom ones end in __c). Checking it keeps operations from building paths
 * and SOQL out of arbitrary text.
 *
 * @example
 * Value.Check(ApiNameSchema, 'Waybill_Key__c'); // true
 */
export const ApiNameSchema = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$', maxLength: 80 });

/**
 * An sObject API name for a config form.
 *
 * @example
 * const config = { object: 'Account' };
 */
export const ObjectNameSchema = Type.String({
  pattern: '^[A-Za-z][A-Za-z0-9_]*$',
  maxLength: 80,
  description: 'The sObject API name, e.g. Account, Contact, Order or Shipment__c.',
});

/**
 * A record id, 15 or 18 characters.
 *
 * @example
 * Value.Check(RecordIdSchema, '001Wb0000000001IAA'); // true
 */
export const RecordIdSchema = Type.String({ pattern: '^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$' });

/**
 * A Salesforce record as the API returns it: `attributes` and the fields.
 *
 * @example
 * const record = { attributes: { type: 'Account', url: '/services/data/v60.0/sobjects/Account/001…' }, Id: '001…', Name: 'Acme' };
 */
export const RecordSchema = Type.Record(Type.String(), Type.Unknown());
