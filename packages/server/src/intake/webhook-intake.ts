import { createHash, timingSafeEqual } from 'node:crypto';
import { Value } from '@sinclair/typebox/value';
import type { ResolvedCredential } from '@waybill/connector-kit';
import type { WebhookResponse } from '@waybill/engine';
import { WebhookTriggerConfigSchema } from '@waybill/flow';
import { ApiError } from '../http/api-error.js';
import { parseJsonBody } from '../http/json-body.js';
import type { ServerDeps } from '../server-deps.js';
import { connectorDedupeKey, verifyConnectorWebhook } from './connector-webhook.js';
import { createTtlCache } from './ttl-cache.js';
import { verifySignature } from './webhook-signature.js';

/** Headers never stored with a payload: they carry the caller's own credentials. */
const PRIVATE_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

export type IntakeOutcome =
  | { kind: 'accepted'; executionId: string }
  | { kind: 'ignored' }
  | { kind: 'duplicate'; executionId: string }
  | { kind: 'responded'; executionId: string; response: WebhookResponse };

export interface IncomingWebhook {
  flowId: string;
  /** The last path segment of /hooks/<flow>/<secret>, for flows that take deliveries there. */
  pathSecret?: string;
  method: string;
  headers: Headers;
  query: URLSearchParams;
  body: Uint8Array;
}

/**
 * Webhook intake: finds the deployed revision, checks the signature over the raw body, parses it,
 * computes the dedupe and business keys, and hands it to the store in one transaction (delivery +
 * execution + outbox) before anyone is told it was accepted. Deployed revisions, secrets and queue
 * depth are cached briefly: they are read on every delivery and change rarely.
 *
 * @example
 * const intake = createWebhookIntake(deps);
 * const outcome = await intake.receive({ flowId, method: 'POST', headers, query, body });
 */
export function createWebhookIntake(deps: ServerDeps) {
  const { store, engine } = deps;
  const deployed = createTtlCache(1000, async (flowId: string) => {
    const deployment = await store.deployments.current(flowId);
    return deployment ? deps.revisions.get(flowId, deployment.revisionHash) : undefined;
  });
  const depth = createTtlCache(250, async (_: 'queue') => deps.queue.depth());
  // One read and decryption per credential every 5 s, for signature secrets and connector triggers alike.
  const credentials = createTtlCache(5000, async (id: string): Promise<ResolvedCredential | undefined> => {
    const credential = await store.credentials.reveal(id);
    return credential
      ? {
          id: credential.id,
          type: credential.type,
          values: credential.values,
          allowedHosts: credential.allowedHosts,
        }
      : undefined;
  });
  const secrets = {
    async get(credentialId: string): Promise<string | undefined> {
      const secret = (await credentials.get(credentialId))?.values.secret;
      return typeof secret === 'string' && secret.length > 0 ? secret : undefined;
    },
  };

  const receive = async (hook: IncomingWebhook): Promise<IntakeOutcome> => {
    const revision = await deployed.get(hook.flowId);
    const triggerType = revision?.definition.trigger.type;
    const connectorHook = triggerType !== undefined && deps.invoker.webhookTrigger(triggerType) !== undefined;
    if (!revision || (triggerType !== 'core.webhook' && !connectorHook)) {
      throw new ApiError(404, 'NO_WEBHOOK', `No deployed flow "${hook.flowId}" is started by a webhook.`);
    }
    const trigger = revision.definition.trigger;
    if (connectorHook) {
      if (hook.pathSecret !== undefined) {
        throw new ApiError(404, 'NO_WEBHOOK', `No deployed flow "${hook.flowId}" is started by a webhook.`);
      }
      const verdict = await verifyConnectorWebhook(deps, trigger, hook, (id) => credentials.get(id));
      if (verdict === 'ignore') return { kind: 'ignored' };
    }
    const config = connectorHook
      ? {}
      : Value.Check(WebhookTriggerConfigSchema, trigger.config)
        ? trigger.config
        : {};
    if (config.secretPath || hook.pathSecret !== undefined) {
      // A wrong or missing path secret looks exactly like a flow that does not exist.
      const secret =
        config.secretPath && trigger.credential ? await secrets.get(trigger.credential) : undefined;
      if (!secret || hook.pathSecret === undefined || !sameSecret(hook.pathSecret, secret)) {
        throw new ApiError(404, 'NO_WEBHOOK', `No deployed flow "${hook.flowId}" is started by a webhook.`);
      }
    }
    if ((config.method ?? 'POST') !== hook.method) {
      throw new ApiError(
        405,
        'METHOD_NOT_ALLOWED',
        `This webhook takes ${config.method ?? 'POST'} requests, not ${hook.method}.`,
      );
    }
    if (config.signature) {
      const secret = trigger.credential ? await secrets.get(trigger.credential) : undefined;
      if (!secret) {
        throw new ApiError(
          503,
          'SIGNATURE_SECRET_MISSING',
          `Flow "${hook.flowId}" checks signatures, but its credential has no secret; the delivery was not accepted.`,
        );
      }
      if (!verifySignature(hook.body, hook.headers.get(config.signature.header), secret, config.signature)) {
        throw new ApiError(
          401,
          'INVALID_SIGNATURE',
          `The ${config.signature.header} header does not carry a valid signature of the body.`,
        );
      }
    }

    // When the queue cannot be asked (Redis restarting), accept: the delivery is stored either way
    // and the outbox publishes it once the queue is back.
    const { ready, delayed } = await depth.get('queue').catch(() => ({ ready: 0, delayed: 0 }));
    if (ready + delayed >= deps.limits.maxQueueDepth) {
      throw new ApiError(
        503,
        'QUEUE_FULL',
        'Waybill has more work queued than it can take on now; send this delivery again shortly.',
        { retryAfterSeconds: 30 },
      );
    }

    const { body, encoding } = parseBody(hook.body, hook.headers.get('content-type'));
    const payload = {
      headers: headerObject(hook.headers),
      query: Object.fromEntries(hook.query),
      body,
      ...(encoding === 'latin1' ? { bodyEncoding: encoding } : {}),
    };
    const [flowDedupeKey, businessKey] = await Promise.all([
      engine.dedupeKey(revision, payload),
      engine.businessKey(revision, payload),
    ]);
    const dedupeKey =
      flowDedupeKey ?? (connectorHook ? connectorDedupeKey(deps, trigger.type, hook) : undefined);
    const accepted = await store.intake.accept({
      flowId: hook.flowId,
      revisionHash: revision.hash,
      triggerKind: 'webhook',
      trigger: payload,
      businessKey: businessKey ?? null,
      dedupeKey: dedupeKey ?? null,
    });
    if (accepted.duplicateOf) return { kind: 'duplicate', executionId: accepted.duplicateOf };

    if (config.respond === 'respondNode') {
      const waiting = waitForResponse(deps, accepted.executionId);
      await deps.relay.kick();
      const response = await waiting;
      if (response) return { kind: 'responded', executionId: accepted.executionId, response };
      return { kind: 'accepted', executionId: accepted.executionId };
    }
    // Publishing is not awaited: the delivery is durable already, and the outbox sweep republishes
    // it should this publish be lost.
    void deps.relay.kick();
    return { kind: 'accepted', executionId: accepted.executionId };
  };

  return { receive, invalidate: (flowId: string) => deployed.invalidate(flowId) };
}

