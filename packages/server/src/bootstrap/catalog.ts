import { ediConnector } from '@waybill/connector-edi';
import { httpConnector } from '@waybill/connector-http';
import { type ConnectorRuntime, createConnectorInvoker, userError } from '@waybill/connector-kit';
import { odooConnector } from '@waybill/connector-odoo';
import { salesforceConnector } from '@waybill/connector-salesforce';
import { shopifyConnector } from '@waybill/connector-shopify';
import type { SecretsPort } from '@waybill/engine';
import { coreNodeManifests, coreTriggerManifests, createCatalog, type NodeCatalog } from '@waybill/flow';
import type { Store } from '@waybill/store';
import { createTtlCache } from '../intake/ttl-cache.js';

/** The connectors this build of Waybill ships. */
export const installedConnectors = [
  httpConnector,
  odooConnector,
  shopifyConnector,
  salesforceConnector,
  ediConnector,
];

export interface Connectors {
  invoker: ConnectorRuntime;
  catalog: NodeCatalog;
}

/**
 * The installed connectors' invoker, and the catalog of every node and trigger type: the core
 * ones plus one per connector operation.
 *
 * @example
 * const { catalog, invoker } = loadConnectors();
 * catalog.node('http.request')?.effect; // 'write'
 */
export function loadConnectors(): Connectors {
  const invoker = createConnectorInvoker(installedConnectors);
  return {
    invoker,
    catalog: createCatalog({
      nodes: [...coreNodeManifests, ...invoker.manifests()],
      triggers: [...coreTriggerManifests, ...invoker.triggerManifests()],
    }),
  };
}

/** The catalog alone, for tools that only validate. */
export function defaultCatalog(): NodeCatalog {
  return loadConnectors().catalog;
}

/**
 * Resolves a node's credential from the store for the engine: decrypted values, the fields to
 * redact (those its credential type marks secret; every string when the type is unknown) and the
 * private hosts an admin allowed it to reach.
 *
 * @example
 * const engine = createEngine({ catalog, invoker, secrets: createSecretsPort(store, invoker) });
 */
export function createSecretsPort(store: Store, invoker: ConnectorRuntime, cacheMs = 5000): SecretsPort {
  const secretFieldsByType = new Map(
    invoker
      .credentialTypes()
      .map((type) => [type.type, type.fields.filter((f) => f.secret).map((f) => f.name)]),
  );
  // Every connector call resolves its credential; reading and decrypting it each time would cost
  // more than many calls do. An update reaches running workers within cacheMs.
  const revealed = createTtlCache(cacheMs, (id: string) => store.credentials.reveal(id));
  return {
    async resolve(credentialId, context) {
      const credential = await revealed.get(credentialId);
      if (!credential) {
        throw userError({
          code: 'CREDENTIAL_NOT_FOUND',
          message: `Node "${context.nodeId}" uses the credential "${credentialId}", which does not exist (any more).`,
        });
      }
      const secretFields = secretFieldsByType.get(credential.type);
      return {
        id: credential.id,
        type: credential.type,
        values: credential.values,
        allowedHosts: credential.allowedHosts,
        ...(credential.maxConcurrency ? { maxConcurrency: credential.maxConcurrency } : {}),
        ...(secretFields ? { secretFields } : {}),
      };
    },
  };
}
