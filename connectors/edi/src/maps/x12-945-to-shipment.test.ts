import { type CanonicalShipment, CanonicalShipmentSchema, sampleEdiOrder } from '@waybill/canonical';
import { describe, expect, it } from 'vitest';
import { x12WarehouseShippingAdvice945 } from '../sets/x12/warehouse-shipping-advice-945.js';
import { x12WarehouseShippingOrder940 } from '../sets/x12/warehouse-shipping-order-940.js';
import { canonicalProblems, fixture, readSets, runShippedMap, writeX12 } from './map-test-support.js';

const read945 = (text: string) => {
  const [set] = readSets(text, [x12WarehouseShippingAdvice945]);
  if (!set) throw new Error('no 945 in the interchange');
  return set;
};
const toShipment = async (text: string) =>
  (await runShippedMap('x12-945-to-shipment', read945(text))) as CanonicalShipment;

/** An interchange around the given 945 body segments, with SE counted. */
const interchange = (segments: string[]) =>
  [
    'ISA*00*          *00*          *ZZ*NORTHWIND3PL   *ZZ*WAYBILL        *250306*0815*U*00401*000000212*0*P*>~',
    'GS*SW*NORTHWIND3PL*WAYBILL*20250306*0815*212*X*004010~',
    'ST*945*0001~',
    ...segments.map((s) => `${s}~`),
    `SE*${segments.length + 2}*0001~`,
    'GE*1*212~',
    'IEA*1*000000212~',
  ].join('\n');

