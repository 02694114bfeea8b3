import type { FieldDef } from '../data/schema-types.js';

/**
 * A field as `describe` lists it: the members integrations read (name, type, external id,
 * unique, createable, updateable, nillable, lookups, picklist values).
 *
 * @example
 * describeField({ name: 'Waybill_Key__c', label: 'Waybill Key', type: 'string', length: 255, externalId: true, unique: true });
 * // { name: 'Waybill_Key__c', type: 'string', externalId: true, unique: true, createable: true, ... }
 */
export function describeField(field: FieldDef) {
  const writable = !field.readOnly;
  return {
    name: field.name,
    label: field.label,
    type: field.type,
    length: field.length ?? 0,
    custom: field.name.endsWith('__c'),
    externalId: field.externalId ?? false,
    idLookup: field.name === 'Id' || (field.externalId ?? false),
    unique: field.unique ?? false,
    createable: writable,
    updateable: writable,
    nillable: !field.required && field.type !== 'boolean' && field.name !== 'Id',
    defaultedOnCreate: field.defaultValue !== undefined || field.readOnly === true,
    referenceTo: field.referenceTo ? [field.referenceTo] : [],
    relationshipName: field.relationshipName ?? null,
    picklistValues: (field.picklist ?? []).map((value) => ({
      value,
      label: value,
      active: true,
      defaultValue: false,
    })),
    restrictedPicklist: field.restricted ?? false,
  };
}
