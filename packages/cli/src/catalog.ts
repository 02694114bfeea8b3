import { coreNodeManifests, coreTriggerManifests, createCatalog, type NodeCatalog } from '@waybill/flow';

/**
 * The node and trigger types the CLI knows. Connector manifests join here as connectors arrive.
 *
 * @example
 * cliCatalog().node('core.transform')?.title; // 'Transform'
 */
export function cliCatalog(): NodeCatalog {
  return createCatalog({ nodes: coreNodeManifests, triggers: coreTriggerManifests });
}
