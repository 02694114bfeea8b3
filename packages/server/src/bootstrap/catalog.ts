import { coreNodeManifests, coreTriggerManifests, createCatalog, type NodeCatalog } from '@waybill/flow';

/**
 * The node and trigger types this deployment knows: the core ones, plus each connector's manifests
 * as connectors are installed.
 *
 * @example
 * defaultCatalog().node('core.transform')?.effect; // 'pure'
 */
export function defaultCatalog(): NodeCatalog {
  return createCatalog({ nodes: coreNodeManifests, triggers: coreTriggerManifests });
}
