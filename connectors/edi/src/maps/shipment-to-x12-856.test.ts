import {
  type CanonicalShipment,
  canonicalSamples,
  sampleProduct,
  sampleShopifyOrder,
  sampleWarehouse,
} from '@waybill/canonical';
import { describe, expect, it } from 'vitest';
import { x12ShipNotice856 } from '../sets/x12/ship-notice-856.js';
import { runShippedMap, writeX12 } from './map-test-support.js';

const toX12 = async (input: unknown) => {
  const body = await runShippedMap('shipment-to-x12-856', input);
  const written = writeX12(body, { id: '856', functionalId: 'SH' }, [x12ShipNotice856]);
  return { ...written, lines: written.text.split('\n') };
};

const fullInput = {
  shipment: canonicalSamples.shipment,
  order: sampleShopifyOrder,
  warehouse: sampleWarehouse,
  products: [sampleProduct],
  today: '2025-03-03T17:05:00+01:00',
};

describe('shipment-to-x12-856', () => {
  it('writes the sample shipment as an 856 whose envelope validates, with BSN, carrier, dates and parties', async () => {
    const { problems, lines } = await toX12(fullInput);
    expect(problems).toEqual([]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'BSN*00*BER1/OUT/00042*20250303*1705*0001~',
        'HL*1**S*1~',
        'TD1*CTN*2****G*19.5*KG~',
        'TD5*B*2*DHL**DHL Paket~',
        'REF*BM*BER1/OUT/00042~',
        'REF*CN*00340434161094042557~',
        'DTM*011*20250303*1540*UT~',
        'N1*SF*Berlin Tempelhof DC*91*BER1~',
        'N1*ST*Café Lindenhof GmbH~',
        'N2*Anna Weber~',
        'N4*Berlin*BE*10969*DE~',
        'PRF*LH-2025-031***20250302~',
        'CTT*6~',
      ]),
    );
  });

  it('numbers the hierarchy shipment, order, then each package followed by its items, each pointing at its parent', async () => {
    const { lines } = await toX12(fullInput);
    expect(lines.filter((line) => line.startsWith('HL*'))).toEqual([
      'HL*1**S*1~',
      'HL*2*1*O*1~',
      'HL*3*2*P*1~',
      'HL*4*3*I*0~',
      'HL*5*2*P*1~',
      'HL*6*5*I*0~',
    ]);
  });

  it('writes each package with its SSCC, tracking number and weight, and each item with its ids and quantity', async () => {
    const { lines } = await toX12(fullInput);
    const pack = lines.slice(lines.indexOf('HL*3*2*P*1~'), lines.indexOf('HL*5*2*P*1~'));
    expect(pack).toEqual([
      'HL*3*2*P*1~',
      'TD1*CTN*1****G*13.1*KG~',
      'REF*CN*00340434161094042557~',
      'MAN*GM*340123450000000017~',
      'HL*4*3*I*0~',
      'LIN*13579246801*VN*CB-ESP-1KG*EN*4006381333931~',
      'SN1**12*EA~',
      'PID*F****Espresso beans 1 kg~',
    ]);
    expect(lines).toContain('LIN*13579246802*VN*GR-BUR-64~');
    expect(lines).toContain('SN1**1*EA~');
  });

  it('reads back into one flat HL loop of six levels', async () => {
    const { set } = await toX12(fullInput);
    expect(set?.body.HL_loop?.map((level) => level.HL)).toEqual([
      [{ HL01: '1', HL03: 'S', HL04: '1' }],
      [{ HL01: '2', HL02: '1', HL03: 'O', HL04: '1' }],
      [{ HL01: '3', HL02: '2', HL03: 'P', HL04: '1' }],
      [{ HL01: '4', HL02: '3', HL03: 'I', HL04: '0' }],
      [{ HL01: '5', HL02: '2', HL03: 'P', HL04: '1' }],
      [{ HL01: '6', HL02: '5', HL03: 'I', HL04: '0' }],
    ]);
  });

  it('sends the buyer part number and a 12-digit UPC when the order and products know them, and the unit as an X12 code', async () => {
    const order = structuredClone(sampleShopifyOrder);
    order.extensions = { edi: { buyerPartNumbers: { 'GR-BUR-64': 'ACME-88812' } } };
    const shipment = structuredClone(canonicalSamples.shipment);
    shipment.packages[1]!.items[0]!.uom = 'Dozens';
    const products = [{ ...sampleProduct, sku: 'GR-BUR-64', barcode: '012345678905' }];
    const { lines } = await toX12({ ...fullInput, shipment, order, products });
    expect(lines).toContain('LIN*13579246802*VN*GR-BUR-64*UP*012345678905*BP*ACME-88812~');
    expect(lines).toContain('SN1**1*DZ~');
  });

  it('writes a bare shipment without order, warehouse, carrier, weights or SSCCs', async () => {
    const shipment: CanonicalShipment = {
      orderNumber: 'PO-4711',
      packages: [{ items: [{ sku: 'A-1', quantity: '2.5', uom: 'kg' }] }, { items: [] }],
    };
    const { problems, lines } = await toX12({ shipment, today: '2025-03-05' });
    expect(problems).toEqual([]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'BSN*00*PO-4711*20250305*0000*0001~',
        'TD1*CTN*2~',
        'PRF*PO-4711~',
        'HL*3*2*P*1~',
        'LIN**VN*A-1~',
        'SN1**2.5*KG~',
        'HL*5*2*P*0~',
        'CTT*5~',
      ]),
    );
    expect(lines.some((line) => /^(TD5|MAN|REF|DTM|N1)\*/.test(line))).toBe(false);
  });
});
