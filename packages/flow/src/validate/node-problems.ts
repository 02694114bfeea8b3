import type { NodeCatalog } from '../node-types/catalog.js';
import type { FlowDefinition } from '../schema/flow-schema.js';
import { TRIGGER_NODE_ID } from '../schema/flow-schema.js';
import { describeAjvError, simplifyAjvErrors } from './ajv-messages.js';
import { compileSchema as compile } from './flow-ajv.js';
import type { Problem } from './problem.js';

/** Checks of the trigger and of each node on its own: types, configs, ids and credentials. */

export interface CredentialRef {
  id: string;
  type: string;
}

export function triggerProblems(
  flow: FlowDefinition,
  catalog: NodeCatalog,
  options: { credentials?: ReadonlyArray<CredentialRef> } = {},
): Problem[] {
  const credentials = options.credentials
    ? new Map(options.credentials.map((c) => [c.id, c.type]))
    : undefined;
  const manifest = catalog.trigger(flow.trigger.type);
  if (!manifest) {
    return [
      {
        code: 'unknown-trigger-type',
        pointer: '/trigger/type',
        message: `The trigger type "${flow.trigger.type}" is not known; pick one of ${catalog
          .triggers()
          .map((t) => t.type)
          .join(', ')}.`,
      },
    ];
  }
  const problems: Problem[] = [];
  const validate = compile(manifest.configSchema);
  if (!validate(flow.trigger.config ?? {})) {
    for (const error of simplifyAjvErrors(validate.errors ?? [])) {
      problems.push({
        code: 'invalid-trigger-config',
        pointer: `/trigger/config${error.instancePath}`,
        message: describeAjvError(error, 'The trigger config'),
      });
    }
  }
  // Signed webhooks are checked with the trigger credential's secret; without one nothing could pass.
  const signed =
    (typeof flow.trigger.config?.signature === 'object' && flow.trigger.config.signature !== null) ||
    flow.trigger.config?.secretPath === true;
  if (!flow.trigger.credential && (manifest.credential?.required || signed)) {
    problems.push({
      code: 'missing-credential',
      pointer: '/trigger/credential',
      message: `The ${manifest.title.toLowerCase()} trigger needs a credential of type ${manifest.credential?.types.join(' or ') ?? 'webhook-secret'}${signed ? ' to check signatures or the secret path with' : ''}.`,
    });
  }
  if (flow.trigger.credential && credentials) {
    const type = credentials.get(flow.trigger.credential);
    if (type === undefined) {
      problems.push({
        code: 'unknown-credential',
        pointer: '/trigger/credential',
        message: `The trigger uses the credential "${flow.trigger.credential}", which does not exist.`,
      });
    } else if (manifest.credential && !manifest.credential.types.includes(type)) {
      problems.push({
        code: 'wrong-credential-type',
        pointer: '/trigger/credential',
        message: `The trigger needs a credential of type ${manifest.credential.types.join(' or ')}, but "${flow.trigger.credential}" is a ${type} credential.`,
      });
    }
  }
  return problems;
}

export function nodeProblems(
  flow: FlowDefinition,
  catalog: NodeCatalog,
  options: { credentials?: ReadonlyArray<CredentialRef> },
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const credentials = options.credentials
    ? new Map(options.credentials.map((c) => [c.id, c.type]))
    : undefined;
  flow.nodes.forEach((node, index) => {
    const at = `/nodes/${index}`;
    if (node.id === TRIGGER_NODE_ID) {
      problems.push({
        code: 'duplicate-node-id',
        nodeId: node.id,
        pointer: `${at}/id`,
        message: `The id "${TRIGGER_NODE_ID}" is reserved for the trigger; rename the node.`,
      });
    } else if (seen.has(node.id)) {
      problems.push({
        code: 'duplicate-node-id',
        nodeId: node.id,
        pointer: `${at}/id`,
        message: `Two nodes share the id "${node.id}"; node ids must be unique.`,
      });
    }
    seen.add(node.id);

    const manifest = catalog.node(node.type);
    if (!manifest) {
      problems.push({
        code: 'unknown-node-type',
        nodeId: node.id,
        pointer: `${at}/type`,
        message: `Node "${node.id}" has the unknown type "${node.type}".`,
      });
      return;
    }
    const validate = compile(manifest.configSchema);
    if (!validate(node.config ?? {})) {
      for (const error of simplifyAjvErrors(validate.errors ?? [])) {
        problems.push({
          code: 'invalid-config',
          nodeId: node.id,
          pointer: `${at}/config${error.instancePath}`,
          message: `Node "${node.id}": ${describeAjvError(error, 'the config')}`,
        });
      }
    }
    if (manifest.credential?.required && !node.credential) {
      problems.push({
        code: 'missing-credential',
        nodeId: node.id,
        pointer: `${at}/credential`,
        message: `Node "${node.id}" needs a credential of type ${manifest.credential.types.join(' or ')}.`,
      });
    }
    if (node.credential && credentials) {
      const type = credentials.get(node.credential);
      if (type === undefined) {
        problems.push({
          code: 'unknown-credential',
          nodeId: node.id,
          pointer: `${at}/credential`,
          message: `Node "${node.id}" uses the credential "${node.credential}", which does not exist.`,
        });
      } else if (manifest.credential && !manifest.credential.types.includes(type)) {
        problems.push({
          code: 'wrong-credential-type',
          nodeId: node.id,
          pointer: `${at}/credential`,
          message: `Node "${node.id}" needs a credential of type ${manifest.credential.types.join(' or ')}, but "${node.credential}" is a ${type} credential.`,
        });
      }
    }
  });
  return problems;
}