export type WebhookIntake = ReturnType<typeof createWebhookIntake>;

/** Constant-time comparison of a path secret (hashing first makes the lengths equal). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function headerObject(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    if (!PRIVATE_HEADERS.has(key)) out[key] = value;
  });
  return out;
}

/**
 * JSON bodies are parsed (depth-limited, __proto__ dropped); anything else arrives as text (EDI,
 * XML, CSV). Text that is not valid UTF-8 (an EDIFACT UNOC or latin1 X12 interchange) is read as
 * latin1, one character per byte, and marked `bodyEncoding: 'latin1'`, so a node can get the
 * exact bytes back instead of replacement characters.
 */
function parseBody(
  body: Uint8Array,
  contentType: string | null,
): { body: unknown; encoding: 'utf8' | 'latin1' } {
  let text: string;
  let encoding: 'utf8' | 'latin1' = 'utf8';
  try {
    text = strictUtf8.decode(body);
  } catch {
    text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
    encoding = 'latin1';
  }
  if (contentType?.includes('json') || (!contentType && /^\s*[[{]/.test(text))) {
    if (text.trim() === '') return { body: null, encoding };
    return { body: parseJsonBody(text), encoding };
  }
  return { body: text, encoding };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Waits for the execution's Respond node (or its end) up to the limit. The in-process event is the
 * fast path; polling the store covers workers in other processes.
 */
async function waitForResponse(deps: ServerDeps, executionId: string): Promise<WebhookResponse | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (response: WebhookResponse | undefined) => {
      if (settled) return;
      settled = true;
      off();
      clearInterval(poll);
      clearTimeout(timeout);
      resolve(response);
    };
    const off = deps.events.subscribe((event) => {
      if (event.executionId !== executionId) return;
      if (event.type === 'execution.responded' || event.type === 'execution.finished') finish(event.response);
    });
    const poll = setInterval(async () => {
      const row = await deps.store.executions.get(executionId).catch(() => undefined);
      if (row && (row.response || ['succeeded', 'failed', 'cancelled'].includes(row.status)))
        finish(row.response ?? undefined);
    }, 500);
    const timeout = setTimeout(() => finish(undefined), deps.limits.respondTimeoutMs);
  });
}
