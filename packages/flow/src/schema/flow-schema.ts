import { type Static, Type } from '@sinclair/typebox';

/**
 * The JSON Schema of flow.json, written with TypeBox so the schema and the static type cannot drift.
 *
 * @example
 * const flow: FlowDefinition = {
 *   schemaVersion: 1, id: 'orders', name: 'Orders',
 *   trigger: { type: 'core.manual', config: {} },
 *   nodes: [{ id: 'map', type: 'core.transform', config: { expression: '{ "n": name }' } }],
 *   edges: [{ from: 'trigger', to: 'map' }],
 * };
 */

/** Node ids appear in edge endpoints as `node.port`, so they may not contain dots. */
export const NODE_ID_PATTERN = '^[A-Za-z_][A-Za-z0-9_-]{0,63}$';

/** The reserved source of the edges that carry the trigger payload into the flow. */
export const TRIGGER_NODE_ID = 'trigger';

export const ErrorKindSchema = Type.Union([
  Type.Literal('user'),
  Type.Literal('connector'),
  Type.Literal('system'),
]);

export const RetryPolicySchema = Type.Object(
  {
    maxAttempts: Type.Integer({
      minimum: 1,
      maximum: 25,
      default: 1,
      description: 'Attempts in all, the first included.',
    }),
    backoff: Type.Optional(
      Type.Union([Type.Literal('exponential'), Type.Literal('fixed')], {
        default: 'exponential',
        description: 'How the wait grows between attempts.',
      }),
    ),
    initialMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400_000, default: 1000 })),
    maxMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 604_800_000, default: 300_000 })),
    jitter: Type.Optional(
      Type.Boolean({
        default: true,
        description: 'Spread waits randomly (full jitter) so retries do not stampede.',
      }),
    ),
    retryOn: Type.Optional(
      Type.Array(ErrorKindSchema, {
        uniqueItems: true,
        default: ['connector', 'system'],
        description: 'Error kinds that are retried, when the error itself says it is retryable.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type RetryPolicy = Static<typeof RetryPolicySchema>;

const JsonSchemaObject = Type.Record(Type.String(), Type.Unknown(), {
  description: 'A JSON Schema (draft 2020-12 or draft-07).',
});

export const NodeDefinitionSchema = Type.Object(
  {
    id: Type.String({ pattern: NODE_ID_PATTERN }),
    type: Type.String({ minLength: 1, description: 'A node type from the catalog, e.g. core.transform.' }),
    name: Type.Optional(Type.String({ maxLength: 200, description: 'Label shown on the canvas.' })),
    config: Type.Record(Type.String(), Type.Unknown(), { default: {} }),
    credential: Type.Optional(
      Type.String({ minLength: 1, description: 'Reference to a stored credential.' }),
    ),
    retry: Type.Optional(RetryPolicySchema),
    inputSchema: Type.Optional(JsonSchemaObject),
    outputSchema: Type.Optional(JsonSchemaObject),
    notes: Type.Optional(Type.String({ maxLength: 10_000 })),
    disabled: Type.Optional(
      Type.Boolean({ description: 'A disabled node passes its input through unchanged.' }),
    ),
  },
  { additionalProperties: false },
);
export type NodeDefinition = Static<typeof NodeDefinitionSchema>;

export const EdgeDefinitionSchema = Type.Object(
  {
    from: Type.String({ minLength: 1, description: '`trigger`, `node` (its `out` port) or `node.port`.' }),
    to: Type.String({ minLength: 1, description: '`node` or `node.in`.' }),
  },
  { additionalProperties: false },
);
export type EdgeDefinition = Static<typeof EdgeDefinitionSchema>;

export const TriggerDefinitionSchema = Type.Object(
  {
    type: Type.String({ minLength: 1 }),
    config: Type.Record(Type.String(), Type.Unknown(), { default: {} }),
    credential: Type.Optional(
      Type.String({
        minLength: 1,
        description: 'Credential the trigger needs, e.g. the secret webhook signatures are checked with.',
      }),
    ),
    dedupe: Type.Optional(
      Type.String({
        'x-jsonata': true,
        description: 'JSONata over the trigger payload giving the delivery key; repeats are not run twice.',
      }),
    ),
    businessKey: Type.Optional(
      Type.String({
        'x-jsonata': true,
        description:
          'JSONata over the trigger payload giving the key support searches by (order number, PO).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type TriggerDefinition = Static<typeof TriggerDefinitionSchema>;

export const StickyNoteSchema = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    text: Type.String({ maxLength: 10_000 }),
    x: Type.Number(),
    y: Type.Number(),
    width: Type.Optional(Type.Number()),
    height: Type.Optional(Type.Number()),
  },
  { additionalProperties: false },
);

/** Canvas positions and sticky notes: kept out of the content hash and the semantic diff. */
export const FlowLayoutSchema = Type.Object(
  {
    nodes: Type.Optional(
      Type.Record(
        Type.String(),
        Type.Object({ x: Type.Number(), y: Type.Number() }, { additionalProperties: false }),
      ),
    ),
    notes: Type.Optional(Type.Array(StickyNoteSchema)),
  },
  { additionalProperties: false },
);
export type FlowLayout = Static<typeof FlowLayoutSchema>;

export const FlowSettingsSchema = Type.Object(
  {
    maxConcurrency: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 10_000,
        description:
          'Executions of this flow running at once, across all workers; others wait their turn in the queue.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type FlowSettings = Static<typeof FlowSettingsSchema>;

export const FLOW_SCHEMA_VERSION = 1;

export const FlowDefinitionSchema = Type.Object(
  {
    schemaVersion: Type.Literal(FLOW_SCHEMA_VERSION),
    id: Type.String({
      pattern: '^[a-z0-9][a-z0-9-]{0,99}$',
      description: 'URL-safe flow id, e.g. shopify-order-intake.',
    }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    trigger: TriggerDefinitionSchema,
    nodes: Type.Array(NodeDefinitionSchema),
    edges: Type.Array(EdgeDefinitionSchema),
    settings: Type.Optional(FlowSettingsSchema),
    layout: Type.Optional(FlowLayoutSchema),
  },
  { additionalProperties: false, $id: 'https://waybill.dev/schemas/flow/v1.json' },
);
export type FlowDefinition = Static<typeof FlowDefinitionSchema>;
