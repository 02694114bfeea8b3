import type { Kysely, Migration } from 'kysely';

/**
 * Partner scoping and one-time passwords. A flow or credential with a partner id belongs to that
 * trading partner: partner accounts see only those. A user whose password is one-time (the first
 * admin, a new user, a reset) must choose their own before doing anything else; the one-time
 * password also stops working after its expiry.
 */
export function partnerScopeMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('flows').addColumn('partner_id', 'text').execute();
      await db.schema.createIndex('flows_partner').on('flows').columns(['partner_id']).execute();
      await db.schema.alterTable('credentials').addColumn('partner_id', 'text').execute();
      await db.schema
        .alterTable('users')
        .addColumn('password_change_required', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('users').addColumn('password_expires_at', 'text').execute();
    },
  };
}
