import { type Static, Type } from '@sinclair/typebox';
import type { NodeTypeManifest, TriggerTypeManifest } from './manifest.js';

/** The config schemas of the core node types; the engine reads configs through these static types. */

const Expression = (description: string) => Type.String({ minLength: 1, 'x-jsonata': true, description });

export const TransformConfigSchema = Type.Object(
  { expression: Expression('JSONata evaluated against the node input; its result is the node output.') },
  { additionalProperties: false },
);
export type TransformConfig = Static<typeof TransformConfigSchema>;

export const ValidateConfigSchema = Type.Object(
  {
    schema: Type.Record(Type.String(), Type.Unknown(), {
      description: 'JSON Schema the input must satisfy; `{ "$ref": "<id>" }` names a registered schema.',
    }),
  },
  { additionalProperties: false },
);
export type ValidateConfig = Static<typeof ValidateConfigSchema>;

export const BranchConfigSchema = Type.Object(
  {
    cases: Type.Array(
      Type.Object(
        {
          port: Type.String({
            pattern: '^[A-Za-z_][A-Za-z0-9_-]{0,63}$',
            description: 'Output port taken when the condition holds.',
          }),
          condition: Expression('JSONata; the case matches when it is truthy.'),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    mode: Type.Optional(
      Type.Union([Type.Literal('first')], { default: 'first', description: 'The first matching case wins.' }),
    ),
  },
  { additionalProperties: false },
);
export type BranchConfig = Static<typeof BranchConfigSchema>;

export const ForEachConfigSchema = Type.Object(
  {
    items: Type.Optional(Expression('JSONata giving the array to iterate; defaults to the input itself.')),
    concurrency: Type.Optional(Type.Integer({ minimum: 1, maximum: 32, default: 4 })),
    onItemError: Type.Optional(
      Type.Union([Type.Literal('fail'), Type.Literal('continue')], {
        default: 'fail',
        description: 'fail: the loop fails when an item fails; continue: the item result records the error.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ForEachConfig = Static<typeof ForEachConfigSchema>;

export const MergeConfigSchema = Type.Object(
  {
    mode: Type.Optional(
      Type.Union([Type.Literal('object'), Type.Literal('array'), Type.Literal('deep')], {
        default: 'object',
        description:
          'object: inputs keyed by source node id; array: inputs in edge order; deep: objects merged.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type MergeConfig = Static<typeof MergeConfigSchema>;

export const CodeConfigSchema = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      'x-language': 'javascript',
      description: 'Body of an async function; `input` holds the node input; `return` gives the output.',
    }),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 10, maximum: 30_000, default: 1000 })),
    memoryMb: Type.Optional(Type.Integer({ minimum: 8, maximum: 256, default: 64 })),
  },
  { additionalProperties: false },
);
export type CodeConfig = Static<typeof CodeConfigSchema>;

export const DelayConfigSchema = Type.Object(
  {
    ms: Type.Optional(Type.Integer({ minimum: 0, maximum: 31 * 86_400_000, description: 'Fixed wait.' })),
    until: Type.Optional(Expression('JSONata giving an ISO-8601 time to wait for.')),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type DelayConfig = Static<typeof DelayConfigSchema>;

export const RespondConfigSchema = Type.Object(
  {
    status: Type.Optional(Type.Integer({ minimum: 100, maximum: 599, default: 200 })),
    body: Type.Optional(Expression('JSONata giving the reply body; defaults to the node input.')),
    headers: Type.Optional(Type.Record(Type.String(), Type.String())),
  },
  { additionalProperties: false },
);
export type RespondConfig = Static<typeof RespondConfigSchema>;

export const FailConfigSchema = Type.Object(
  {
    code: Type.Optional(Type.String({ pattern: '^[A-Z][A-Z0-9_]{0,63}$', default: 'FLOW_FAILED' })),
    message: Type.String({ minLength: 1, description: 'The sentence support reads.' }),
    messageExpression: Type.Optional(
      Expression('JSONata giving the message from the input; wins over message.'),
    ),
  },
  { additionalProperties: false },
);
export type FailConfig = Static<typeof FailConfigSchema>;

export const FanOutConfigSchema = Type.Object(
  {
    flowId: Type.String({
      pattern: '^[a-z0-9][a-z0-9-]{0,99}$',
      description: 'The deployed flow each record (or chunk) is run with.',
    }),
    items: Type.Optional(Expression('JSONata giving the records; defaults to the input itself.')),
    chunkSize: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1000,
        default: 1,
        description: 'Records per child execution; 1 lets each record fail and be replayed alone.',
      }),
    ),
    businessKey: Type.Optional(
      Expression('JSONata over one record giving the child execution’s business key.'),
    ),
  },
  { additionalProperties: false },
);
export type FanOutConfig = Static<typeof FanOutConfigSchema>;

const core = (m: Omit<NodeTypeManifest, 'category'>): NodeTypeManifest => ({ category: 'core', ...m });

export const coreNodeManifests: readonly NodeTypeManifest[] = [
  core({
    type: 'core.transform',
    title: 'Transform',
    description: 'Reshape data with a JSONata expression.',
    icon: 'transform',
    effect: 'pure',
    configSchema: TransformConfigSchema,
    outputs: ['out'],
    defaultPort: 'out',
  }),
  core({
    type: 'core.validate',
    title: 'Validate',
    description: 'Check data against a JSON Schema; route to valid or invalid.',
    icon: 'check',
    effect: 'pure',
    configSchema: ValidateConfigSchema,
    outputs: ['valid', 'invalid'],
    defaultPort: 'valid',
  }),
  core({
    type: 'core.branch',
    title: 'Branch',
    description: 'Route to the first case whose JSONata condition holds, else to default.',
    icon: 'branch',
    effect: 'pure',
    configSchema: BranchConfigSchema,
    outputs: ['default'],
    dynamicOutputs: { configArray: 'cases', nameField: 'port' },
    defaultPort: 'default',
  }),
  core({
    type: 'core.forEach',
    title: 'For each',
    description: 'Run the nodes after the item port once per array item; done gets the collected results.',
    icon: 'loop',
    effect: 'pure',
    configSchema: ForEachConfigSchema,
    outputs: ['item', 'done'],
    defaultPort: 'done',
  }),
  core({
    type: 'core.merge',
    title: 'Merge',
    description: 'Wait for every incoming branch and join what arrived.',
    icon: 'merge',
    effect: 'pure',
    configSchema: MergeConfigSchema,
    outputs: ['out'],
    defaultPort: 'out',
  }),
  core({
    type: 'core.code',
    title: 'Code',
    description: 'Run JavaScript in a sandbox with memory and time limits.',
    icon: 'code',
    effect: 'pure',
    configSchema: CodeConfigSchema,
    outputs: ['out'],
    defaultPort: 'out',
  }),
  core({
    type: 'core.fanOut',
    title: 'Run per record',
    description:
      'Start one execution of another flow per record (or chunk of records), so each fails and is replayed alone.',
    icon: 'fan-out',
    effect: 'write',
    configSchema: FanOutConfigSchema,
    outputs: ['out'],
    defaultPort: 'out',
  }),
  core({
    type: 'core.delay',
    title: 'Delay',
    description: 'Wait for a time or until a moment before going on.',
    icon: 'clock',
    effect: 'pure',
    configSchema: DelayConfigSchema,
    outputs: ['out'],
    defaultPort: 'out',
  }),
  core({
    type: 'core.respond',
    title: 'Respond to webhook',
    description: 'Set the reply the webhook caller receives.',
    icon: 'reply',
    effect: 'pure',
    configSchema: RespondConfigSchema,
    outputs: ['out'],
    defaultPort: 'out',
  }),
  core({
    type: 'core.fail',
    title: 'Fail',
    description: 'Stop the execution with a chosen error.',
    icon: 'stop',
    effect: 'pure',
    configSchema: FailConfigSchema,
    outputs: [],
  }),
];

export const WebhookSignatureSchema = Type.Object(
  {
    header: Type.String({
      minLength: 1,
      description: 'Header carrying the signature, e.g. x-hub-signature-256.',
    }),
    algorithm: Type.Union(
      [Type.Literal('hmac-sha256'), Type.Literal('hmac-sha1'), Type.Literal('hmac-sha512')],
      {
        default: 'hmac-sha256',
      },
    ),
    encoding: Type.Union([Type.Literal('hex'), Type.Literal('base64')], { default: 'hex' }),
    prefix: Type.Optional(
      Type.String({ description: 'Text before the digest in the header, e.g. "sha256=".' }),
    ),
  },
  {
    additionalProperties: false,
    description: 'HMAC of the raw body with the secret of the trigger credential.',
  },
);
export type WebhookSignature = Static<typeof WebhookSignatureSchema>;

export const WebhookTriggerConfigSchema = Type.Object(
  {
    signature: Type.Optional(WebhookSignatureSchema),
    secretPath: Type.Optional(
      Type.Boolean({
        description:
          'Accept deliveries only at /hooks/<flow>/<secret>, the secret being the trigger credential’s; for senders that cannot sign.',
      }),
    ),
    method: Type.Optional(Type.Union([Type.Literal('POST'), Type.Literal('PUT')], { default: 'POST' })),
    respond: Type.Optional(
      Type.Union([Type.Literal('accepted'), Type.Literal('respondNode')], {
        default: 'accepted',
        description: 'accepted: reply 202 at once; respondNode: wait for the flow’s Respond node.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type WebhookTriggerConfig = Static<typeof WebhookTriggerConfigSchema>;

export const ScheduleTriggerConfigSchema = Type.Object(
  {
    cron: Type.String({
      minLength: 1,
      'x-cron': true,
      description: 'Five fields (minute hour day month weekday), or six with seconds first.',
    }),
    timezone: Type.Optional(
      Type.String({
        'x-timezone': true,
        default: 'UTC',
        description: 'IANA time zone the cron is read in, e.g. Europe/Berlin.',
      }),
    ),
    missedRuns: Type.Optional(
      Type.Union([Type.Literal('skip'), Type.Literal('runOnce'), Type.Literal('runAll')], {
        default: 'runOnce',
        description: 'After downtime: skip missed runs, run once for all of them, or run each (at most 100).',
      }),
    ),
    allowOverlap: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'Start a run while the previous one of this schedule is still going.',
      }),
    ),
    payload: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), { description: 'Data every run starts with.' }),
    ),
  },
  { additionalProperties: false },
);
export type ScheduleTriggerConfig = Static<typeof ScheduleTriggerConfigSchema>;

export const coreTriggerManifests: readonly TriggerTypeManifest[] = [
  {
    type: 'core.manual',
    title: 'Manual run',
    description: 'Started by hand or from the API with a payload.',
    category: 'core',
    configSchema: Type.Object({}, { additionalProperties: false }),
  },
  {
    type: 'core.webhook',
    title: 'Webhook',
    description: 'Started by an HTTP request; the payload is { headers, query, body }.',
    category: 'core',
    configSchema: WebhookTriggerConfigSchema,
    credential: { types: ['webhook-secret'], required: false },
  },
  {
    type: 'core.schedule',
    title: 'Schedule',
    description: 'Started on a cron schedule in a time zone; the payload is { scheduledAt, payload }.',
    category: 'core',
    configSchema: ScheduleTriggerConfigSchema,
  },
];
