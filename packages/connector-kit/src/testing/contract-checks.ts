import { isDeepStrictEqual } from 'node:util';
import type { NodeTypeManifest } from '@waybill/flow';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Connector } from '../define-connector.js';
import type { Operation } from '../define-operation.js';
import { isWebhookTrigger, triggerManifestOf } from '../define-trigger.js';
import { manifestOf } from '../manifest-of.js';

// ajv and ajv-formats are CommonJS; under NodeNext their default export sits one level down.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

const EFFECTS = ['pure', 'read', 'write'];
const IDEMPOTENCY = ['native-key', 'upsert-by-external-id', 'lookup-before-create', 'none'];

/**
 * One rule of the connector contract and the problems a connector has with it (empty: it holds).
 *
 * @example
 * const check: ContractCheck = { rule: 'every operation declares its effect and idempotency', problems: () => [] };
 */
export interface ContractCheck {
  rule: string;
  problems(): string[];
}

/**
 * The rules every connector follows, as checks that list problems in sentences. The vitest suite
 * `describeConnectorContract` runs one test per rule; tooling can call this directly.
 *
 * @example
 * for (const check of connectorContractChecks(httpConnector)) console.log(check.rule, check.problems());
 */
export function connectorContractChecks(connector: Connector): ContractCheck[] {
  const operations = connector.operations;
  const triggers = connector.triggers ?? [];
  return [
    {
      rule: 'every trigger is named <connector>.<name>, described, polls (if it polls) at a sane interval and has a plain-JSON manifest',
      problems: () =>
        triggers.flatMap((trigger) => {
          const problems: string[] = [];
          if (!new RegExp(`^${escapeRegExp(connector.id)}\\.[a-z][A-Za-z0-9]*$`).test(trigger.type)) {
            problems.push(`The trigger type "${trigger.type}" is not "${connector.id}.<name>".`);
          }
          if (operations.some((operation) => operation.type === trigger.type)) {
            problems.push(`The trigger "${trigger.type}" has the same type as an operation.`);
          }
          if (!trigger.title.trim() || !trigger.description.trim())
            problems.push(`The trigger "${trigger.type}" needs a title and a description.`);
          if (!isWebhookTrigger(trigger) && !(trigger.defaultIntervalSeconds >= 5))
            problems.push(`The trigger "${trigger.type}" polls more often than every 5 seconds by default.`);
          const manifest = triggerManifestOf(trigger);
          if (!isDeepStrictEqual(JSON.parse(JSON.stringify(manifest)), manifest)) {
            problems.push(`The manifest of the trigger "${trigger.type}" changes when sent as JSON.`);
          }
          return problems;
        }),
    },
    {
      rule: 'every operation has a unique type named <connector>.<verb> after its connector',
      problems: () => {
        const problems: string[] = [];
        if (!/^[a-z][A-Za-z0-9]*$/.test(connector.id)) {
          problems.push(`The connector id "${connector.id}" is not lower camel case.`);
        }
        const seen = new Set<string>();
        for (const { type } of operations) {
          if (seen.has(type)) problems.push(`Two operations share the type "${type}".`);
          seen.add(type);
          if (!new RegExp(`^${escapeRegExp(connector.id)}\\.[a-z][A-Za-z0-9]*$`).test(type)) {
            problems.push(`The operation type "${type}" is not "${connector.id}.<verb>".`);
          }
        }
        if (operations.length === 0) problems.push(`The connector "${connector.id}" has no operations.`);
        return problems;
      },
    },
    {
      rule: 'every operation has a title and a description',
      problems: () =>
        operations.flatMap((operation) =>
          operation.title.trim() && operation.description.trim()
            ? []
            : [`The operation "${operation.type}" needs a title and a description for the palette.`],
        ),
    },
    {
      rule: 'every manifest is plain JSON that survives a round trip',
      problems: () =>
        operations.flatMap((operation) => {
          try {
            const manifest = manifestOf(operation);
            const copy: unknown = JSON.parse(JSON.stringify(manifest));
            return isDeepStrictEqual(copy, manifest)
              ? []
              : [`The manifest of "${operation.type}" changes when sent as JSON.`];
          } catch (error) {
            return [
              `The manifest of "${operation.type}" is not JSON-serialisable: ${(error as Error).message}`,
            ];
          }
        }),
    },
    {
      rule: 'every config, input and output schema compiles with ajv in strict mode',
      problems: () => {
        const ajv = createContractAjv();
        return operations.flatMap((operation) => {
          const manifest = safeManifest(operation);
          if (!manifest) return [];
          const schemas = {
            config: manifest.configSchema,
            input: manifest.inputSchema,
            output: manifest.outputSchema,
          };
          return Object.entries(schemas).flatMap(([name, schema]) => {
            if (schema === undefined) return [];
            try {
              ajv.compile(schema);
              return [];
            } catch (error) {
              return [
                `The ${name} schema of "${operation.type}" does not compile: ${(error as Error).message}`,
              ];
            }
          });
        });
      },
    },
    {
      rule: 'every operation declares its effect and idempotency',
      problems: () =>
        operations.flatMap((operation) => [
          ...(EFFECTS.includes(operation.effect)
            ? []
            : [`The operation "${operation.type}" has the unknown effect "${String(operation.effect)}".`]),
          ...(IDEMPOTENCY.includes(operation.idempotency)
            ? []
            : [
                `The operation "${operation.type}" has the unknown idempotency "${String(operation.idempotency)}".`,
              ]),
        ]),
    },
    {
      rule: 'every write operation is idempotent or says why it is not',
      problems: () =>
        operations.flatMap((operation) =>
          operation.effect === 'write' &&
          operation.idempotency === 'none' &&
          !operation.idempotencyNote?.trim()
            ? [
                `The write operation "${operation.type}" declares idempotency "none" without an idempotencyNote saying why repeating it is acceptable.`,
              ]
            : [],
        ),
    },
    {
      rule: 'every credential type an operation accepts belongs to the connector',
      problems: () => {
        const problems: string[] = [];
        const own = new Map(
          connector.credentialTypes.map((credentialType) => [credentialType.type, credentialType]),
        );
        if (own.size !== connector.credentialTypes.length) {
          problems.push(`The connector "${connector.id}" lists a credential type twice.`);
        }
        for (const operation of operations) {
          for (const credentialType of operation.credential?.types ?? []) {
            if (own.get(credentialType.type) !== credentialType) {
              problems.push(
                `The operation "${operation.type}" accepts the credential type "${credentialType.type}", which the connector does not list.`,
              );
            }
          }
          if (operation.credential && operation.credential.types.length === 0) {
            problems.push(`The operation "${operation.type}" declares a credential but no credential type.`);
          }
        }
        return problems;
      },
    },
    {
      rule: 'every rate limit allows at least one request in a positive time',
      problems: () =>
        [
          { owner: `The connector "${connector.id}"`, limit: connector.rateLimit },
          ...operations.map((operation) => ({
            owner: `The operation "${operation.type}"`,
            limit: operation.rateLimit,
          })),
        ].flatMap(({ owner, limit }) =>
          !limit ||
          (limit.requests > 0 && limit.perSeconds > 0 && (limit.burst === undefined || limit.burst >= 1))
            ? []
            : [`${owner} declares a rate limit that lets no request through: ${JSON.stringify(limit)}.`],
        ),
    },
    {
      rule: 'every output port list is non-empty and holds the default port',
      problems: () =>
        operations.flatMap((operation) => {
          const manifest = safeManifest(operation);
          if (!manifest) return [];
          if (manifest.outputs.length === 0) return [`The operation "${operation.type}" has no output port.`];
          if (manifest.outputs.includes('error')) {
            return [`The operation "${operation.type}" declares the implicit "error" port as an output.`];
          }
          return manifest.defaultPort && manifest.outputs.includes(manifest.defaultPort)
            ? []
            : [`The default port of "${operation.type}" is not one of its outputs.`];
        }),
    },
  ];
}

/**
 * An ajv instance as strict as the flow validator's, knowing the annotation keywords the studio
 * reads (x-jsonata, x-language, x-templates, x-cron, x-timezone).
 *
 * @example
 * createContractAjv().compile({ type: 'string', 'x-jsonata': true });
 */
export function createContractAjv() {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-language', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-templates', schemaType: 'object' });
  for (const keyword of ['x-jsonata', 'x-cron', 'x-timezone'])
    ajv.addKeyword({ keyword, schemaType: 'boolean' });
  return ajv;
}

/** The JSON rule reports a manifest that cannot be built; the other rules skip it. */
function safeManifest(operation: Operation): NodeTypeManifest | undefined {
  try {
    return manifestOf(operation);
  } catch {
    return undefined;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
