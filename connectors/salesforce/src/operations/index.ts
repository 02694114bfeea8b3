import type { Operation } from '@waybill/connector-kit';
import { compositeOperation } from './composite.js';
import { getRecordOperation } from './get-record.js';
import { queryOperation } from './query.js';
import { upsertOperation } from './upsert.js';

export * from './composite.js';
export * from './get-record.js';
export * from './query.js';
export * from './upsert.js';

/**
 * Every operation of the Salesforce connector, in palette order.
 *
 * @example
 * salesforceOperations.map((operation) => operation.type);
 * // ['salesforce.query', 'salesforce.getRecord', 'salesforce.upsert', 'salesforce.composite']
 */
export const salesforceOperations: readonly Operation[] = [
  queryOperation,
  getRecordOperation,
  upsertOperation,
  compositeOperation,
];
