import { createConnectorInvoker } from '@waybill/connector-kit';
import { coreNodeManifests, coreTriggerManifests, createCatalog, validateFlow } from '@waybill/flow';
import { describe, expect, it } from 'vitest';
import { httpConnector } from './connector.js';

const catalog = createCatalog({
  nodes: [...coreNodeManifests, ...createConnectorInvoker([httpConnector]).manifests()],
  triggers: coreTriggerManifests,
});

function flowWith(config: Record<string, unknown>) {
  return {
    schemaVersion: 1,
    id: 'notify-wms',
    name: 'Notify the WMS',
    trigger: { type: 'core.webhook', config: {} },
    nodes: [{ id: 'notify', type: 'http.request', credential: 'wms', config }],
    edges: [{ from: 'trigger', to: 'notify' }],
  };
}

describe('http.request in a flow definition', () => {
  it('passes the flow validator with a minimal config', () => {
    const result = validateFlow(flowWith({ url: 'https://wms.example.com/api/orders' }), catalog);
    expect(result.problems).toEqual([]);
  });

  it('is reported by the flow validator when its config is wrong', () => {
    const result = validateFlow(flowWith({ url: 'wms.example.com', method: 'TRACE' }), catalog);
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.pointer)).toEqual(
      expect.arrayContaining([expect.stringContaining('/nodes/0/config')]),
    );
  });
});
