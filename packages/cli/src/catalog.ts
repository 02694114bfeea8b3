import { createEngine, type Engine, type SecretsPort } from '@waybill/engine';
import type { NodeCatalog } from '@waybill/flow';
import { type Connectors, loadConnectors } from '@waybill/server';

/**
 * The node and trigger types the CLI knows: the core ones and every installed connector's.
 *
 * @example
 * cliCatalog().node('core.transform')?.title; // 'Transform'
 */
export function cliCatalog(): NodeCatalog {
  return loadConnectors().catalog;
}

/**
 * The engine `waybill run` and `waybill test` run flows with: every installed connector, the
 * simulators' credentials when given, and waits held in place however long, since the CLI has no
 * queue to hand a delayed execution to.
 *
 * @example
 * const engine = cliEngine(loadConnectors(), secrets);
 */
export function cliEngine(connectors: Connectors, secrets: SecretsPort | undefined): Engine {
  return createEngine({
    catalog: connectors.catalog,
    invoker: connectors.invoker,
    ...(secrets ? { secrets } : {}),
    maxInlineWaitMs: Number.POSITIVE_INFINITY,
  });
}
