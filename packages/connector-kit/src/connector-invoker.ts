import type { NodeTypeManifest, TriggerTypeManifest } from '@waybill/flow';
import type { ConnectorCall, ConnectorResult, LogLine, ResolvedCredential } from './connector-call.js';
import {
  type CredentialTestResult,
  type CredentialType,
  type CredentialTypeManifest,
  credentialTypeManifest,
} from './credential-type.js';
import type { Connector } from './define-connector.js';
import { type Operation, RoutedOutput } from './define-operation.js';
import {
  isWebhookTrigger,
  type PollingTrigger,
  type PollResult,
  triggerManifestOf,
} from './define-trigger.js';
import type { WebhookDelivery, WebhookTrigger, WebhookVerdict } from './define-webhook-trigger.js';
import { systemError, toErrorInfo } from './errors.js';
import { createMemoryDocumentLog, createMemorySequences } from './execution-records.js';
import { bindHttpClient } from './http/bound-client.js';
import { createHttpClient, type HttpClient } from './http/http-client.js';
import { createRateLimiter, type RateLimit, type RateLimiter } from './http/rate-limiter.js';
import type { RetryPolicy } from './http/retrying-request.js';
import { manifestOf } from './manifest-of.js';
import { credentialForOperation } from './operation-credential.js';
import { checkValue } from './schema-check.js';

/**
 * Options of the invoker. The HTTP client is injected so the runtime can share one (and tests can
 * stub DNS); by default each invoker gets its own with the safe defaults.
 *
 * @example
 * const options: ConnectorInvokerOptions = { http: createHttpClient({ timeoutMs: 20_000 }) };
 */
export interface ConnectorInvokerOptions {
  http?: HttpClient;
  /** Buckets for the connectors' and operations' rate limits; one per invoker by default. */
  rateLimiter?: RateLimiter;
  /** In-place retries of each request (default: 3 tries within 5 s of waiting). */
  retry?: RetryPolicy;
}

/**
 * Runs connector operations for the engine and lists what is installed for the catalog.
 * Structurally the engine's `ConnectorInvoker`.
 *
 * @example
 * const invoker: ConnectorRuntime = createConnectorInvoker([httpConnector]);
 */
export interface ConnectorRuntime {
  invoke(call: ConnectorCall): Promise<ConnectorResult>;
  /** One node type manifest per operation, as plain data. */
  manifests(): NodeTypeManifest[];
  /** Every credential type the installed connectors accept, as plain data. */
  credentialTypes(): CredentialTypeManifest[];
  /** The operation behind a node type, for tooling (replay preview, idempotency display). */
  operation(type: string): Operation | undefined;
  /** Trigger type manifests of the installed polling triggers, for the catalog. */
  triggerManifests(): TriggerTypeManifest[];
  /** The polling trigger of a type, or undefined when the type is not one. */
  pollingTrigger(type: string): PollingTrigger | undefined;
  /** Runs one poll of a trigger: checks its config and credential, binds the HTTP client. */
  poll(request: PollRequest): Promise<PollResult>;
  /** The webhook trigger of a type, or undefined when the type is not one. */
  webhookTrigger(type: string): WebhookTrigger | undefined;
  /**
   * Checks a delivery with its webhook trigger (config and credential checked first). Throws a
   * WebhookRejection for a delivery to refuse; answers whether to run it or let it go.
   */
  verifyWebhook(request: WebhookVerifyRequest): Promise<WebhookVerdict>;
  /**
   * Asks the external system whether it accepts a credential, with the credential type's test.
   * Undefined when the type has no test (or no installed connector knows the type).
   */
  testCredential(
    credential: ResolvedCredential,
    signal: AbortSignal,
  ): Promise<CredentialTestResult | undefined>;
}

export interface WebhookVerifyRequest {
  type: string;
  config: Record<string, unknown>;
  credential?: ResolvedCredential;
  delivery: WebhookDelivery;
  now: number;
}

export interface PollRequest {
  type: string;
  config: Record<string, unknown>;
  credential?: ResolvedCredential;
  cursor: unknown;
  signal: AbortSignal;
  log(line: LogLine): void;
}

/**
 * Builds the engine's connector invoker from the installed connectors. Before `run`, it checks the
 * credential, applies config defaults and checks config and input against the declared schemas.
 *
 * @example
 * const invoker = createConnectorInvoker([httpConnector]);
 * const engine = createEngine({ invoker, catalog: createCatalog({ nodes: [...coreNodeManifests, ...invoker.manifests()], triggers }) });
 */
