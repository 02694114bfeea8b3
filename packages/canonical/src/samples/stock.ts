import type { CanonicalInventory } from '../entities/inventory.js';
import { deepFreeze } from './freeze.js';

/**
 * The stock of the Berlin warehouse the morning after order #1005 shipped: espresso beans partly
 * reserved, grinders sold out with a receipt due, one position in kilograms.
 *
 * @example
 * sampleInventory.positions[1]?.incoming?.[0]?.expectedOn; // '2025-03-12'
 */
export const sampleInventory: CanonicalInventory = deepFreeze({
  asOf: '2025-03-04T06:00:00+01:00',
  warehouse: { code: 'BER1', name: 'Berlin Tempelhof DC' },
  positions: [
    {
      sku: 'CB-ESP-1KG',
      description: 'Espresso beans 1 kg',
      onHand: '228',
      available: '192',
      reserved: '36',
      incoming: [{ quantity: '120', expectedOn: '2025-03-07' }],
      uom: 'Units',
    },
    {
      sku: 'GR-BUR-64',
      description: 'Burr grinder 64 mm',
      onHand: '0',
      available: '0',
      reserved: '0',
      incoming: [
        { quantity: '6', expectedOn: '2025-03-12' },
        { quantity: '12', expectedOn: '2025-03-26' },
      ],
    },
    { sku: 'CB-GRN-BULK', description: 'Green coffee, bulk', onHand: '412.5', available: '412.5', uom: 'kg' },
  ],
});
