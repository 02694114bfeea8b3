import type { FlowDefinition } from '@waybill/flow';
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
        if (existing) {
          // The layout (positions, sticky notes) is outside the content hash: saving the same
          // content laid out anew keeps the version and stores the new layout with it.
          const stored = JSON.parse(existing.definition) as FlowDefinition;
          if (JSON.stringify(stored.layout ?? null) === JSON.stringify(definition.layout ?? null)) {
            return { revision: toRevisionRow(existing), created: false, layoutUpdated: false };
          }
          const relaid = { ...stored, ...(definition.layout ? { layout: definition.layout } : {}) };
          if (!definition.layout) delete relaid.layout;
          const updated = await trx
            .updateTable('revisions')
            .set({ definition: JSON.stringify(relaid) })
            .where('flow_id', '=', flowId)
            .where('hash', '=', hash)
            .returningAll()
            .executeTakeFirstOrThrow();
          return { revision: toRevisionRow(updated), created: false, layoutUpdated: true };
        }

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
        return { revision: toRevisionRow(inserted), created: true, layoutUpdated: false };
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
