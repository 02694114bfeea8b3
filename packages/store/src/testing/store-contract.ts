import type { Store } from '../store-types.js';
import { describeAccountContract } from './contract-accounts.js';
import { describeDocumentContract } from './contract-documents.js';
import { describeExecutionContract } from './contract-executions.js';
import { describeFlowContract } from './contract-flows.js';
import { describeLifecycleContract } from './contract-lifecycle.js';
import { describeQueueContract } from './contract-queue.js';
import { describeSearchContract } from './contract-search.js';
import { describeSlotContract } from './contract-slots.js';

/** What the shared suite needs from a database: stores on it, and raw access to check what is at rest. */
export interface StoreHarness {
  /** A store on the harness's database (same file or schema every time). */
  open(options?: {
    secretKey?: Buffer | readonly Buffer[];
    reloadKeys?: () => Promise<readonly Buffer[]>;
    now?: () => number;
  }): Promise<Store>;
  /** Runs SQL straight against the database, bypassing the store; `?` placeholders. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/**
 * The behaviour every Store must show, whatever database is under it. Each dialect's test file runs
 * it against a real database; tests isolate themselves by flow id, so one database serves them all.
 *
 * @example
 * describeStoreContract('SQLite file', () => harness);
 */
export function describeStoreContract(name: string, harness: () => StoreHarness): void {
  describeFlowContract(name, harness);
  describeExecutionContract(name, harness);
  describeLifecycleContract(name, harness);
  describeSearchContract(name, harness);
  describeQueueContract(name, harness);
  describeSlotContract(name, harness);
  describeAccountContract(name, harness);
  describeDocumentContract(name, harness);
}
