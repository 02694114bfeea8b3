import { sampleEdiOrder, sampleShopifyOrder } from '@waybill/canonical';
import { describe, expect, it } from 'vitest';
import { x12PurchaseOrder850 } from '../sets/x12/purchase-order-850.js';
import { x12WarehouseShippingOrder940 } from '../sets/x12/warehouse-shipping-order-940.js';
import { fixture, readSets, runShippedMap, writeX12 } from './map-test-support.js';

const set940 = { id: '940', functionalId: 'OW' };
const warehouse = { code: 'ATL1', name: 'Northwind 3PL Atlanta' };

const build940 = async (order: unknown, context: Record<string, unknown> = {}) => {
  const body = await runShippedMap('order-to-x12-940', {
    order,
    warehouse,
    shipmentId: 'WH/OUT/00042',
    today: '2025-03-04',
    ...context,
  });
  const written = writeX12(body, set940, [x12WarehouseShippingOrder940]);
  return { ...written, lines: written.text.split('\n') };
};

describe('order-to-x12-940', () => {
  it('turns the sample EDI order into a shipping order with ship-to, warehouse, dates and one LX loop per line', async () => {
    const { problems, lines, set } = await build940(sampleEdiOrder);
    expect(problems).toEqual([]);
    expect(lines.slice(3, -4)).toEqual([
      'W05*N*4500012345*4500012345*WH/OUT/00042~',
      'N1*ST*Acme Retail DC 12~',
      'N3*4100 Distribution Pkwy~',
      'N4*Atlanta*GA*30336*US~',
      'N1*WH*Northwind 3PL Atlanta*93*ATL1~',
      'N9*CO*4500012345~',
      'N9*SI*WH/OUT/00042~',
      'G62*04*20250303~',
      'G62*10*20250310~',
      'LX*1~',
      'W01*10*DZ**VN*CB-ESP-1KG~',
      'N9*LI*1~',
      'LX*2~',
      'W01*4*EA**VN*GR-BUR-64~',
      'N9*LI*2~',
      'W76*14~',
    ]);
    expect(set?.body.N1_loop).toHaveLength(2);
    expect(set?.body.LX_loop?.[1]).toEqual({
      LX: [{ LX01: '2' }],
      W01_loop: [
        {
          W01: [{ W0101: '4', W0102: 'EA', W0104: 'VN', W0105: 'GR-BUR-64' }],
          N9: [{ N901: 'LI', N902: '2' }],
        },
      ],
    });
  });

  it('sends the attention name, carrier contact, notes and carrier of a Shopify order', async () => {
    const { problems, lines } = await build940(sampleShopifyOrder);
    expect(problems).toEqual([]);
    expect(lines).toContain('W05*N*#1005*LH-2025-031*WH/OUT/00042~');
    expect(lines).toContain('N1*ST*Café Lindenhof GmbH~');
    expect(lines).toContain('N2*Anna Weber~');
    expect(lines).toContain('N3*Lindenstraße 12*Hinterhaus, 2. OG~');
    expect(lines).toContain('N4*Berlin*BE*10969*DE~');
    expect(lines).toContain('PER*IC*Anna Weber*TE*+493012345678*EM*anna.weber@cafe-lindenhof.de~');
    expect(lines).toContain('G62*04*20250302~');
    expect(lines).toContain('NTE*WHI*Please deliver before 10:00, café opens at 11.~');
    expect(lines).toContain('W66*PP*U***DHL Standard~');
    expect(lines).toContain('W01*12*EA**VN*CB-ESP-1KG~');
    expect(lines).toContain('G69*Espresso beans 1 kg~');
    expect(lines).toContain('N9*LI*13579246801~');
    expect(lines).toContain('W76*13~');
  });

  it('passes on the UPC, delivery date and SCAC an 850 brought in', async () => {
    const [po] = readSets(fixture('x12/850-maple-market-5010.edi'), [x12PurchaseOrder850]);
    const order = await runShippedMap('x12-850-to-order', po);
    const { problems, lines } = await build940(order);
    expect(problems).toEqual([]);
    expect(lines).toContain('W05*N*MM-88120*MM-88120*WH/OUT/00042~');
    expect(lines).toContain('N1*ST*MAPLE MARKET DC MONTREAL~');
    expect(lines).toContain('N2*RECEIVING DOCK 4~');
    expect(lines).toContain('N4*MONTREAL*QC*H4R 1P8*CA~');
    expect(lines).toContain('G62*10*20250310~');
    expect(lines).toContain('G62*02*20250314~');
    expect(lines).toContain('W66*PP*U***UPSN UPS STANDARD*****UPSN~');
    expect(lines).toContain('W01*24*EA**VN*CB-ESP-1KG*UP*012345678905~');
    expect(lines).toContain('W01*2*DZ**VN*CB-DEC-500G~');
    expect(lines).toContain('NTE*WHI*DELIVER TO DOCK 4 BETWEEN 08:00 AND 14:00~');
  });

  it('falls back to the customer name and today when the order has no address, date or line numbers', async () => {
    const order = {
      number: 'PO-77',
      source: { system: 'manual' },
      currency: 'USD',
      customer: { name: 'Corner Shop' },
      lines: [{ sku: 'A-1', quantity: '2.5', uom: 'kg', unitPrice: '30.00' }],
    };
    const { problems, lines } = await build940(order, { warehouse: { code: 'ATL1' } });
    expect(problems).toEqual([]);
    expect(lines.slice(3, -4)).toEqual([
      'W05*N*PO-77**WH/OUT/00042~',
      'N1*ST*Corner Shop~',
      'N1*WH**93*ATL1~',
      'N9*CO*PO-77~',
      'N9*SI*WH/OUT/00042~',
      'G62*04*20250304~',
      'LX*1~',
      'W01*2.5*KG**VN*A-1~',
      'W76*2.5~',
    ]);
  });
});
