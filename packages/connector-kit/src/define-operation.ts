import type { Static, TSchema, TUnknown } from '@sinclair/typebox';
import type { NodeEffect } from '@waybill/flow';
import type { LogLine } from './connector-call.js';
import type { CredentialType, TypedCredential } from './credential-type.js';
import type { DocumentLog, SequenceCounter } from './execution-records.js';
import type { BoundHttpClient } from './http/bound-client.js';
import type { RateLimit } from './http/rate-limiter.js';

/**
 * How a write stays effectively once when the engine retries or replays it:
 * - native-key: the external system deduplicates on the idempotency key we send;
 * - upsert-by-external-id: the write is keyed by an id from our side, so repeating it overwrites;
 * - lookup-before-create: the operation looks for its earlier result before creating;
 * - none: repeating the call repeats the effect (a write must then say why in `idempotencyNote`).
 *
 * @example
 * const idempotency: Idempotency = 'native-key';
 */
export type Idempotency = 'native-key' | 'upsert-by-external-id' | 'lookup-before-create' | 'none';

/**
 * Which credential types an operation accepts and whether it runs without one.
 *
 * @example
 * const credential = { types: [httpBearer, httpBasic], required: false };
 */
export interface OperationCredential<
  TTypes extends readonly CredentialType[] = readonly CredentialType[],
  TRequired extends boolean = boolean,
> {
  types: TTypes;
  required: TRequired;
}

/**
 * The credential `run` sees: always present when required, possibly undefined otherwise, and
 * undefined when the operation declares none.
 *
 * @example
 * type C = CredentialFor<[typeof httpBearer], true>; // { id; type: 'http-bearer'; values: { token: string }; allowedHosts }
 */
export type CredentialFor<
  TTypes extends readonly CredentialType[],
  TRequired extends boolean,
> = TRequired extends true ? TypedCredential<TTypes[number]> : TypedCredential<TTypes[number]> | undefined;

/**
 * Everything an operation's `run` receives. `config` and `input` are already checked against the
 * declared schemas (defaults applied), so their static types hold at run time.
 *
 * @example
 * run: async (ctx) => ctx.http.request({ method: 'GET', url: ctx.config.url })
 */
export interface OperationContext<TConfig, TInput, TCredential> {
  config: TConfig;
  input: TInput;
  credential: TCredential;
  /** Stable across retries and replays of this step; send it where the API deduplicates on a key. */
  idempotencyKey: string;
  /** 1 for the first try of this step in this execution. */
  attempt: number;
  executionId: string;
  nodeId: string;
  stepKey: string;
  /** Fires when the execution is cancelled or the worker shuts down. */
  signal: AbortSignal;
  log(line: LogLine): void;
  /** The outbound HTTP client, already bound to this call's signal and the credential's allowed hosts. */
  http: BoundHttpClient;
  /** Counters that never repeat a number (control numbers); the same numbers again when this step is retried. */
  sequences: SequenceCounter;
  /** Keeps the documents this step received or sent with the execution, for download and acknowledgments. */
  documents: DocumentLog;
}

/**
 * A declared operation. `run` uses method syntax on purpose: it keeps operations with specific
 * schemas assignable to the general `Operation` that connectors and the invoker hold.
 *
 * @example
 * const operations: Operation[] = [sendRequest];
 */
export interface Operation<
  TConfig extends TSchema = TSchema,
  TInput extends TSchema = TSchema,
  TOutput extends TSchema = TSchema,
  TTypes extends readonly CredentialType[] = readonly CredentialType[],
  TRequired extends boolean = boolean,
> {
  /** `<connector>.<verb>`, e.g. `odoo.createSaleOrder`. */
  type: string;
  title: string;
  description: string;
  icon?: string;
  effect: NodeEffect;
  idempotency: Idempotency;
  /** Why a write with idempotency 'none' is still safe (or accepted) to repeat. */
  idempotencyNote?: string;
  configSchema: TConfig;
  inputSchema?: TInput;
  outputSchema?: TOutput;
  credential?: OperationCredential<TTypes, TRequired>;
  /**
   * Its own rate limit per credential, for an endpoint with a quota of its own; otherwise the
   * connector's applies.
   */
  rateLimit?: RateLimit;
  /** Output ports; `['out']` when absent. Every node also has the implicit `error` port. */
  outputs?: string[];
  defaultPort?: string;
  run(
    ctx: OperationContext<Static<TConfig>, Static<TInput>, CredentialFor<TTypes, TRequired>>,
  ): Promise<Static<TOutput> | RoutedOutput<Static<TOutput>>>;
}

/**
 * Declares a connector operation; `ctx.config`, `ctx.input`, `ctx.credential` and the return
 * value are typed from the declared schemas and credential types, so no casts are needed.
 *
 * @example
 * export const getOrder = defineOperation({
 *   type: 'shop.getOrder', title: 'Get order', description: 'Reads one order by its number.',
 *   effect: 'read', idempotency: 'none',
 *   configSchema: Type.Object({ baseUrl: Type.String() }),
 *   inputSchema: Type.Object({ number: Type.String() }),
 *   run: async (ctx) => (await ctx.http.request({ url: `${ctx.config.baseUrl}/orders/${ctx.input.number}` })).json(),
 * });
 */
export function defineOperation<
  TConfig extends TSchema,
  TInput extends TSchema = TUnknown,
  TOutput extends TSchema = TUnknown,
  const TTypes extends readonly CredentialType[] = readonly [],
  TRequired extends boolean = false,
>(
  definition: Operation<TConfig, TInput, TOutput, TTypes, TRequired>,
): Operation<TConfig, TInput, TOutput, TTypes, TRequired> {
  const outputs = definition.outputs ?? ['out'];
  // A default port outside the outputs would route disabled nodes into a port no edge can use.
  if (definition.defaultPort !== undefined && !outputs.includes(definition.defaultPort)) {
    throw new Error(
      `Operation "${definition.type}" names the default port "${definition.defaultPort}", which is not one of its outputs.`,
    );
  }
  return definition;
}

/**
 * An output sent to a named port instead of the default one; create it with `routeTo`.
 *
 * @example
 * const routed: RoutedOutput<{ id: number }> = routeTo('created', { id: 1 });
 */
export class RoutedOutput<T> {
  constructor(
    readonly port: string,
    readonly output: T,
  ) {}
}

/**
 * Sends an operation's output to one of its declared ports, e.g. `found` / `notFound`.
 *
 * @example
 * return existing ? routeTo('found', existing) : routeTo('notFound', ctx.input);
 */
export function routeTo<T>(port: string, output: T): RoutedOutput<T> {
  return new RoutedOutput(port, output);
}