describe('x12-945-to-shipment', () => {
  it('groups the hand-written 945 into N1 loops and one LX container holding two W12 loops', () => {
    const { body } = read945(fixture('x12/945-northwind-3pl-one-carton.edi'));
    expect(body.N1_loop).toHaveLength(2);
    expect(body.LX_loop).toHaveLength(1);
    expect(body.LX_loop?.[0]).toEqual({
      LX: [{ LX01: '1' }],
      MAN: [{ MAN01: 'GM', MAN02: '00006141410000001231', MAN04: 'CP', MAN05: '1Z999AA10123456784' }],
      W12_loop: [
        {
          W12: [
            {
              W1201: 'CC',
              W1202: '12',
              W1203: '12',
              W1204: '0',
              W1205: 'EA',
              W1207: 'VN',
              W1208: 'CB-ESP-1KG',
            },
          ],
          G69: [{ G6901: 'ESPRESSO BEANS 1 KG' }],
        },
        {
          W12: [
            { W1201: 'CP', W1202: '2', W1203: '1', W1204: '1', W1205: 'EA', W1207: 'VN', W1208: 'GR-BUR-64' },
          ],
          G69: [{ G6901: 'BURR GRINDER 64 MM' }],
        },
      ],
    });
    expect(body.W03).toEqual([{ W0301: '13', W0302: '16.4', W0303: 'LB' }]);
  });

  it('maps the hand-written 945 to a valid shipment with one package carrying its SSCC and tracking number', async () => {
    const shipment = await toShipment(fixture('x12/945-northwind-3pl-one-carton.edi'));
    expect(canonicalProblems(CanonicalShipmentSchema, shipment)).toEqual([]);
    expect(shipment).toMatchObject({
      number: 'NW3PL-778812',
      orderNumber: '4500012345',
      warehouseCode: 'ATL1',
      shippedAt: '2025-03-04T16:30:00-05:00',
      carrier: 'UPSN',
      service: 'UPS GROUND',
      status: 'shipped',
      shipTo: {
        company: 'ACME RETAIL DC 12',
        street1: '4100 DISTRIBUTION PKWY',
        city: 'ATLANTA',
        region: 'GA',
        postalCode: '30336',
        countryCode: 'US',
      },
    });
    expect(shipment.packages).toEqual([
      {
        sscc: '006141410000001231',
        trackingNumber: '1Z999AA10123456784',
        weight: { value: '16.4', unit: 'lb' },
        items: [
          { sku: 'CB-ESP-1KG', quantity: '12', uom: 'Units' },
          { sku: 'GR-BUR-64', quantity: '1', uom: 'Units' },
        ],
      },
    ]);
  });

  it('keeps the references, totals and per-line shipped quantities for reconciliation', async () => {
    const shipment = await toShipment(fixture('x12/945-northwind-3pl-one-carton.edi'));
    expect(shipment.extensions?.edi).toEqual({
      senderId: 'NORTHWIND3PL',
      version: '004010',
      poNumber: '4500012345',
      references: { SI: 'WH/OUT/00042', BM: 'NW3PL-BOL-55120' },
      totals: { units: '13', weight: { value: '16.4', unit: 'lb' } },
      lines: [
        { sku: 'CB-ESP-1KG', status: 'CC', ordered: '12', shipped: '12' },
        { sku: 'GR-BUR-64', status: 'CP', ordered: '2', shipped: '1' },
      ],
    });
  });

  it('makes one package per SSCC and takes the shipment tracking number for packages without their own', async () => {
    const shipment = await toShipment(
      interchange([
        'W06*F*#1005*20250305*NW3PL-778900',
        'N9*2I*1Z999AA10123456799',
        'W27*U*UPSN',
        'LX*1',
        'MAN*GM*340123450000000017',
        'W12*CC*12*12*0*EA*012345678905',
        'LX*2',
        'MAN*GM*340123450000000024',
        'W12*CC*1*1*0*EA**SK*GR-BUR-64',
        'LX*3',
        'MAN*GM*340123450000000017',
        'W12*CC*2*2*0*DZ**BP*MM-77881*********VN*CB-DEC-500G',
        'W03*15',
      ]),
    );
    expect(canonicalProblems(CanonicalShipmentSchema, shipment)).toEqual([]);
    expect(shipment.shippedAt).toBe('2025-03-05T00:00:00Z');
    expect(shipment.service).toBeUndefined();
    expect(shipment.packages).toEqual([
      {
        sscc: '340123450000000017',
        trackingNumber: '1Z999AA10123456799',
        items: [
          { sku: '012345678905', quantity: '12', uom: 'Units' },
          { sku: 'CB-DEC-500G', quantity: '2', uom: 'Dozens' },
        ],
      },
      {
        sscc: '340123450000000024',
        trackingNumber: '1Z999AA10123456799',
        items: [{ sku: 'GR-BUR-64', quantity: '1', uom: 'Units' }],
      },
    ]);
  });

  it('puts W12 lines without MAN marks into one package and survives a 945 without parties, dates or carrier', async () => {
    const shipment = await toShipment(
      interchange([
        'W06*F*PO-77',
        'LX*1',
        'W12*CC*2*2*0*EA**VN*A-1',
        'LX*2',
        // A substitution: W1217/18 name the item ordered, W1207/08 the one shipped.
        'W12*IS*1*1*0*EA**SK*A-2*********VN*A-9',
      ]),
    );
    expect(canonicalProblems(CanonicalShipmentSchema, shipment)).toEqual([]);
    expect(shipment).toEqual({
      orderNumber: 'PO-77',
      packages: [
        {
          items: [
            { sku: 'A-1', quantity: '2', uom: 'Units' },
            { sku: 'A-2', quantity: '1', uom: 'Units' },
          ],
        },
      ],
      status: 'shipped',
      extensions: {
        edi: {
          senderId: 'NORTHWIND3PL',
          version: '004010',
          lines: [
            { sku: 'A-1', status: 'CC', ordered: '2', shipped: '2' },
            { sku: 'A-2', status: 'IS', ordered: '1', shipped: '1' },
          ],
        },
      },
    });
  });

  it('closes the loop with the 940: the order number sent in W0502 comes back as the shipment order number', async () => {
    const order940 = await runShippedMap('order-to-x12-940', {
      order: sampleEdiOrder,
      warehouse: { code: 'ATL1' },
      shipmentId: 'WH/OUT/00042',
      today: '2025-03-04',
    });
    const sent = writeX12(order940, { id: '940', functionalId: 'OW' }, [x12WarehouseShippingOrder940]).set;
    const w05 = sent?.body.W05?.[0] as Record<string, string>;
    const lxLoops = (sent?.body.LX_loop ?? []) as { W01_loop: { W01: Record<string, string>[] }[] }[];
    const lineItems = lxLoops.map((lx) => lx.W01_loop[0]?.W01[0] ?? {});
    // The 3PL ships everything in one carton and echoes the depositor order number and items.
    const advice = {
      W06: { W0601: 'F', W0602: w05.W0502, W0603: '20250304', W0604: 'NW3PL-779001', W0606: w05.W0503 },
      N1_loop: [{ N1: { N101: 'WH', N103: '93', N104: 'ATL1' } }],
      LX_loop: {
        LX: { LX01: 1 },
        MAN: { MAN01: 'GM', MAN02: '00006141410000001231' },
        W12_loop: lineItems.map((w01) => ({
          W12: {
            W1201: 'CC',
            W1202: w01.W0101,
            W1203: w01.W0101,
            W1204: 0,
            W1205: w01.W0102,
            W1207: w01.W0104,
            W1208: w01.W0105,
          },
        })),
      },
      W03: { W0301: 14 },
    };
    const { problems, set } = writeX12(advice, { id: '945', functionalId: 'SW' }, [
      x12WarehouseShippingAdvice945,
    ]);
    expect(problems).toEqual([]);
    const shipment = (await runShippedMap('x12-945-to-shipment', set)) as CanonicalShipment;
    expect(canonicalProblems(CanonicalShipmentSchema, shipment)).toEqual([]);
    expect(shipment.orderNumber).toBe(sampleEdiOrder.number);
    expect(shipment.warehouseCode).toBe('ATL1');
    expect(shipment.packages[0]?.items).toEqual(
      sampleEdiOrder.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, uom: l.uom ?? 'Units' })),
    );
  });
});
