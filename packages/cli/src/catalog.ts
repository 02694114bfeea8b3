import type { NodeCatalog } from '@waybill/flow';
import { loadConnectors } from '@waybill/server';

/**
 * The node and trigger types the CLI knows: the core ones and every installed connector's.
 *
 * @example
 * cliCatalog().node('core.transform')?.title; // 'Transform'
 */
export function cliCatalog(): NodeCatalog {
  return loadConnectors().catalog;
}
