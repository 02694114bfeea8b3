import { type CreateTableBuilder, type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from '../store-types.js';

/**
 * The first schema. One migration for both dialects: only the autoincrement ids differ, because
 * SQLite needs `integer primary key autoincrement` (ids never reused after a delete, which matters
 * for jobs a stale worker may still try to complete) and PostgreSQL an identity column.
 *
 * @example
 * await new Migrator({ db, provider: { getMigrations: async () => ({ '0001-initial': initialMigration('sqlite') }) } }).migrateToLatest();
 */
export function initialMigration(dialect: StoreDialect): Migration {
  const withId = <T extends string>(table: CreateTableBuilder<T, never>) =>
    dialect === 'sqlite'
      ? table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      : table.addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity());
  // Durations and ids can outgrow 32 bits on PostgreSQL; SQLite integers are 64-bit anyway.
  const bigint = dialect === 'sqlite' ? 'integer' : 'bigint';

  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('flows')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('revisions')
        .addColumn('flow_id', 'text', (c) => c.notNull().references('flows.id').onDelete('cascade'))
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('message', 'text')
        .addPrimaryKeyConstraint('revisions_pk', ['flow_id', 'hash'])
        .addUniqueConstraint('revisions_flow_version_unique', ['flow_id', 'version'])
        .execute();

      await db.schema
        .createTable('deployments')
        .addColumn('flow_id', 'text', (c) => c.primaryKey().references('flows.id').onDelete('cascade'))
        .addColumn('revision_hash', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('deployed_at', 'text', (c) => c.notNull())
        .addColumn('deployed_by', 'text')
        .execute();

      await withId(db.schema.createTable('deployment_history'))
        .addColumn('flow_id', 'text', (c) => c.notNull().references('flows.id').onDelete('cascade'))
        .addColumn('revision_hash', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('deployed_at', 'text', (c) => c.notNull())
        .addColumn('deployed_by', 'text')
        .execute();
      await db.schema
        .createIndex('deployment_history_flow')
        .on('deployment_history')
        .columns(['flow_id', 'id'])
        .execute();

      await db.schema
        .createTable('credentials')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('allowed_hosts', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      // The primary key is the dedupe constraint: one delivery per flow and key.
      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('flow_id', 'text', (c) => c.notNull())
        .addColumn('dedupe_key', 'text', (c) => c.notNull())
        .addColumn('execution_id', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('webhook_deliveries_pk', ['flow_id', 'dedupe_key'])
        .execute();

      // No foreign key to flows: executions outlive the flow as history.
      await db.schema
        .createTable('executions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('flow_id', 'text', (c) => c.notNull())
        .addColumn('revision_hash', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('trigger_kind', 'text', (c) => c.notNull())
        .addColumn('business_key', 'text')
        .addColumn('trigger', 'text')
        .addColumn('error', 'text')
        .addColumn('error_signature', 'text')
        .addColumn('failed_node_id', 'text')
        .addColumn('response', 'text')
        .addColumn('replay_of', 'text')
        .addColumn('idempotency_base', 'text', (c) => c.notNull())
        .addColumn('run_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('queued_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .addColumn('duration_ms', bigint)
        .addColumn('resume_at', 'text')
        .addColumn('worker_id', 'text')
        .addColumn('heartbeat_at', 'text')
        .addColumn('cancel_requested', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('dead_letter', 'text')
        .execute();
      await db.schema
        .createIndex('executions_flow_queued')
        .on('executions')
        .columns(['flow_id', 'queued_at'])
        .execute();
      // The unfiltered history page: newest first with the id as tie-breaker.
      await db.schema
        .createIndex('executions_queued')
        .on('executions')
        .columns(['queued_at', 'id'])
        .execute();
      await db.schema.createIndex('executions_status').on('executions').columns(['status']).execute();
      await db.schema
        .createIndex('executions_business_key')
        .on('executions')
        .columns(['business_key'])
        .execute();
      await db.schema
        .createIndex('executions_dead_letter')
        .on('executions')
        .columns(['dead_letter', 'flow_id', 'failed_node_id', 'error_signature'])
        .execute();

      await db.schema
        .createTable('steps')
        .addColumn('execution_id', 'text', (c) => c.notNull().references('executions.id').onDelete('cascade'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('node_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('steps_pk', ['execution_id', 'key'])
        .execute();

      await withId(db.schema.createTable('outbox'))
        .addColumn('execution_id', 'text', (c) => c.notNull())
        .addColumn('run_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .execute();
      // Partial: the relay only ever looks for what is still unpublished, so the index stays small.
      await db.schema
        .createIndex('outbox_unpublished')
        .on('outbox')
        .columns(['created_at', 'id'])
        .where(sql.ref('published_at'), 'is', null)
        .execute();

      await withId(db.schema.createTable('jobs'))
        .addColumn('execution_id', 'text', (c) => c.notNull())
        .addColumn('run_at', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lease_until', 'text')
        .addColumn('worker_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('jobs_run_at').on('jobs').columns(['run_at']).execute();

      await withId(db.schema.createTable('audit_events'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text')
        .addColumn('target_id', 'text')
        .addColumn('details', 'text')
        .execute();
      await db.schema.createIndex('audit_events_target').on('audit_events').columns(['target_id']).execute();

      await db.schema
        .createTable('cursors')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