export function createConnectorInvoker(
  connectors: readonly Connector[],
  options: ConnectorInvokerOptions = {},
): ConnectorRuntime {
  const operations = new Map<string, Operation>();
  const triggers = new Map<string, PollingTrigger>();
  const webhooks = new Map<string, WebhookTrigger>();
  /** The connector of each operation and trigger type, for its rate limit. */
  const owners = new Map<string, Connector>();
  const credentialTypes = new Map<string, CredentialType>();
  for (const connector of connectors) {
    for (const operation of connector.operations) {
      // Two connectors claiming one node type is an installation mistake: fail at startup, not mid-flow.
      if (operations.has(operation.type)) {
        throw new Error(`Two installed operations share the node type "${operation.type}".`);
      }
      operations.set(operation.type, operation);
      owners.set(operation.type, connector);
    }
    for (const trigger of connector.triggers ?? []) {
      if (triggers.has(trigger.type) || webhooks.has(trigger.type))
        throw new Error(`Two installed triggers share the type "${trigger.type}".`);
      if (isWebhookTrigger(trigger)) webhooks.set(trigger.type, trigger);
      else triggers.set(trigger.type, trigger);
      owners.set(trigger.type, connector);
    }
    for (const credentialType of connector.credentialTypes) {
      const known = credentialTypes.get(credentialType.type);
      if (known && known !== credentialType) {
        throw new Error(
          `Two installed connectors define different credential types named "${credentialType.type}".`,
        );
      }
      credentialTypes.set(credentialType.type, credentialType);
    }
  }
  const http = options.http ?? createHttpClient();
  const rateLimiter = options.rateLimiter ?? createRateLimiter();
  const manifests = [...operations.values()].map((operation) =>
    manifestOf(operation, owners.get(operation.type)?.rateLimit),
  );

  // An operation with a limit of its own has its own bucket; the rest share the connector's.
  const bind = (
    type: string,
    own: RateLimit | undefined,
    signal: AbortSignal,
    credential: { id: string; allowedHosts?: readonly string[] } | undefined,
  ) => {
    const connector = owners.get(type);
    const limit = own ?? connector?.rateLimit;
    const owner = own ? type : (connector?.id ?? type);
    return bindHttpClient(http, {
      signal,
      allowedHosts: credential?.allowedHosts ?? [],
      ...(limit
        ? { rateLimit: { limiter: rateLimiter, key: `${owner}:${credential?.id ?? ''}`, limit } }
        : {}),
      ...(options.retry ? { retry: options.retry } : {}),
    });
  };

  // Test runs and tests have no store: their numbers and documents live as long as this invoker.
  const memorySequences = createMemorySequences();
  const memoryDocuments = createMemoryDocumentLog();

  return {
    async invoke(call) {
      const operation = operations.get(call.type);
      if (!operation) {
        throw systemError({
          code: 'UNKNOWN_NODE_TYPE',
          message: `No installed connector provides the node type "${call.type}"; install its connector or change the node's type.`,
          retryable: false,
        });
      }
      const credential = credentialForOperation(operation, call.credential);
      const config = checkValue(operation.configSchema, call.config ?? {}, {
        subject: 'config',
        code: 'INVALID_CONFIG',
      });
      const input = operation.inputSchema
        ? checkValue(operation.inputSchema, call.input, { subject: 'input', code: 'INVALID_INPUT' })
        : call.input;
      const returned = await operation.run({
        config,
        input,
        credential,
        idempotencyKey: call.idempotencyKey,
        attempt: call.attempt,
        executionId: call.executionId,
        nodeId: call.nodeId,
        stepKey: call.stepKey,
        signal: call.signal,
        log: (line) => call.log(line),
        http: bind(operation.type, operation.rateLimit, call.signal, credential),
        sequences: call.sequences ?? memorySequences,
        documents: call.documents ?? memoryDocuments,
      });
      if (!(returned instanceof RoutedOutput)) return { output: returned };
      const ports = operation.outputs ?? ['out'];
      if (!ports.includes(returned.port)) {
        throw systemError({
          code: 'UNKNOWN_PORT',
          message: `The operation "${operation.type}" sent its output to the port "${returned.port}", which it does not declare; this is a bug in the connector.`,
          retryable: false,
        });
      }
      return { output: returned.output, port: returned.port };
    },
    manifests: () => manifests.map((manifest) => structuredClone(manifest)),
    credentialTypes: () => [...credentialTypes.values()].map(credentialTypeManifest),
    operation: (type) => operations.get(type),
    triggerManifests: () => [...triggers.values(), ...webhooks.values()].map(triggerManifestOf),
    async testCredential(credential, signal) {
      const credentialType = credentialTypes.get(credential.type);
      if (!credentialType?.test) return undefined;
      const allowedHosts = credential.allowedHosts ?? [];
      const values: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(credential.values))
        if (typeof value === 'string') values[name] = value;
      try {
        return await credentialType.test({
          id: credential.id,
          values,
          allowedHosts,
          signal,
          http: bindHttpClient(http, { signal, allowedHosts }),
        });
      } catch (error) {
        // A refused or failed request is the test's answer, not an error of the test itself.
        return { ok: false, message: toErrorInfo(error).message };
      }
    },
    pollingTrigger: (type) => triggers.get(type),
    webhookTrigger: (type) => webhooks.get(type),
    async verifyWebhook(request) {
      const trigger = webhooks.get(request.type);
      if (!trigger) {
        throw systemError({
          code: 'UNKNOWN_TRIGGER_TYPE',
          message: `No installed connector provides the webhook trigger "${request.type}".`,
          retryable: false,
        });
      }
      const credential = credentialForOperation(trigger, request.credential);
      const config = checkValue(trigger.configSchema, request.config ?? {}, {
        subject: 'config',
        code: 'INVALID_CONFIG',
      });
      return (
        (await trigger.verify({ config, credential, delivery: request.delivery, now: request.now })) ??
        'accept'
      );
    },
    async poll(request) {
      const trigger = triggers.get(request.type);
      if (!trigger) {
        throw systemError({
          code: 'UNKNOWN_TRIGGER_TYPE',
          message: `No installed connector provides the trigger "${request.type}".`,
          retryable: false,
        });
      }
      const credential = credentialForOperation(trigger, request.credential);
      const config = checkValue(trigger.configSchema, request.config ?? {}, {
        subject: 'config',
        code: 'INVALID_CONFIG',
      });
      return trigger.poll({
        config,
        credential,
        cursor: request.cursor,
        signal: request.signal,
        log: (line) => request.log(line),
        http: bind(trigger.type, undefined, request.signal, credential),
      });
    },
  };
}
