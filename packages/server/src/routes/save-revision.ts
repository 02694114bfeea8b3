import { revisionHash, validateFlow } from '@waybill/flow';
import type { RevisionRow } from '@waybill/store';
import { ApiError } from '../http/api-error.js';
import type { ServerDeps } from '../server-deps.js';

/**
 * Validates a definition against the catalog and the stored credentials and saves it as a revision.
 * An invalid definition is a 422 listing every problem, each with its pointer into the definition.
 *
 * @example
 * const { revision, created } = await saveRevision(deps, 'orders', definition, { createdBy: 'ana' });
 */
export async function saveRevision(
  deps: ServerDeps,
  flowId: string,
  definition: unknown,
  options: { dryRun?: boolean; createdBy?: string; message?: string },
): Promise<{ revision: RevisionRow; created: boolean } | undefined> {
  const credentials = await deps.store.credentials.list();
  const result = validateFlow(definition, deps.catalog, { credentials });
  if (!result.ok) {
    const count = result.problems.length;
    throw new ApiError(
      422,
      'INVALID_FLOW',
      `The flow has ${count} problem${count === 1 ? '' : 's'}; nothing was saved.`,
      {
        problems: result.problems.map((p) => ({ ...p, pointer: `/definition${p.pointer}` })),
      },
    );
  }
  if (result.flow.id !== flowId) {
    throw new ApiError(
      400,
      'FLOW_ID_MISMATCH',
      `The definition's id is "${result.flow.id}", but it is being saved to flow "${flowId}".`,
      {
        pointer: '/definition/id',
      },
    );
  }
  if (options.dryRun) return undefined;
  const saved = await deps.store.revisions.save(flowId, result.flow, revisionHash(result.flow), {
    ...(options.createdBy ? { createdBy: options.createdBy } : {}),
    ...(options.message ? { message: options.message } : {}),
  });
  if (saved.created) {
    await deps.store.audit.append({
      actor: options.createdBy ?? 'system',
      action: 'flow.save',
      targetType: 'flow',
      targetId: flowId,
      details: { revision: saved.revision.hash, version: saved.revision.version },
    });
  }
  return saved;
}
