import { type CanonicalOrder, CanonicalOrderSchema } from '@waybill/canonical';
import { describe, expect, it } from 'vitest';
import { x12PurchaseOrder850 } from '../sets/x12/purchase-order-850.js';
import { canonicalProblems, fixture, readSets, runShippedMap, sharedSample } from './map-test-support.js';

const read850 = (text: string) => {
  const [set] = readSets(text, [x12PurchaseOrder850]);
  if (!set) throw new Error('no 850 in the interchange');
  return set;
};

/** What x12-850-to-order keeps in extensions.edi (loosely typed: tests assert its values). */
type MappedOrder = CanonicalOrder & { extensions: { edi: { lines: unknown[]; parties: unknown } } };

const toOrder = async (text: string) =>
  (await runShippedMap('x12-850-to-order', read850(text))) as MappedOrder;

/** An interchange around the given 850 body segments, with SE counted. */
const interchange = (segments: string[]) =>
  [
    'ISA*00*          *00*          *ZZ*CORNERSHOP     *ZZ*NORTHWIND      *250305*0930*U*00401*000000077*0*P*>~',
    'GS*PO*CORNERSHOP*NORTHWIND*20250305*0930*77*X*004010~',
    'ST*850*0001~',
    ...segments.map((s) => `${s}~`),
    `SE*${segments.length + 2}*0001~`,
    'GE*1*77~',
    'IEA*1*000000077~',
  ].join('\n');

