import type { Static, TSchema } from '@sinclair/typebox';
import type { TriggerTypeManifest } from '@waybill/flow';
import type { LogLine } from './connector-call.js';
import type { CredentialType } from './credential-type.js';
import type { CredentialFor, OperationCredential } from './define-operation.js';
import type { WebhookTrigger } from './define-webhook-trigger.js';
import type { BoundHttpClient } from './http/bound-client.js';
import { plainSchema } from './manifest-of.js';

/** One record a poll found: it becomes one execution, unless its dedupe key was seen before. */
export interface PolledItem {
  payload: unknown;
  /** Identifies this version of the record, e.g. `<id>@<write date>`: a repeat is not run again. */
  dedupeKey: string;
}

export interface PollResult {
  items: PolledItem[];
  /** Stored durably and handed to the next poll; survives restarts and redeploys. */
  cursor: unknown;
}

/**
 * What a polling trigger's `poll` receives: its checked config, credential and the cursor the
 * previous poll returned (undefined on the first).
 *
 * @example
 * poll: async (ctx) => ({ items: [], cursor: ctx.cursor })
 */
export interface PollContext<TConfig, TCredential> {
  config: TConfig;
  credential: TCredential;
  cursor: unknown;
  signal: AbortSignal;
  log(line: LogLine): void;
  http: BoundHttpClient;
}

/**
 * A trigger that asks an external system for what changed since its cursor, on an interval.
 * `poll` uses method syntax so specific triggers stay assignable to the general type.
 *
 * @example
 * const triggers: PollingTrigger[] = [pollEndpoint];
 */
export interface PollingTrigger<
  TConfig extends TSchema = TSchema,
  TTypes extends readonly CredentialType[] = readonly CredentialType[],
  TRequired extends boolean = boolean,
> {
  /** `<connector>.<name>`, e.g. `odoo.modelChanged`. */
  type: string;
  title: string;
  description: string;
  configSchema: TConfig;
  credential?: OperationCredential<TTypes, TRequired>;
  /** Seconds between polls when the flow's config has no `intervalSeconds`. */
  defaultIntervalSeconds: number;
  poll(ctx: PollContext<Static<TConfig>, CredentialFor<TTypes, TRequired>>): Promise<PollResult>;
}

/**
 * Declares a polling trigger with `ctx.config` and `ctx.credential` typed from its schema and
 * credential types.
 *
 * @example
 * export const pollEndpoint = defineTrigger({ type: 'http.poll', title: 'Poll an endpoint', description: '…',
 *   configSchema: Type.Object({ url: Type.String() }), defaultIntervalSeconds: 60,
 *   poll: async (ctx) => ({ items: [], cursor: ctx.cursor }) });
 */
export function defineTrigger<
  TConfig extends TSchema,
  const TTypes extends readonly CredentialType[] = readonly [],
  TRequired extends boolean = false,
>(definition: PollingTrigger<TConfig, TTypes, TRequired>): PollingTrigger<TConfig, TTypes, TRequired> {
  return definition;
}

/**
 * The trigger type manifest the catalog and the studio read, as plain data.
 *
 * @example
 * triggerManifestOf(pollEndpoint).type; // 'http.poll'
 */
export function triggerManifestOf(trigger: PollingTrigger | WebhookTrigger): TriggerTypeManifest {
  return {
    type: trigger.type,
    title: trigger.title,
    description: trigger.description,
    category: trigger.type.split('.')[0] ?? trigger.type,
    kind: isWebhookTrigger(trigger) ? 'webhook' : 'poll',
    configSchema: plainSchema(trigger.configSchema),
    ...(trigger.credential
      ? {
          credential: {
            types: trigger.credential.types.map((t) => t.type),
            required: trigger.credential.required,
          },
        }
      : {}),
  };
}

/**
 * Tells a webhook trigger from a polling one.
 *
 * @example
 * isWebhookTrigger(shopifyWebhook); // true
 */
export function isWebhookTrigger(trigger: PollingTrigger | WebhookTrigger): trigger is WebhookTrigger {
  return 'kind' in trigger && trigger.kind === 'webhook';
}
