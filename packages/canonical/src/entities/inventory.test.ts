import { describe, expect, it } from 'vitest';
import { sampleInventory } from '../samples/index.js';
import { changed, errorsOf, REMOVE } from '../test-support.js';
import { type CanonicalInventory, CanonicalInventorySchema } from './inventory.js';

const inventoryErrors = (edits: Record<string, unknown>) =>
  errorsOf(CanonicalInventorySchema, changed(sampleInventory, edits));

describe('CanonicalInventorySchema', () => {
  it('accepts the sample advice of the Berlin warehouse', () => {
    expect(errorsOf(CanonicalInventorySchema, sampleInventory)).toEqual([]);
  });

  it('accepts an advice with only the required members', () => {
    const minimal: CanonicalInventory = {
      asOf: '2025-03-04T05:00:00Z',
      warehouse: { code: 'ATL3' },
      positions: [{ sku: 'A-1', onHand: '0', available: '0' }],
    };
    expect(errorsOf(CanonicalInventorySchema, minimal)).toEqual([]);
  });

  it('refuses a snapshot time without an offset, so advices from different systems compare', () => {
    expect(inventoryErrors({ '/asOf': '2025-03-04T06:00:00' })).toEqual([
      expect.objectContaining({ instancePath: '/asOf', keyword: 'format' }),
    ]);
  });

  it('refuses a quantity given as a number and a negative one, and points at each', () => {
    expect(inventoryErrors({ '/positions/0/onHand': 228, '/positions/1/available': '-2' })).toEqual([
      expect.objectContaining({ instancePath: '/positions/0/onHand', keyword: 'type' }),
      expect.objectContaining({ instancePath: '/positions/1/available', keyword: 'pattern' }),
    ]);
  });

  it('refuses an incoming receipt without its expected date', () => {
    expect(inventoryErrors({ '/positions/1/incoming/0/expectedOn': REMOVE })).toEqual([
      expect.objectContaining({
        instancePath: '/positions/1/incoming/0',
        keyword: 'required',
        params: { missingProperty: 'expectedOn' },
      }),
    ]);
  });

  it('refuses an expected date with a time', () => {
    expect(inventoryErrors({ '/positions/0/incoming/0/expectedOn': '2025-03-07T08:00:00Z' })).toEqual([
      expect.objectContaining({ instancePath: '/positions/0/incoming/0/expectedOn', keyword: 'format' }),
    ]);
  });

  it('refuses an advice without positions or without a warehouse code', () => {
    expect(inventoryErrors({ '/positions': [], '/warehouse/code': REMOVE })).toEqual([
      expect.objectContaining({ instancePath: '/warehouse', params: { missingProperty: 'code' } }),
      expect.objectContaining({ instancePath: '/positions', keyword: 'minItems' }),
    ]);
  });

  it('refuses warehouse details beyond its code and name, which belong to CanonicalWarehouse', () => {
    expect(inventoryErrors({ '/warehouse/address': { city: 'Berlin' } })).toEqual([
      expect.objectContaining({ instancePath: '/warehouse', params: { additionalProperty: 'address' } }),
    ]);
  });
});