describe('x12-850-to-order', () => {
  it('groups the sample 850 into N1 and PO1 loops, with PID as a loop inside PO1', () => {
    const { body } = read850(sharedSample('x12/nodex12__850.edi'));
    expect(body.N1_loop).toHaveLength(1);
    expect(body.PO1_loop).toHaveLength(6);
    expect(body.PO1_loop?.[5]).toEqual({
      PO1: [
        {
          PO101: '6',
          PO102: '696',
          PO103: 'EA',
          PO104: '9.55',
          PO105: 'TE',
          PO106: 'CB',
          PO107: '067504-118',
          PO108: 'PR',
          PO109: 'RO',
          PO110: 'VN',
          PO111: 'DX1875',
        },
      ],
      PID_loop: [{ PID: [{ PID01: 'F', PID05: 'ORANGE WIDGET' }] }],
      PO4: [
        {
          PO401: '6',
          PO402: '6',
          PO403: 'EA',
          PO404: 'PLT94',
          PO406: '3',
          PO407: 'LR',
          PO408: '10',
          PO409: 'CT',
        },
      ],
    });
    expect(body.CTT_loop).toEqual([{ CTT: [{ CTT01: '6' }], AMT: [{ AMT01: '1', AMT02: '13045.94' }] }]);
  });

  it('maps the sample 850 to a valid order keyed by its PO number, with the vendor part as SKU', async () => {
    const order = await toOrder(sharedSample('x12/nodex12__850.edi'));
    expect(canonicalProblems(CanonicalOrderSchema, order)).toEqual([]);
    expect(order).toMatchObject({
      number: '08292233294',
      poNumber: '08292233294',
      source: { system: 'edi', id: '000003438-000000010' },
      orderedAt: '2010-11-27T00:00:00Z',
      currency: 'USD',
      customer: { ref: '4405197800', name: '4405197800', isCompany: true },
      shipTo: {
        company: 'XYZ RETAIL',
        street1: '31875 SOLON RD',
        city: 'SOLON',
        region: 'OH',
        postalCode: '44139',
        countryCode: 'US',
      },
      shipping: { method: 'SEE XYZ RETAIL ROUTING GUIDE' },
    });
    expect(order.lines).toHaveLength(6);
    expect(order.lines[0]).toEqual({
      lineNumber: '1',
      sku: 'AB3542',
      description: 'SMALL WIDGET',
      quantity: '120',
      uom: 'Units',
      unitPrice: '9.25',
    });
    expect(order.lines.map((l) => l.sku)).toEqual([
      'AB3542',
      'RD5322',
      'XY5266',
      'VX2332',
      'RV0524',
      'DX1875',
    ]);
    expect(order.lines[4]?.unitPrice).toBe('7.5');
  });

  it('keeps the delivery date, references, parties and the PO1 product ids for the documents that echo them', async () => {
    const order = await toOrder(sharedSample('x12/nodex12__850.edi'));
    expect(order.requestedShipDate).toBeUndefined();
    expect(order.extensions.edi).toMatchObject({
      senderId: '4405197800',
      receiverId: '999999999',
      version: '004010VICS',
      requestedDeliveryDate: '2010-12-14',
      references: { DP: '038', PS: 'R' },
      parties: { ST: { name: 'XYZ RETAIL', qualifier: '9', id: '0003947268292' } },
      amounts: { '1': '13045.94' },
    });
    expect(order.extensions.edi.lines[0]).toEqual({
      lineNumber: '1',
      uom: 'EA',
      priceBasis: 'TE',
      productIds: [
        { qualifier: 'CB', id: '065322-117' },
        { qualifier: 'PR', id: 'RO' },
        { qualifier: 'VN', id: 'AB3542' },
      ],
    });
  });

  it('reads a 5010 850 with currency, buyer, bill-to, requested ship date and mixed product ids', async () => {
    const order = await toOrder(fixture('x12/850-maple-market-5010.edi'));
    expect(canonicalProblems(CanonicalOrderSchema, order)).toEqual([]);
    expect(order).toMatchObject({
      number: 'MM-88120',
      poNumber: 'MM-88120',
      source: { system: 'edi', id: '000004711-0001' },
      orderedAt: '2025-03-03T00:00:00Z',
      currency: 'CAD',
      customer: {
        ref: '0614141000012',
        name: 'MAPLE MARKET INC',
        email: 'jean.tremblay@maplemarket.ca',
        phone: '5145550142',
        isCompany: true,
      },
      shipTo: {
        name: 'RECEIVING DOCK 4',
        company: 'MAPLE MARKET DC MONTREAL',
        street1: '2500 BOUL DE LA COTE-VERTU',
        street2: 'SUITE 110',
        city: 'MONTREAL',
        region: 'QC',
        postalCode: 'H4R 1P8',
        countryCode: 'CA',
      },
      billTo: {
        company: 'MAPLE MARKET INC',
        street1: 'PO BOX 1180 STN A',
        city: 'TORONTO',
        region: 'ON',
        postalCode: 'M5W 1G6',
        countryCode: 'CA',
      },
      requestedShipDate: '2025-03-10',
      shipping: { carrier: 'UPSN', method: 'UPS STANDARD' },
      notes: 'DELIVER TO DOCK 4 BETWEEN 08:00 AND 14:00',
      extensions: { edi: { version: '005010', requestedDeliveryDate: '2025-03-14', amounts: { TT: '895' } } },
    });
    expect(order.lines).toEqual([
      {
        lineNumber: '1',
        sku: 'CB-ESP-1KG',
        description: 'ESPRESSO BEANS 1 KG',
        quantity: '24',
        uom: 'Units',
        unitPrice: '11.75',
      },
      {
        lineNumber: '2',
        sku: 'CB-DEC-500G',
        description: 'DECAF BEANS 500 G',
        quantity: '2',
        uom: 'Dozens',
        unitPrice: '132',
      },
      {
        lineNumber: '3',
        sku: 'GR-BUR-64',
        description: 'BURR GRINDER 64 MM',
        quantity: '1',
        uom: 'Units',
        unitPrice: '349',
      },
    ]);
  });

  it('maps a bare 850 without parties, currency, line numbers or prices to a valid order from the sender', async () => {
    const order = await toOrder(
      interchange([
        'BEG*00*SA*CS-1001**20250305',
        'PO1**6*CA***BP*77-1*UP*012345678905',
        'PO1**1*EA*4.10**IN*ITEM-9',
        'CTT*2',
      ]),
    );
    expect(canonicalProblems(CanonicalOrderSchema, order)).toEqual([]);
    expect(order.currency).toBe('USD');
    expect(order.customer).toEqual({ ref: 'CORNERSHOP', name: 'CORNERSHOP', isCompany: true });
    expect(order.shipTo).toBeUndefined();
    expect(order.billTo).toBeUndefined();
    expect(order.lines).toEqual([
      { sku: '012345678905', quantity: '6', uom: 'CA', unitPrice: '0' },
      { sku: 'ITEM-9', quantity: '1', uom: 'Units', unitPrice: '4.1' },
    ]);
  });

  it('leaves out a ship-to sent by id only and keeps its id among the parties', async () => {
    const order = await toOrder(
      interchange(['BEG*00*SA*CS-1002**20250305', 'N1*ST**92*STORE-0042', 'PO1*1*2*EA*3.00**VN*A-1']),
    );
    expect(canonicalProblems(CanonicalOrderSchema, order)).toEqual([]);
    expect(order.shipTo).toBeUndefined();
    expect(order.extensions.edi.parties).toEqual({ ST: { qualifier: '92', id: 'STORE-0042' } });
  });
});
