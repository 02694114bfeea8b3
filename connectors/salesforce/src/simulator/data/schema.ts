import { SIM_OBJECTS } from './objects.js';
import type { FieldDef, ObjectDef } from './schema-types.js';

/**
 * Name lookups over the simulator's sObjects. Salesforce resolves object, field and relationship
 * names case-insensitively everywhere (REST paths, SOQL, JSON bodies) and answers with the
 * declared spelling, so every lookup here ignores case.
 */

const byName = new Map(SIM_OBJECTS.map((object) => [object.name.toLowerCase(), object]));
const byPrefix = new Map(SIM_OBJECTS.map((object) => [object.keyPrefix, object]));

/**
 * The sObject of an API name, whatever its case.
 *
 * @example
 * findObject('account')?.name; // 'Account'
 */
export function findObject(name: string): ObjectDef | undefined {
  return byName.get(name.toLowerCase());
}

/**
 * The sObject an id belongs to, by its key prefix.
 *
 * @example
 * objectOfId('003Wb0000000001IAA')?.name; // 'Contact'
 */
export function objectOfId(id: string): ObjectDef | undefined {
  return byPrefix.get(id.slice(0, 3));
}

/**
 * A field of an sObject by name, whatever its case.
 *
 * @example
 * findField(findObject('Contact')!, 'lastname')?.name; // 'LastName'
 */
export function findField(object: ObjectDef, name: string): FieldDef | undefined {
  const lower = name.toLowerCase();
  return object.fields.find((field) => field.name.toLowerCase() === lower);
}

/**
 * The lookup field behind a relationship name (`Account` on Contact is `AccountId`).
 *
 * @example
 * findRelationship(findObject('Shipment__c')!, 'order__r')?.name; // 'Order__c'
 */
export function findRelationship(object: ObjectDef, name: string): FieldDef | undefined {
  const lower = name.toLowerCase();
  return object.fields.find((field) => field.relationshipName?.toLowerCase() === lower);
}

/**
 * Every sObject, for describeGlobal.
 *
 * @example
 * allObjects().length; // 7
 */
export function allObjects(): readonly ObjectDef[] {
  return SIM_OBJECTS;
}
