/**
 * What the validator, the engine and the canvas palette know about a node or trigger type.
 * Manifests are plain data (JSON-serialisable) so the server can hand them to the studio as they are.
 *
 * @example
 * const manifest: NodeTypeManifest = {
 *   type: 'core.transform', title: 'Transform', category: 'core', effect: 'pure',
 *   configSchema: { type: 'object', properties: { expression: { type: 'string', 'x-jsonata': true } } },
 *   outputs: ['out'], defaultPort: 'out',
 * };
 */

/** pure: no I/O; read: reads from an external system; write: changes an external system. */
export type NodeEffect = 'pure' | 'read' | 'write';

export type JsonSchema = Record<string, unknown>;

export interface NodeTypeManifest {
  /** `core.<name>` or `<connector>.<operation>`. */
  type: string;
  title: string;
  description?: string;
  /** Palette group: `core`, or the connector's id. */
  category: string;
  /** Name of an icon the studio knows, or a data: URL. */
  icon?: string;
  effect: NodeEffect;
  configSchema: JsonSchema;
  /** Output ports always present. Every node also has an implicit `error` port. */
  outputs: string[];
  /** Extra output ports named by the config, e.g. the branch node's cases. */
  dynamicOutputs?: { configArray: string; nameField: string };
  /** The port a disabled node passes its input through to; without one a disabled node ends its path. */
  defaultPort?: string;
  /** Present when the node type calls an external system with stored credentials. */
  credential?: { types: string[]; required: boolean };
  /** Declared by connector operations so the canvas can show what goes in and what comes out. */
  inputSchema?: JsonSchema;
  outputSchema?: JsonSchema;
  /** Connector operations: how a write stays effectively once (native-key, upsert-by-external-id, lookup-before-create, none). */
  idempotency?: string;
  /** Connector operations: how fast calls with one credential may go (the operation's or its connector's). */
  rateLimit?: { requests: number; perSeconds: number; burst?: number };
}

export interface TriggerTypeManifest {
  type: string;
  title: string;
  description?: string;
  category: string;
  /** poll: the runtime asks the system on an interval; webhook: the system posts to /hooks/<flow>. */
  kind?: 'poll' | 'webhook';
  configSchema: JsonSchema;
  credential?: { types: string[]; required: boolean };
}

/** The port every node has for failures that exhausted their retries. */
export const ERROR_PORT = 'error';
/** The single input port of every node. */
export const INPUT_PORT = 'in';
