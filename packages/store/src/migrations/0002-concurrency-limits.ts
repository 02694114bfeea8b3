import type { Kysely, Migration } from 'kysely';

/**
 * Concurrency limits. Credentials get an optional limit (calls with the credential at once across
 * all workers), so a slow or rate-limited system holds back only the flows using it; flows carry
 * theirs in the definition. Without Redis, the slots themselves are leased rows of
 * concurrency_slots, shared by every process on the database.
 *
 * Executions count the workers they lost apart from their runs: waiting for a slot or a delay
 * adds runs, and must not make the reaper give up on an execution that never killed a worker.
 */
export function concurrencyLimitsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('credentials').addColumn('max_concurrency', 'integer').execute();
      await db.schema
        .alterTable('executions')
        .addColumn('lost_count', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('concurrency_slots')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('token', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('concurrency_slots_pk', ['key', 'token'])
        .execute();
    },
  };
}
