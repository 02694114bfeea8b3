import { sql } from 'kysely';
import { openDatabase } from './database.js';
import { createExecutionIdGenerator } from './execution-ids.js';
import { createKeyring } from './keyring.js';
import { migrateToLatest } from './migrations/migrations.js';
import { createAccountRepository } from './repositories/account-repository.js';
import { createAuditRepository } from './repositories/audit-repository.js';
import { createCredentialRepository } from './repositories/credential-repository.js';
import { createCursorRepository } from './repositories/cursor-repository.js';
import { createDeploymentRepository } from './repositories/deployment-repository.js';
import { createDocumentRepository } from './repositories/document-repository.js';
import { createExecutionRepository } from './repositories/execution-repository.js';
import { createFlowRepository } from './repositories/flow-repository.js';
import { createIntakeRepository } from './repositories/intake-repository.js';
import { createJobRepository } from './repositories/job-repository.js';
import { createOutboxRepository } from './repositories/outbox-repository.js';
import { createRevisionRepository } from './repositories/revision-repository.js';
import { createSequenceRepository } from './repositories/sequence-repository.js';
import { createSlotRepository } from './repositories/slot-repository.js';
import { createStatsRepository } from './repositories/stats-repository.js';
import type { StoreContext } from './store-context.js';
import type { Store } from './store-types.js';

export interface StoreOptions {
  /** postgres://… → PostgreSQL; otherwise SQLite at sqlitePath (default ./data/waybill.db; ':memory:' allowed for tests). */
  databaseUrl?: string;
  sqlitePath?: string;
  /** PostgreSQL only: schema to use (created if missing) — lets tests isolate themselves in the shared `test` database. */
  pgSchema?: string;
  /**
   * 32-byte master key(s) for credential encryption (AES-256-GCM): one key, or several with the
   * active one first and older ones kept to read credentials not yet rotated.
   */
  secretKey: Buffer | readonly Buffer[];
  /** Reads the master keys again, e.g. from the key file after `waybill keys rotate` elsewhere. */
  reloadKeys?: () => Promise<readonly Buffer[]>;
  /** Injectable clock for tests; default Date.now. */
  now?: () => number;
}

/**
 * Opens the store and brings its schema up to date (a no-op when it already is).
 *
 * @example
 * const store = await openStore({ sqlitePath: './data/waybill.db', secretKey: await loadSecretKey({ keyFile: './data/secret.key' }) });
 * await store.flows.list();
 * await store.close();
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  let keyring = createKeyring(Buffer.isBuffer(options.secretKey) ? [options.secretKey] : options.secretKey);
  const { db, dialect, schema, commits } = await openDatabase(options);
  try {
    await migrateToLatest(db, dialect, schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }

  const clock = options.now ?? Date.now;
  const nextId = createExecutionIdGenerator();
  const context: StoreContext = {
    db,
    dialect,
    clock,
    nowIso: () => new Date(clock()).toISOString(),
    keys: () => keyring,
    ...(options.reloadKeys
      ? {
          reloadKeys: async () => {
            keyring = createKeyring((await options.reloadKeys?.()) ?? keyring.all);
          },
        }
      : {}),
    nextExecutionId: () => nextId(clock()),
  };
  let closed: Promise<void> | undefined;

  return {
    dialect,
    flows: createFlowRepository(context),
    revisions: createRevisionRepository(context),
    deployments: createDeploymentRepository(context),
    credentials: createCredentialRepository(context),
    intake: createIntakeRepository(context),
    executions: createExecutionRepository(context),
    outbox: createOutboxRepository(context),
    jobs: createJobRepository(context),
    audit: createAuditRepository(context),
    stats: createStatsRepository(context),
    cursors: createCursorRepository(context),
    slots: createSlotRepository(context),
    documents: createDocumentRepository(context),
    sequences: createSequenceRepository(context),
    accounts: createAccountRepository(context),
    commitCount: () => commits?.(),
    async ping() {
      await sql`select 1`.execute(db);
    },
    close() {
      // Closing twice (shutdown hooks, test teardown) is harmless.
      closed ??= db.destroy();
      return closed;
    },
  };
}
