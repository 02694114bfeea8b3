import {
  type ResolvedCredential,
  WaybillError,
  WebhookRejection,
  type WebhookVerdict,
} from '@waybill/connector-kit';
import type { TriggerDefinition } from '@waybill/flow';
import { ApiError } from '../http/api-error.js';
import type { ServerDeps } from '../server-deps.js';
import type { IncomingWebhook } from './webhook-intake.js';

/**
 * A delivery to a flow whose trigger is a connector's webhook trigger (`shopify.webhook`): the
 * trigger checks it the system's own way (its signature header, its staleness) before anything
 * is stored. A refusal becomes its 4xx; a trigger that cannot check (no credential, a config it
 * does not take) refuses with 503, so the sender retries once an admin has fixed it and nothing
 * unverified is ever run.
 *
 * @example
 * const verdict = await verifyConnectorWebhook(deps, trigger, hook, credentials); // 'accept' | 'ignore'
 */
export async function verifyConnectorWebhook(
  deps: Pick<ServerDeps, 'invoker'>,
  trigger: TriggerDefinition,
  hook: IncomingWebhook,
  credential: (id: string) => Promise<ResolvedCredential | undefined>,
): Promise<WebhookVerdict> {
  if (hook.method !== 'POST') {
    throw new ApiError(405, 'METHOD_NOT_ALLOWED', `This webhook takes POST requests, not ${hook.method}.`);
  }
  const resolved = trigger.credential ? await credential(trigger.credential) : undefined;
  if (trigger.credential && !resolved) {
    throw new ApiError(
      503,
      'WEBHOOK_CREDENTIAL_MISSING',
      `Flow "${hook.flowId}" checks its deliveries with the credential "${trigger.credential}", which does not exist; the delivery was not accepted.`,
    );
  }
  try {
    return await deps.invoker.verifyWebhook({
      type: trigger.type,
      config: trigger.config,
      ...(resolved ? { credential: resolved } : {}),
      delivery: { rawBody: hook.body, headers: hook.headers, method: hook.method, query: hook.query },
      now: Date.now(),
    });
  } catch (error) {
    if (error instanceof WebhookRejection) throw new ApiError(error.status, error.code, error.message);
    if (error instanceof WaybillError) {
      throw new ApiError(
        503,
        'WEBHOOK_NOT_CHECKABLE',
        `Flow "${hook.flowId}" could not check the delivery: ${error.message}`,
      );
    }
    throw error;
  }
}

/** The delivery's own id as its trigger reads it, for flows that set no dedupe expression. */
export function connectorDedupeKey(
  deps: Pick<ServerDeps, 'invoker'>,
  type: string,
  hook: IncomingWebhook,
): string | undefined {
  return deps.invoker
    .webhookTrigger(type)
    ?.dedupeKey?.({ rawBody: hook.body, headers: hook.headers, method: hook.method, query: hook.query });
}
