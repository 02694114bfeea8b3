import { systemError } from '@waybill/connector-kit';
import { defineExecutor } from './executor.js';

/**
 * Any node type that is not core: a connector operation, run through the injected invoker with
 * the node's credential resolved (its secrets are remembered for redaction).
 */
export const connectorExecutor = defineExecutor({
  prepare: () => undefined,
  run: async (context) => {
    const { node, manifest, services } = context;
    if (!services.invoker) {
      throw systemError({
        code: 'NO_CONNECTOR_RUNTIME',
        message: `Node "${node.id}" (${node.type}) needs the connector runtime, which this engine was started without.`,
        retryable: false,
      });
    }
    let credential: Awaited<ReturnType<NonNullable<typeof services.secrets>['resolve']>> | undefined;
    if (node.credential) {
      if (!services.secrets) {
        throw systemError({
          code: 'NO_SECRETS',
          message: `Node "${node.id}" uses the credential "${node.credential}", but this engine has no credential store.`,
          retryable: false,
        });
      }
      credential = await services.secrets.resolve(node.credential, {
        executionId: context.executionId,
        nodeId: node.id,
      });
      context.redact(secretValues(credential.values, credential.secretFields));
    }
    const result = await services.invoker.invoke({
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
    });
    return { output: result.output ?? null, port: result.port ?? manifest.defaultPort ?? 'out' };
  },
});

function* secretValues(values: Record<string, unknown>, fields: string[] | undefined): Iterable<string> {
  for (const [key, value] of Object.entries(values)) {
    if (fields && !fields.includes(key)) continue;
    if (typeof value === 'string') yield value;
  }
}
