import { type Kysely, type Migration, Migrator } from 'kysely';
import type { Database } from '../schema.js';
import type { StoreDialect } from '../store-types.js';
import { initialMigration } from './0001-initial.js';
import { concurrencyLimitsMigration } from './0002-concurrency-limits.js';
import { accountsMigration } from './0003-accounts.js';
import { partnerScopeMigration } from './0004-partner-scope.js';
import { documentsMigration } from './0005-documents.js';

/**
 * Every migration, in order. Names sort lexically, which is the order Kysely applies them in.
 */
export function allMigrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(dialect),
    '0002-concurrency-limits': concurrencyLimitsMigration(),
    '0003-accounts': accountsMigration(),
    '0004-partner-scope': partnerScopeMigration(),
    '0005-documents': documentsMigration(dialect),
  };
}

/**
 * Brings the schema up to date; a no-op when it already is. On PostgreSQL the migrator's own
 * tables go into the same schema as ours: Kysely looks for them across all schemas otherwise, and
 * would mistake another test schema's table for ours.
 *
 * @example
 * await migrateToLatest(db, 'sqlite');
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  dialect: StoreDialect,
  schema?: string,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => allMigrations(dialect) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(
      `The database schema could not be brought up to date${failed ? ` (migration ${failed} failed)` : ''}: ${describe(error)}`,
      {
        cause: error,
      },
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
