import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../schema/flow-schema.js';
import { canonicalJson, contentHash } from './content-hash.js';
import { createRevision, revisionHash } from './revision.js';

const flow: FlowDefinition = {
  schemaVersion: 1,
  id: 'orders',
  name: 'Orders',
  trigger: { type: 'core.manual', config: {} },
  nodes: [{ id: 'map', type: 'core.transform', config: { expression: '{ "n": name }' } }],
  edges: [{ from: 'trigger', to: 'map' }],
};

describe('revisions', () => {
  it('hash the same content the same way whatever the key order', () => {
    const reordered = JSON.parse(
      '{"edges":[{"to":"map","from":"trigger"}],"nodes":[{"config":{"expression":"{ \\"n\\": name }"},"type":"core.transform","id":"map"}],"trigger":{"config":{},"type":"core.manual"},"name":"Orders","id":"orders","schemaVersion":1}',
    );
    expect(revisionHash(reordered)).toBe(revisionHash(flow));
    expect(revisionHash(flow)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('leave the canvas layout out of the hash', () => {
    expect(revisionHash({ ...flow, layout: { nodes: { map: { x: 10, y: 20 } } } })).toBe(revisionHash(flow));
  });

  it('change the hash when anything that changes behaviour changes', () => {
    const changed = { ...flow, nodes: [{ ...flow.nodes[0]!, config: { expression: '{ "n": number }' } }] };
    expect(revisionHash(changed)).not.toBe(revisionHash(flow));
  });

  it('are immutable copies, unaffected by later edits to the source object', () => {
    const source = structuredClone(flow);
    const revision = createRevision(source);
    source.name = 'Renamed';
    expect(revision.definition.name).toBe('Orders');
    expect(() => {
      (revision.definition.nodes[0] as { id: string }).id = 'other';
    }).toThrow(TypeError);
    expect(revision.hash).toBe(revisionHash(flow));
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and hashes to the SHA-256 of that text', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: 'x' })).toBe('{"a":"x","b":[{"c":2,"d":1}]}');
    expect(contentHash({ a: 1 })).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });
});
