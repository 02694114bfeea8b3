import { toDeploymentRow } from '../row-mapping.js';
import type { StoreContext } from '../store-context.js';
import { StoreNotFoundError } from '../store-errors.js';
import type { DeploymentRepository } from '../store-types.js';

/**
 * Which revision of a flow runs: a current pointer per flow, and every deploy in the history
 * (a rollback is a deploy of an older revision, so it shows there too).
 *
 * @example
 * await deployments.deploy('orders', revision.hash, 'ana');
 */
export function createDeploymentRepository(context: StoreContext): DeploymentRepository {
  const { db } = context;

  return {
    async deploy(flowId, revisionHash, deployedBy) {
      return db.transaction().execute(async (trx) => {
        const revision = await trx
          .selectFrom('revisions')
          .select('version')
          .where('flow_id', '=', flowId)
          .where('hash', '=', revisionHash)
          .executeTakeFirst();
        if (!revision) {
          throw new StoreNotFoundError(
            `Flow "${flowId}" has no revision ${revisionHash.slice(0, 12)}; save it before deploying it.`,
          );
        }
        const row = {
          flow_id: flowId,
          revision_hash: revisionHash,
          version: Number(revision.version),
          deployed_at: context.nowIso(),
          deployed_by: deployedBy ?? null,
        };
        await trx
          .insertInto('deployments')
          .values(row)
          .onConflict((oc) =>
            oc.column('flow_id').doUpdateSet({
              revision_hash: row.revision_hash,
              version: row.version,
              deployed_at: row.deployed_at,
              deployed_by: row.deployed_by,
            }),
          )
          .execute();
        await trx.insertInto('deployment_history').values(row).execute();
        return toDeploymentRow(row);
      });
    },

    async current(flowId) {
      const row = await db
        .selectFrom('deployments')
        .selectAll()
        .where('flow_id', '=', flowId)
        .executeTakeFirst();
      return row ? toDeploymentRow(row) : undefined;
    },

    async history(flowId) {
      const rows = await db
        .selectFrom('deployment_history')
        .selectAll()
        .where('flow_id', '=', flowId)
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toDeploymentRow);
    },
  };
}
