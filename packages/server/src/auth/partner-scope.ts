import type { Store } from '@waybill/store';
import type { Context } from 'hono';
import { notFound } from '../http/api-error.js';

/**
 * Keeps a partner account inside its own partner: a flow, execution or credential named in the
 * path that belongs to someone else is answered as if it did not exist (404, not 403, so ids of
 * other partners cannot be probed). Lists filter by `scopeOf(c)` in their handlers.
 *
 * @example
 * await checkPartnerScope(store, c, { flowId: 'acme-850' }); // throws 404 for another partner
 */
export async function checkPartnerScope(
  store: Store,
  c: Context,
  params: Readonly<Record<string, unknown>>,
): Promise<void> {
  const partnerId = c.get('principal')?.user.partnerId;
  if (!partnerId) return;
  const ownsFlow = async (flowId: string) => (await store.flows.get(flowId))?.partnerId === partnerId;

  if (typeof params.flowId === 'string') {
    const flow = await store.flows.get(params.flowId);
    if (flow && flow.partnerId !== partnerId) throw notFound('flow', params.flowId);
  }
  if (typeof params.executionId === 'string') {
    const execution = await store.executions.get(params.executionId);
    if (execution && !(await ownsFlow(execution.flowId))) throw notFound('execution', params.executionId);
  }
  if (typeof params.credentialId === 'string') {
    const credential = await store.credentials.get(params.credentialId);
    if (credential && credential.partnerId !== partnerId) throw notFound('credential', params.credentialId);
  }
}

/**
 * The ids among `ids` the caller may act on: all of them, or for a partner account those of its
 * own flows' executions.
 *
 * @example
 * await store.executions.setDeadLetter(await ownExecutionIds(store, c, body.ids), 'resolved');
 */
export async function ownExecutionIds(store: Store, c: Context, ids: readonly string[]): Promise<string[]> {
  const partnerId = c.get('principal')?.user.partnerId;
  if (!partnerId) return [...ids];
  const owned: string[] = [];
  const flows = new Map<string, boolean>();
  for (const id of ids) {
    const execution = await store.executions.get(id);
    if (!execution) continue;
    if (!flows.has(execution.flowId)) {
      flows.set(execution.flowId, (await store.flows.get(execution.flowId))?.partnerId === partnerId);
    }
    if (flows.get(execution.flowId)) owned.push(id);
  }
  return owned;
}

/**
 * Whether a flow is visible to the caller (for event streams and lists built from flow ids).
 *
 * @example
 * if (!(await flowVisible(store, c, event.flowId))) return;
 */
export async function flowVisible(store: Store, c: Context, flowId: string): Promise<boolean> {
  const partnerId = c.get('principal')?.user.partnerId;
  if (!partnerId) return true;
  return (await store.flows.get(flowId))?.partnerId === partnerId;
}
