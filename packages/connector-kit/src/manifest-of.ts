import type { JsonSchema, NodeTypeManifest } from '@waybill/flow';
import type { Operation } from './define-operation.js';
import type { RateLimit } from './http/rate-limiter.js';

/**
 * The node type manifest of an operation, as plain JSON data: TypeBox's symbol keys are dropped by
 * a JSON round trip, so the server can hand the manifest to the studio and hash it as it is.
 *
 * @example
 * manifestOf(sendRequest);
 * // { type: 'http.request', title: 'HTTP request', category: 'http', effect: 'write', configSchema: {...},
 * //   outputs: ['out'], defaultPort: 'out', credential: { types: ['http-bearer', ...], required: false } }
 */
export function manifestOf(operation: Operation, connectorRateLimit?: RateLimit): NodeTypeManifest {
  const rateLimit = operation.rateLimit ?? connectorRateLimit;
  const outputs = operation.outputs ?? ['out'];
  const manifest: NodeTypeManifest = {
    type: operation.type,
    title: operation.title,
    description: operation.description,
    // The palette groups node types by connector, which is the prefix of the type.
    category: operation.type.split('.')[0] ?? operation.type,
    ...(operation.icon ? { icon: operation.icon } : {}),
    effect: operation.effect,
    configSchema: plainSchema(operation.configSchema),
    outputs: [...outputs],
    defaultPort: operation.defaultPort ?? outputs[0] ?? 'out',
    ...(operation.credential
      ? {
          credential: {
            types: operation.credential.types.map((credentialType) => credentialType.type),
            required: operation.credential.required,
          },
        }
      : {}),
    idempotency: operation.idempotency,
    ...(rateLimit ? { rateLimit: { ...rateLimit } } : {}),
    ...(operation.inputSchema ? { inputSchema: plainSchema(operation.inputSchema) } : {}),
    ...(operation.outputSchema ? { outputSchema: plainSchema(operation.outputSchema) } : {}),
  };
  return manifest;
}

/**
 * A schema as plain JSON: no symbol keys, no undefined members, no shared object identity.
 *
 * @example
 * plainSchema(Type.String()); // { type: 'string' }
 */
export function plainSchema(schema: object): JsonSchema {
  return JSON.parse(JSON.stringify(schema)) as JsonSchema;
}
