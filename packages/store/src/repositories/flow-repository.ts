import { type ExpressionBuilder, type Selectable, sql } from 'kysely';
import type { Database, FlowsTable } from '../schema.js';
import { startsWith } from '../sql-helpers.js';
import type { StoreContext } from '../store-context.js';
import { StoreConflictError } from '../store-errors.js';
import type { FlowRepository, FlowRow } from '../store-types.js';

/**
 * Cursor keys that belong to a flow start with `<flowId>:`; deleting the flow deletes them.
 * Flow ids cannot contain a colon, so the prefix is unambiguous.
 *
 * @example
 * await store.cursors.set(flowCursorKey('orders', 'poll'), { since: '2025-01-01' });
 */
export function flowCursorKey(flowId: string, name: string): string {
  return `${flowId}:${name}`;
}

/**
 * Flows with their newest and deployed revision hashes.
 *
 * @example
 * const flows = createFlowRepository(context); await flows.create({ id: 'orders', name: 'Orders' });
 */
export function createFlowRepository(context: StoreContext): FlowRepository {
  const { db } = context;

  const selectFlows = () =>
    db
      .selectFrom('flows')
      .leftJoin('deployments', 'deployments.flow_id', 'flows.id')
      .selectAll('flows')
      .select((eb) => [latestRevision(eb), 'deployments.revision_hash as deployed_revision']);

  return {
    async create(input) {
      const now = context.nowIso();
      const inserted = await db
        .insertInto('flows')
        .values({
          id: input.id,
          name: input.name,
          description: input.description ?? null,
          partner_id: input.partnerId ?? null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!inserted) throw new StoreConflictError(`A flow with the id "${input.id}" already exists.`);
      return toFlowRow({ ...inserted, latest_revision: null, deployed_revision: null });
    },

    async get(id) {
      const row = await selectFlows().where('flows.id', '=', id).executeTakeFirst();
      return row ? toFlowRow(row) : undefined;
    },

    async list(filter = {}) {
      const rows = await selectFlows()
        .$if(filter.partnerId !== undefined, (qb) => qb.where('flows.partner_id', '=', filter.partnerId!))
        .orderBy('flows.id')
        .execute();
      return rows.map(toFlowRow);
    },

    async delete(id) {
      return db.transaction().execute(async (trx) => {
        // Revisions and deployments go with the flow by cascade; cursors and deliveries are keyed
        // by text, so they are deleted here. Executions stay as history.
        const deleted = await trx.deleteFrom('flows').where('id', '=', id).executeTakeFirst();
        if (Number(deleted.numDeletedRows) === 0) return false;
        await trx
          .deleteFrom('cursors')
          .where(startsWith(sql.ref('key'), `${id}:`))
          .execute();
        await trx.deleteFrom('webhook_deliveries').where('flow_id', '=', id).execute();
        return true;
      });
    },
  };
}

function latestRevision(eb: ExpressionBuilder<Database, 'flows'>) {
  return eb
    .selectFrom('revisions')
    .select('revisions.hash')
    .whereRef('revisions.flow_id', '=', 'flows.id')
    .orderBy('revisions.version', 'desc')
    .limit(1)
    .as('latest_revision');
}

function toFlowRow(
  row: Selectable<FlowsTable> & { latest_revision: string | null; deployed_revision: string | null },
): FlowRow {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    partnerId: row.partner_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    latestRevision: row.latest_revision,
    deployedRevision: row.deployed_revision,
  };
}
