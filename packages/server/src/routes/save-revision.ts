import { type FlowDefinition, revisionHash, validateFlow } from '@waybill/flow';
import type { CredentialMeta, RevisionRow } from '@waybill/store';
import type { Principal } from '../auth/principal.js';
import { ApiError } from '../http/api-error.js';
import type { ServerDeps } from '../server-deps.js';

/**
 * Validates a definition against the catalog and the credentials the caller may use. An invalid
 * definition is a 422 listing every problem, each with its pointer into the definition.
 *
 * @example
 * const flow = await checkedDefinition(deps, 'orders', body.definition, principal, 'run');
 */
export async function checkedDefinition(
  deps: ServerDeps,
  flowId: string,
  definition: unknown,
  by: Principal | undefined,
  outcome: 'saved' | 'run' = 'saved',
): Promise<FlowDefinition> {
  const credentials = await usableCredentials(deps, flowId, by);
  const result = validateFlow(definition, deps.catalog, { credentials });
  if (!result.ok) {
    const count = result.problems.length;
    throw new ApiError(
      422,
      'INVALID_FLOW',
      `The flow has ${count} problem${count === 1 ? '' : 's'}; nothing was ${outcome}.`,
      {
        problems: result.problems.map((p) => ({ ...p, pointer: `/definition${p.pointer}` })),
      },
    );
  }
  if (result.flow.id !== flowId) {
    throw new ApiError(
      400,
      'FLOW_ID_MISMATCH',
      `The definition's id is "${result.flow.id}", but it belongs to flow "${flowId}".`,
      {
        pointer: '/definition/id',
      },
    );
  }
  return result.flow;
}

/**
 * Validates a definition (see `checkedDefinition`) and saves it as a revision.
 *
 * @example
 * const { revision, created } = await saveRevision(deps, 'orders', definition, { by: principal });
 */
export async function saveRevision(
  deps: ServerDeps,
  flowId: string,
  definition: unknown,
  options: { dryRun?: boolean; by?: Principal; message?: string },
): Promise<{ revision: RevisionRow; created: boolean; layoutUpdated: boolean } | undefined> {
  const createdBy = options.by?.user.email;
  const flow = await checkedDefinition(deps, flowId, definition, options.by);
  if (options.dryRun) return undefined;
  const saved = await deps.store.revisions.save(flowId, flow, revisionHash(flow), {
    ...(createdBy ? { createdBy } : {}),
    ...(options.message ? { message: options.message } : {}),
  });
  if (saved.created) {
    await deps.store.audit.append({
      actor: createdBy ?? 'system',
      action: 'flow.save',
      targetType: 'flow',
      targetId: flowId,
      details: { revision: saved.revision.hash, version: saved.revision.version },
    });
  }
  return saved;
}

/**
 * The credentials a revision may name. A partner account may use its partner's credentials and
 * those the flow already uses (the distributor's ERP credential a template was set up with), but
 * not pick any other credential of the installation: naming one is reported as unknown.
 */
async function usableCredentials(
  deps: ServerDeps,
  flowId: string,
  by: Principal | undefined,
): Promise<CredentialMeta[]> {
  const partnerId = by?.user.partnerId;
  const all = await deps.store.credentials.list();
  if (!partnerId) return all;
  const hash = (await deps.store.flows.get(flowId))?.latestRevision;
  const latest = hash ? await deps.store.revisions.get(flowId, hash) : undefined;
  const inUse = latest ? credentialsOf(latest.definition) : new Set<string>();
  return all.filter((credential) => credential.partnerId === partnerId || inUse.has(credential.id));
}

function credentialsOf(definition: FlowDefinition): Set<string> {
  const ids = new Set<string>();
  if (definition.trigger.credential) ids.add(definition.trigger.credential);
  for (const node of definition.nodes) if (node.credential) ids.add(node.credential);
  return ids;
}
