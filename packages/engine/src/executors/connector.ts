import { systemError } from '@waybill/connector-kit';
import type { ConnectorCall, ConnectorInvoker, ResolvedCredential } from '../ports.js';
import { defineExecutor, type ExecutorContext, type ExecutorOutcome, Suspend } from './executor.js';

type Context = ExecutorContext<undefined>;

/**
 * Any node type that is not core: a connector operation, run through the injected invoker with
 * the node's credential resolved (its secrets are remembered for redaction) and, when the
 * credential has a concurrency limit, within one of its slots.
 */
export const connectorExecutor = defineExecutor({
  prepare: () => undefined,
  run: async (context) => {
    const { node, services } = context;
    if (!services.invoker) {
      throw systemError({
        code: 'NO_CONNECTOR_RUNTIME',
        message: `Node "${node.id}" (${node.type}) needs the connector runtime, which this engine was started without.`,
        retryable: false,
      });
    }
    const credential = node.credential ? await resolveCredential(context, node.credential) : undefined;
    const slot = credential?.maxConcurrency
      ? await takeSlot(context, credential.id, credential.maxConcurrency)
      : undefined;
    try {
      return await invoke(context, services.invoker, credential);
    } finally {
      await slot?.release();
    }
  },
});

async function resolveCredential(context: Context, credentialId: string): Promise<ResolvedCredential> {
  const { node, services } = context;
  if (!services.secrets) {
    throw systemError({
      code: 'NO_SECRETS',
      message: `Node "${node.id}" uses the credential "${credentialId}", but this engine has no credential store.`,
      retryable: false,
    });
  }
  const credential = await services.secrets.resolve(credentialId, {
    executionId: context.executionId,
    nodeId: node.id,
  });
  context.redact(secretValues(credential.values, credential.secretFields));
  return credential;
}

/**
 * A slot of the credential's concurrency limit. When none is free the node waits a little in place
 * (a second at most, in short random steps); after that it suspends, so the worker is free for
 * flows that do not use this credential, and the execution comes back in a few seconds to try again.
 */
async function takeSlot(context: Context, credentialId: string, limit: number) {
  const { services, signal } = context;
  const limiter = services.limiter;
  if (!limiter) return undefined;
  const key = `credential:${credentialId}`;
  const until = services.clock.now() + Math.min(1000, services.maxInlineWaitMs);
  for (;;) {
    const slot = await limiter.tryAcquire(key, limit);
    if (slot) return slot;
    const now = services.clock.now();
    if (now >= until) throw new Suspend(now + 1000 + Math.floor(services.random() * 2000));
    await services.clock.sleep(25 + Math.floor(services.random() * 75), signal);
  }
}

async function invoke(
  context: Context,
  invoker: ConnectorInvoker,
  credential: ResolvedCredential | undefined,
): Promise<ExecutorOutcome> {
  const { node, manifest } = context;
  const result = await invoker.invoke({
    type: node.type,
    manifest,
    config: node.config,
    input: context.input,
    ...(credential ? { credential } : {}),
    idempotencyKey: context.idempotencyKey,
    attempt: context.attempt,
    executionId: context.executionId,
    nodeId: node.id,
    stepKey: context.stepKey,
    signal: context.signal,
    log: context.log,
    ...stepRecords(context),
  });
  return { output: result.output ?? null, port: result.port ?? manifest.defaultPort ?? 'out' };
}

/**
 * The store-backed counters and document log, bound to this step. Allocation keys and document
 * ordinals count calls within the step, so a retry or a resumed run that makes the same calls in
 * the same order gets the same control numbers and records its documents once.
 */
function stepRecords(context: Context): Pick<ConnectorCall, 'sequences' | 'documents'> {
  const { sequences, documents } = context.services;
  let calls = 0;
  let ordinal = 0;
  return {
    ...(sequences
      ? {
          sequences: {
            next: (scope, options) => sequences.next(scope, `${context.idempotencyKey}#${calls++}`, options),
          },
        }
      : {}),
    ...(documents
      ? {
          documents: {
            record: (document) =>
              documents.record({
                ...document,
                executionId: context.executionId,
                flowId: context.flowId,
                nodeId: context.node.id,
                stepKey: context.stepKey,
                ordinal: ordinal++,
              }),
            acknowledge: (ack) => documents.acknowledge({ ...ack, executionId: context.executionId }),
          },
        }
      : {}),
  };
}

function* secretValues(values: Record<string, unknown>, fields: string[] | undefined): Iterable<string> {
  for (const [key, value] of Object.entries(values)) {
    if (fields && !fields.includes(key)) continue;
    if (typeof value === 'string') yield value;
  }
}
