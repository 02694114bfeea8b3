import { CanonicalOrderSchema } from '@waybill/canonical';
import { describe, expect, it } from 'vitest';
import { edifactOrders } from '../sets/edifact/orders.js';
import { canonicalProblems, fixture, readSets, runShippedMap, sharedSample } from './map-test-support.js';

const mapId = 'edifact-orders-to-order';

async function orderFrom(text: string): Promise<Record<string, unknown>> {
  const [message] = readSets(text, [edifactOrders]);
  expect(message?.set).toBe('ORDERS');
  return (await runShippedMap(mapId, message)) as Record<string, unknown>;
}

describe('EDIFACT ORDERS to canonical order', () => {
  it('maps the shared EANCOM sample (decimal-comma UNA, syntax 4, no UNZ) to a valid order', async () => {
    const order = await orderFrom(sharedSample('edifact/pydifact__order.edi'));
    expect(canonicalProblems(CanonicalOrderSchema, order)).toEqual([]);
    expect(order).toMatchObject({
      number: '801715918011',
      poNumber: '801715918011',
      source: { system: 'edi', id: '807/1' },
      orderedAt: '2015-08-03T00:00:00Z',
      requestedShipDate: '2015-08-06',
      currency: 'EUR',
      customer: { ref: '8711576000012', name: '8711576000012' },
      lines: [
        { lineNumber: '1', sku: '5020436373085', quantity: '8', unitPrice: '0.00' },
        { lineNumber: '2', sku: '5020436373108', quantity: '8', unitPrice: '0.00' },
      ],
      extensions: {
        edi: {
          messageType: 'ORDERS',
          version: 'D:96A',
          association: 'EAN008',
          senderId: '12345678',
          documentType: '220',
          messageFunction: '9',
          buyerGln: '8711576000012',
          supplierGln: '5020436000004',
          deliveryPartyGln: '8711576100019',
          requestedDeliveryDate: '2015-08-06',
          unpricedLines: ['1', '2'],
          lines: [
            { lineNumber: '1', sku: '5020436373085', gtin: '5020436373085' },
            { lineNumber: '2', sku: '5020436373108', gtin: '5020436373108' },
          ],
        },
      },
    });
  });

  it('leaves out shipTo and billTo when the parties are sent as GLNs only', async () => {
    const order = await orderFrom(sharedSample('edifact/pydifact__order.edi'));
    expect(order).not.toHaveProperty('shipTo');
    expect(order).not.toHaveProperty('billTo');
    expect(order).not.toHaveProperty('notes');
  });

  it('turns release-character escapes into plain text and decimal commas into dotted decimals', async () => {
    const order = await orderFrom(fixture('edifact/orders-escapes-decimal-comma.edi'));
    expect(canonicalProblems(CanonicalOrderSchema, order)).toEqual([]);
    expect(order).toMatchObject({
      number: 'PO-77120',
      orderedAt: '2025-03-01T09:30:00Z',
      requestedShipDate: '2025-03-07',
      currency: 'EUR',
      customer: {
        ref: '4012345000009',
        name: "O'Neill + Sons Handels GmbH",
        vat: 'DE123456789',
        isCompany: true,
      },
      shipTo: {
        company: "O'Neill Lager Nord",
        street1: 'Hafenstrasse 12',
        street2: 'Tor 3',
        city: 'Hamburg',
        postalCode: '20457',
        countryCode: 'DE',
      },
      billTo: { street1: 'Ballindamm 1', city: 'Hamburg', postalCode: '20095', countryCode: 'DE' },
      notes: 'Ring at gate 2: deliveries 07:00-10:00 only',
    });
    expect(order.lines).toEqual([
      {
        lineNumber: '1',
        sku: 'CB-ESP-1KG',
        description: 'Espresso beans 1 kg + crema',
        quantity: '12',
        unitPrice: '12.50',
      },
      {
        lineNumber: '2',
        sku: '4006381333948',
        description: 'Green coffee, loose',
        quantity: '2.5',
        uom: 'kg',
        unitPrice: '31.00',
      },
      { lineNumber: '3', sku: '4006381333955', quantity: '4', unitPrice: '0.00' },
    ]);
    expect(order.extensions).toMatchObject({
      edi: {
        supplierGln: '4098765000002',
        deliveryPartyGln: '4012345000016',
        invoiceeGln: '4012345000009',
        unpricedLines: ['3'],
        lines: [
          { lineNumber: '1', sku: 'CB-ESP-1KG', gtin: '4006381333931' },
          { lineNumber: '2' },
          { lineNumber: '3' },
        ],
      },
    });
  });

  it('prefers the supplier article number over the GTIN and falls back to the GTIN', async () => {
    const order = await orderFrom(fixture('edifact/orders-escapes-decimal-comma.edi'));
    const skus = (order.lines as { sku: string }[]).map((line) => line.sku);
    expect(skus).toEqual(['CB-ESP-1KG', '4006381333948', '4006381333955']);
  });

  it('reads a minimal order without parties, dates, currency or line numbers', async () => {
    const text = [
      "UNB+UNOC:3+BUYER:ZZ+SELLER:ZZ+250301:0930+9'",
      "UNH+1+ORDERS:D:96A:UN'",
      "BGM+220+PO-1'",
      "LIN+++ABC-1:SA'",
      "QTY+21:3'",
      "UNS+S'",
      "UNT+6+1'",
      "UNZ+1+9'",
    ].join('\n');
    const order = await orderFrom(text);
    expect(canonicalProblems(CanonicalOrderSchema, order)).toEqual([]);
    expect(order).toMatchObject({
      number: 'PO-1',
      currency: 'EUR',
      customer: { ref: 'BUYER', name: 'BUYER' },
      lines: [{ sku: 'ABC-1', quantity: '3', unitPrice: '0.00' }],
    });
    expect(order).not.toHaveProperty('orderedAt');
    expect(order).not.toHaveProperty('requestedShipDate');
  });

  it('reads the D.01B BGM composite and the SRV GTIN code', async () => {
    const text = [
      "UNB+UNOC:3+BUYER:ZZ+SELLER:ZZ+250301:0930+9'",
      "UNH+1+ORDERS:D:01B:UN:EAN010'",
      "BGM+220+PO-2:1+9'",
      "DTM+137:20250301:102'",
      "CUX+2:CHF:9'",
      "LIN+1++7610000000017:SRV'",
      "QTY+21:1'",
      "PRI+AAA:4.5'",
      "UNS+S'",
      "UNT+9+1'",
      "UNZ+1+9'",
    ].join('\n');
    const order = await orderFrom(text);
    expect(canonicalProblems(CanonicalOrderSchema, order)).toEqual([]);
    expect(order).toMatchObject({
      number: 'PO-2',
      orderedAt: '2025-03-01T00:00:00Z',
      currency: 'CHF',
      lines: [{ lineNumber: '1', sku: '7610000000017', quantity: '1', unitPrice: '4.5' }],
    });
  });
});
