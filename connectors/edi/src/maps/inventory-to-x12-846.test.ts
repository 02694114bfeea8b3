import { type CanonicalInventory, sampleInventory, sampleProduct } from '@waybill/canonical';
import { describe, expect, it } from 'vitest';
import { x12InventoryAdvice846 } from '../sets/x12/inventory-advice-846.js';
import { runShippedMap, writeX12 } from './map-test-support.js';

const toX12 = async (input: unknown) => {
  const body = await runShippedMap('inventory-to-x12-846', input);
  const written = writeX12(body, { id: '846', functionalId: 'IB' }, [x12InventoryAdvice846]);
  return { ...written, lines: written.text.split('\n') };
};

const fullInput = {
  inventory: sampleInventory,
  products: [sampleProduct],
  today: '2025-03-04T06:15:00+01:00',
};

describe('inventory-to-x12-846', () => {
  it('writes the sample advice as an 846 whose envelope validates, with BIA, the snapshot time and the warehouse', async () => {
    const { problems, lines } = await toX12(fullInput);
    expect(problems).toEqual([]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'BIA*00*MM*BER1-202503040500*20250304*0615~',
        'DTM*007*20250304*0500*UT~',
        'N1*WH*Berlin Tempelhof DC*91*BER1~',
        'CTT*3~',
      ]),
    );
  });

  it('writes each position as a LIN loop with available, on hand, committed and incoming quantities', async () => {
    const { lines } = await toX12(fullInput);
    const first = lines.indexOf('LIN**VN*CB-ESP-1KG*EN*4006381333931~');
    expect(lines.slice(first, first + 7)).toEqual([
      'LIN**VN*CB-ESP-1KG*EN*4006381333931~',
      'PID*F****Espresso beans 1 kg~',
      'QTY*33*192*EA~',
      'QTY*17*228*EA~',
      'QTY*27*36*EA~',
      'QTY*63*120*EA~',
      'SCH*120*EA***017*20250307~',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining(['LIN**VN*CB-GRN-BULK~', 'QTY*33*412.5*KG~', 'QTY*17*412.5*KG~']),
    );
  });

  it('sums the incoming receipts into QTY*63 and schedules each on its own date', async () => {
    const { lines, set } = await toX12(fullInput);
    const grinder = lines.indexOf('LIN**VN*GR-BUR-64~');
    expect(lines.slice(grinder + 5, grinder + 8)).toEqual([
      'QTY*63*18*EA~',
      'SCH*6*EA***017*20250312~',
      'SCH*12*EA***017*20250326~',
    ]);
    expect(set?.body.LIN_loop?.[1]).toMatchObject({
      QTY_loop: [
        { QTY: [{ QTY01: '33', QTY02: '0' }] },
        { QTY: [{ QTY01: '17', QTY02: '0' }] },
        { QTY: [{ QTY01: '27', QTY02: '0' }] },
        { QTY: [{ QTY01: '63', QTY02: '18' }], SCH: [{ SCH01: '6' }, { SCH01: '12' }] },
      ],
    });
  });

  it('adds incoming decimals without float residue', async () => {
    const inventory: CanonicalInventory = {
      asOf: '2025-03-04T05:00:00Z',
      warehouse: { code: 'ATL3' },
      positions: [
        {
          sku: 'CB-GRN-BULK',
          onHand: '0',
          available: '0',
          uom: 'kg',
          incoming: [
            { quantity: '0.1', expectedOn: '2025-03-06' },
            { quantity: '0.2', expectedOn: '2025-03-07' },
          ],
        },
      ],
    };
    const { lines } = await toX12({ inventory, today: '2025-03-04' });
    expect(lines).toContain('QTY*63*0.3*KG~');
  });

  it('writes a bare advice without names, descriptions, reservations or incoming goods', async () => {
    const inventory: CanonicalInventory = {
      asOf: '2025-03-04T05:00:00Z',
      warehouse: { code: 'ATL3' },
      positions: [{ sku: 'A-1', onHand: '5', available: '5' }],
      extensions: { edi: { reference: 'INV-ATL3-0304' } },
    };
    const { problems, lines } = await toX12({ inventory, today: '2025-03-04' });
    expect(problems).toEqual([]);
    const body = lines.slice(
      lines.indexOf('ST*846*0001~') + 1,
      lines.findIndex((line) => line.startsWith('SE*')),
    );
    expect(body).toEqual([
      'BIA*00*MM*INV-ATL3-0304*20250304*0000~',
      'DTM*007*20250304*0500*UT~',
      'N1*WH*ATL3*91*ATL3~',
      'LIN**VN*A-1~',
      'QTY*33*5*EA~',
      'QTY*17*5*EA~',
      'CTT*1~',
    ]);
  });
});
