import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store-types.js';

/**
 * Documents and sequences, for EDI first.
 *
 * `documents` keeps every interchange an execution received or sent, as the exact bytes, with
 * what support searches by (partner, control numbers) and, for outbound interchanges the partner
 * must acknowledge, the acknowledgment's state and when it is due.
 *
 * `sequences` are counters that never hand out the same number twice (ISA13, GS06, ST02), and
 * `sequence_allocations` remembers which number a step took, so the same step retried or resumed
 * after a crash gets the same number instead of burning a new one and sending a gap.
 */
export function documentsMigration(dialect: StoreDialect): Migration {
  const bytes = dialect === 'sqlite' ? 'blob' : 'bytea';
  const bigint = dialect === 'sqlite' ? 'integer' : 'bigint';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('execution_id', 'text', (c) => c.notNull())
        .addColumn('node_id', 'text', (c) => c.notNull())
        /** Several documents per step are allowed; a retried step records the same ordinal again. */
        .addColumn('step_key', 'text', (c) => c.notNull())
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('flow_id', 'text')
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('content', bytes, (c) => c.notNull())
        .addColumn('size', bigint, (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('partner', 'text')
        .addColumn('standard', 'text')
        .addColumn('interchange_control', 'text')
        .addColumn('group_controls', 'text')
        .addColumn('ack_status', 'text')
        .addColumn('ack_due_at', 'text')
        .addColumn('acknowledged_at', 'text')
        .addColumn('ack_execution_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('documents_step_ordinal', ['execution_id', 'step_key', 'ordinal'])
        .execute();
      await db.schema.createIndex('documents_execution').on('documents').columns(['execution_id']).execute();
      await db.schema
        .createIndex('documents_partner')
        .on('documents')
        .columns(['partner', 'interchange_control'])
        .execute();
      await db.schema
        .createIndex('documents_ack')
        .on('documents')
        .columns(['ack_status', 'ack_due_at'])
        .execute();
      await db.schema
        .createTable('sequences')
        .addColumn('scope', 'text', (c) => c.primaryKey())
        .addColumn('value', bigint, (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sequence_allocations')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('allocation_key', 'text', (c) => c.notNull())
        .addColumn('value', bigint, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('sequence_allocations_pk', ['scope', 'allocation_key'])
        .execute();
    },
  };
}
