import {
  type CanonicalShipment,
  CanonicalShipmentSchema,
  canonicalSamples,
  sampleShopifyOrder,
} from '@waybill/canonical';
import { describe, expect, it } from 'vitest';
import { x12ShipNotice856 } from '../sets/x12/ship-notice-856.js';
import { canonicalProblems, fixture, readSets, runShippedMap, writeX12 } from './map-test-support.js';

const fromX12 = async (text: string) => {
  const [set] = readSets(text, [x12ShipNotice856]);
  return (await runShippedMap('x12-856-to-shipment', set)) as CanonicalShipment;
};

const asn = (...body: string[]) =>
  [
    'ISA*00*          *00*          *ZZ*SUPPLIER       *ZZ*NORTHWIND      *250306*1433*U*00401*000000077*0*P*>',
    'GS*SH*SUPPLIER*NORTHWIND*20250306*1433*77*X*004010',
    'ST*856*0001',
    ...body,
    `SE*${body.length + 2}*0001`,
    'GE*1*77',
    'IEA*1*000000077',
  ]
    .map((segment) => `${segment}~\n`)
    .join('');

describe('x12-856-to-shipment', () => {
  it('maps a supplier ASN to a valid canonical shipment with its order, carrier, ship time and ship-to', async () => {
    const shipment = await fromX12(fixture('x12/856-supplier-asn.edi'));
    expect(canonicalProblems(CanonicalShipmentSchema, shipment)).toEqual([]);
    expect(shipment).toMatchObject({
      number: 'ASN-778812',
      orderNumber: 'PO-7781',
      shippedAt: '2025-03-06T14:15:00-05:00',
      carrier: 'UPSN',
      service: 'UPS GROUND',
      status: 'shipped',
      shipTo: {
        company: 'NORTHWIND COFFEE SUPPLY',
        name: 'RECEIVING DOCK 3',
        street1: '880 HARBOR BLVD',
        street2: 'SUITE 100',
        city: 'OAKLAND',
        region: 'CA',
        postalCode: '94607',
        countryCode: 'US',
      },
      extensions: {
        edi: {
          senderId: 'ROASTWORKS',
          billOfLading: 'BOL-5512093',
          shipFrom: { name: 'ROASTWORKS SUPPLY CO', id: 'V-2231' },
        },
      },
    });
  });

  it('rebuilds the packages from the HL parent links, with SSCC, tracking, weight and the items packed in each', async () => {
    const shipment = await fromX12(fixture('x12/856-supplier-asn.edi'));
    expect(shipment.packages).toEqual([
      {
        sscc: '006141411234567890',
        trackingNumber: '1Z999AA10123456784',
        weight: { value: '25.2', unit: 'lb' },
        items: [
          { sku: 'CB-ESP-1KG', quantity: '24', uom: 'Units' },
          { sku: 'CB-DEC-500G', quantity: '12', uom: 'Units' },
        ],
      },
      {
        sscc: '006141411234567897',
        trackingNumber: '1Z999AA10123456793',
        weight: { value: '18.1', unit: 'lb' },
        items: [{ sku: 'CB-ESP-1KG', quantity: '18', uom: 'Units' }],
      },
      {
        trackingNumber: '1Z999AA10123456800',
        weight: { value: '18.1', unit: 'lb' },
        items: [{ sku: 'RW-FLT-100', quantity: '2', uom: 'CA' }],
      },
    ]);
  });

  it('makes one package of every item when the ASN has no pack levels, and gives it the shipment tracking number', async () => {
    const shipment = await fromX12(
      asn(
        'BSN*00*SH-1*20250306*1432*0002',
        'HL*1**S*1',
        'REF*CN*PRO-99812',
        'HL*2*1*O*1',
        'PRF*PO-1',
        'HL*3*2*I*0',
        'LIN**VN*X-1',
        'SN1**3*DZ',
        'HL*4*2*I*0',
        'LIN**UP*012345678905',
        'SN1**1*EA',
        'CTT*4',
      ),
    );
    expect(canonicalProblems(CanonicalShipmentSchema, shipment)).toEqual([]);
    expect(shipment.packages).toEqual([
      {
        trackingNumber: 'PRO-99812',
        items: [
          { sku: 'X-1', quantity: '3', uom: 'Dozens' },
          { sku: '012345678905', quantity: '1', uom: 'Units' },
        ],
      },
    ]);
    expect(shipment.shippedAt).toBeUndefined();
    expect(shipment.shipTo).toBeUndefined();
  });

  it('keeps SSCCs, tracking numbers and per-package quantities through a round trip from a canonical shipment', async () => {
    const original = canonicalSamples.shipment;
    const body = await runShippedMap('shipment-to-x12-856', {
      shipment: original,
      order: sampleShopifyOrder,
      today: '2025-03-03',
    });
    const { text, problems } = writeX12(body, { id: '856', functionalId: 'SH' }, [x12ShipNotice856]);
    expect(problems).toEqual([]);
    const back = await fromX12(text);
    expect(canonicalProblems(CanonicalShipmentSchema, back)).toEqual([]);
    expect(back.packages.map((p) => ({ sscc: p.sscc, tracking: p.trackingNumber, items: p.items }))).toEqual([
      {
        sscc: '340123450000000017',
        tracking: '00340434161094042557',
        items: [{ sku: 'CB-ESP-1KG', quantity: '12', uom: 'Units' }],
      },
      {
        sscc: undefined,
        tracking: '00340434161094042564',
        items: [{ sku: 'GR-BUR-64', quantity: '1', uom: 'Units' }],
      },
    ]);
    expect(back.packages.map((p) => p.weight)).toEqual(original.packages.map((p) => p.weight));
    expect(back).toMatchObject({
      number: original.number,
      orderNumber: sampleShopifyOrder.poNumber,
      carrier: 'DHL',
      service: 'DHL Paket',
      shippedAt: '2025-03-03T15:40:00Z',
      shipTo: { company: 'Café Lindenhof GmbH', name: 'Anna Weber', city: 'Berlin', countryCode: 'DE' },
    });
    expect(new Date(back.shippedAt ?? '').getTime()).toBe(new Date(original.shippedAt ?? '').getTime());
  });
});
