import { type CanonicalInvoice, type CanonicalOrder, canonicalSamples } from '@waybill/canonical';
import { describe, expect, it } from 'vitest';
import { edifactInvoic } from '../sets/edifact/invoic.js';
import { edifactOrders } from '../sets/edifact/orders.js';
import { fixture, readSets, runShippedMap, writeEdifact } from './map-test-support.js';

const mapId = 'invoice-to-edifact-invoic';
const today = '2025-03-04';
const supplier = {
  gln: '4098765000002',
  name: 'Northwind Coffee Supply GmbH',
  vat: 'DE298765432',
  address: { street1: 'Tempelhofer Damm 210', city: 'Berlin', postalCode: '12099', countryCode: 'DE' },
};

async function invoic(input: unknown) {
  const body = await runShippedMap(mapId, input);
  const written = writeEdifact(body, { type: 'INVOIC', release: '96A' }, [edifactInvoic]);
  expect(written.problems).toEqual([]);
  return { ...written, lines: written.text.split('\n') };
}

describe('canonical invoice to EDIFACT INVOIC', () => {
  it('writes the sample invoice with its parties, VAT numbers, currency and due date', async () => {
    const { lines, set } = await invoic({
      invoice: canonicalSamples.invoice,
      order: canonicalSamples.order,
      supplier,
      today,
    });
    expect(set?.set).toBe('INVOIC');
    expect(lines).toContain("UNH+1+INVOIC:D:96A:UN:EAN008'");
    expect(lines).toContain("BGM+380+INV/2025/00042+9'");
    expect(lines).toContain("DTM+137:20250303:102'");
    expect(lines).toContain("RFF+ON:LH-2025-031'");
    expect(lines).toContain(
      "NAD+SU+4098765000002::9++Northwind Coffee Supply GmbH+Tempelhofer Damm 210+Berlin++12099+DE'",
    );
    expect(lines).toContain("RFF+VA:DE298765432'");
    expect(lines).toContain("NAD+BY+++Café Lindenhof GmbH'");
    expect(lines).toContain("NAD+IV+++Café Lindenhof GmbH+Lindenstraße 12+Berlin+BE+10969+DE'");
    expect(lines.filter((line) => line === "RFF+VA:DE812345678'")).toHaveLength(2);
    expect(lines).toContain("CUX+2:EUR:4'");
    expect(lines).toContain("DTM+13:20250402:102'");
  });

  it('writes each line with QTY+47, MOA+203, PRI+AAA and its VAT', async () => {
    const { lines, set } = await invoic({ invoice: canonicalSamples.invoice, today });
    expect(set?.body.LIN_loop?.[1]).toEqual({
      LIN: [{ LIN01: '2' }],
      PIA: [{ PIA01: '5', PIA02: ['GR-BUR-64', 'SA'] }],
      IMD: [{ IMD01: 'F', IMD03: ['', '', '', 'Burr grinder 64 mm'] }],
      QTY: [{ QTY01: ['47', '1'] }],
      MOA_loop: [{ MOA: [{ MOA01: ['203', '349.00'] }] }],
      PRI_loop: [{ PRI: [{ PRI01: ['AAA', '349.00'] }] }],
      TAX_loop: [
        {
          TAX: [{ TAX01: '7', TAX02: 'VAT', TAX05: ['', '', '', '19'], TAX06: 'S' }],
          MOA: [{ MOA01: ['124', '66.31'] }],
        },
      ],
    });
    expect(lines).toContain("IMD+F++:::Shipping?: DHL Paket'");
    expect(set?.body.LIN_loop?.[2]?.IMD).toEqual([
      { IMD01: 'F', IMD03: ['', '', '', 'Shipping: DHL Paket'] },
    ]);
    expect(set?.body.LIN_loop?.[2]).not.toHaveProperty('PIA');
  });

  it('gives a discounted line its net and gross price and the discount as an allowance', async () => {
    const { lines } = await invoic({ invoice: canonicalSamples.invoice, today });
    const first = lines.slice(lines.indexOf("LIN+1'"), lines.indexOf("LIN+2'"));
    expect(first).toEqual([
      "LIN+1'",
      "PIA+5+CB-ESP-1KG:SA'",
      "IMD+F++:::Espresso beans 1 kg'",
      "QTY+47:12'",
      "MOA+203:210.90'",
      "PRI+AAA:17.575'",
      "PRI+AAB:18.50'",
      "TAX+7+VAT+++:::7+S'",
      "MOA+124:14.76'",
      "ALC+A++++DI'",
      "MOA+204:11.10'",
    ]);
  });

  it('closes with UNS, the invoice totals and one TAX summary per rate', async () => {
    const { lines, set } = await invoic({ invoice: canonicalSamples.invoice, today });
    const summary = lines.slice(
      lines.indexOf("UNS+S'"),
      lines.findIndex((line) => line.startsWith('UNT+')),
    );
    expect(summary).toEqual([
      "UNS+S'",
      "MOA+77:652.75'",
      "MOA+79:569.80'",
      "MOA+125:569.80'",
      "MOA+124:82.95'",
      "TAX+7+VAT+++:::7+S'",
      "MOA+124:14.76'",
      "MOA+125:210.90'",
      "TAX+7+VAT+++:::19+S'",
      "MOA+124:68.19'",
      "MOA+125:358.90'",
    ]);
    expect(set?.body.MOA_loop?.map((group) => group.MOA?.[0])).toEqual([
      { MOA01: ['77', '652.75'] },
      { MOA01: ['79', '569.80'] },
      { MOA01: ['125', '569.80'] },
      { MOA01: ['124', '82.95'] },
    ]);
  });

  it('writes an Odoo credit note as BGM+381 with positive amounts', async () => {
    const creditNote: CanonicalInvoice = {
      number: 'RINV/2025/00007',
      orderNumber: '#1005',
      issuedAt: '2025-03-06',
      currency: 'EUR',
      customer: { name: 'Café Lindenhof GmbH' },
      lines: [
        {
          sku: 'GR-BUR-64',
          description: 'Burr grinder 64 mm',
          quantity: '1',
          unitPrice: '349.00',
          taxes: [{ rate: '0.19', amount: '66.31' }],
          total: '349.00',
        },
      ],
      totals: { subtotal: '349.00', tax: '66.31', total: '415.31' },
      status: 'posted',
      extensions: { odoo: { moveType: 'out_refund' } },
    };
    const { lines } = await invoic({ invoice: creditNote, today });
    expect(lines).toContain("BGM+381+RINV/2025/00007+9'");
    expect(lines).toContain("RFF+ON:#1005'");
    expect(lines).toContain("MOA+77:415.31'");
    expect(lines.some((line) => line.startsWith('PAT+'))).toBe(false);
  });

  it('quotes the GLNs, GTINs and order line numbers of an order received by ORDERS', async () => {
    const [message] = readSets(fixture('edifact/orders-escapes-decimal-comma.edi'), [edifactOrders]);
    const order = (await runShippedMap('edifact-orders-to-order', message)) as CanonicalOrder;
    const invoice: CanonicalInvoice = {
      number: 'INV/2025/00050',
      orderNumber: order.number,
      issuedAt: '2025-03-08',
      currency: 'EUR',
      customer: { name: order.customer.name, vat: order.customer.vat },
      lines: [
        {
          sku: 'CB-ESP-1KG',
          description: 'Espresso beans 1 kg',
          quantity: '12',
          unitPrice: '12.50',
          taxes: [{ rate: '0.07', amount: '10.50' }],
          total: '150.00',
        },
        {
          sku: '4006381333948',
          description: 'Green coffee, loose',
          quantity: '2.5',
          uom: 'kg',
          unitPrice: '31.00',
          taxes: [{ rate: '0.07', amount: '5.43' }],
          total: '77.50',
        },
      ],
      totals: { subtotal: '227.50', tax: '15.93', total: '243.43' },
      status: 'posted',
    };
    const { lines } = await invoic({ invoice, order, today });
    expect(lines).toContain("RFF+ON:PO-77120'");
    expect(lines).toContain("DTM+171:20250301:102'");
    expect(lines).toContain("NAD+SU+4098765000002::9'");
    expect(lines).toContain("NAD+BY+4012345000009::9++O?'Neill ?+ Sons Handels GmbH'");
    expect(lines).toContain("NAD+IV+4012345000009::9++O?'Neill ?+ Sons Handels GmbH'");
    expect(lines).toContain("RFF+VA:DE123456789'");
    expect(lines).toContain("LIN+1++4006381333931:EN'");
    expect(lines).toContain("RFF+ON:PO-77120:1'");
    expect(lines).toContain("QTY+47:2.5:KGM'");
    expect(lines).toContain("RFF+ON:PO-77120:2'");
    expect(lines.filter((line) => line.startsWith('TAX+'))).toEqual([
      "TAX+7+VAT+++:::7+S'",
      "TAX+7+VAT+++:::7+S'",
      "TAX+7+VAT+++:::7+S'",
    ]);
    expect(lines).toContain("MOA+124:15.93'");
  });

  it('writes an untaxed invoice without order or supplier and with no TAX and no unknown parties', async () => {
    const { lines } = await invoic({
      invoice: {
        number: 'INV-1',
        issuedAt: '2025-03-05',
        currency: 'USD',
        customer: { name: 'Acme Retail' },
        lines: [{ description: 'Freight', quantity: '1', unitPrice: '40.00', total: '40.00' }],
        totals: { subtotal: '40.00', tax: '0.00', total: '40.00' },
        status: 'draft',
      },
      today,
    });
    expect(lines).toContain("BGM+380+INV-1+9'");
    expect(lines.some((line) => line.startsWith('NAD+SU'))).toBe(false);
    expect(lines).toContain("NAD+BY+++Acme Retail'");
    expect(lines).toContain("NAD+IV+++Acme Retail'");
    expect(lines).toContain("CUX+2:USD:4'");
    expect(lines.some((line) => line.startsWith('RFF+ON') || line.startsWith('TAX+'))).toBe(false);
  });
});
