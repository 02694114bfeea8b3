import { toRevisionRow } from '../row-mapping.js';
import type { StoreContext } from '../store-context.js';
import type { RevisionRepository } from '../store-types.js';

/** A version number given as text, e.g. from a URL; hashes are far longer than nine digits. */
const VERSION_TEXT = /^[1-9]\d{0,8}$/;

/**
 * Immutable flow revisions, numbered 1, 2, 3 … per flow.
 *
 * @example
 * const { revision, created } = await revisions.save('orders', definition, revisionHash(definition));
 */
export function createRevisionRepository(context: StoreContext): RevisionRepository {
  const { db, dialect } = context;

  return {
    async save(flowId, definition, hash, meta) {
      return db.transaction().execute(async (trx) => {
        const now = context.nowIso();
        // Saving a definition for a flow not created yet creates it; the definition names it.
        await trx
          .insertInto('flows')
          .values({
            id: flowId,
            name: definition.name,
            description: definition.description ?? null,
            created_at: now,
            updated_at: now,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        // PostgreSQL: lock the flow row so concurrent saves take turns picking the next version.
        // SQLite: BEGIN IMMEDIATE already made this transaction the only writer.
        if (dialect === 'postgres') {
          await trx.selectFrom('flows').select('id').where('id', '=', flowId).forUpdate().execute();
        }

        const existing = await trx
          .selectFrom('revisions')
          .selectAll()
          .where('flow_id', '=', flowId)
          .where('hash', '=', hash)
          .executeTakeFirst();
        if (existing) return { revision: toRevisionRow(existing), created: false };

        const { max } = await trx
          .selectFrom('revisions')
          .select((eb) => eb.fn.max('version').as('max'))
          .where('flow_id', '=', flowId)
          .executeTakeFirstOrThrow();
        const inserted = await trx
          .insertInto('revisions')
          .values({
            flow_id: flowId,
            hash,
            version: Number(max ?? 0) + 1,
            definition: JSON.stringify(definition),
            created_at: now,
            created_by: meta?.createdBy ?? null,
            message: meta?.message ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('flows')
          .set({ name: definition.name, description: definition.description ?? null, updated_at: now })
          .where('id', '=', flowId)
          .execute();
        return { revision: toRevisionRow(inserted), created: true };
      });
    },

    async get(flowId, ref) {
      const byVersion = typeof ref === 'number' || VERSION_TEXT.test(ref);
      const row = await db
        .selectFrom('revisions')
        .selectAll()
        .where('flow_id', '=', flowId)
        .$if(byVersion, (qb) => qb.where('version', '=', Number(ref)))
        .$if(!byVersion, (qb) => qb.where('hash', '=', String(ref)))
        .executeTakeFirst();
      return row ? toRevisionRow(row) : undefined;
    },

    async list(flowId) {
      const rows = await db
        .selectFrom('revisions')
        .selectAll()
        .where('flow_id', '=', flowId)
        .orderBy('version', 'desc')
        .execute();
      return rows.map(toRevisionRow);
    },
  };
}
