import {
  type CanonicalInvoice,
  canonicalSamples,
  sampleEdiOrder,
  sampleProduct,
  sampleShopifyOrder,
} from '@waybill/canonical';
import { describe, expect, it } from 'vitest';
import { x12Invoice810 } from '../sets/x12/invoice-810.js';
import { runShippedMap, writeX12 } from './map-test-support.js';

const toX12 = async (input: unknown) => {
  const body = await runShippedMap('invoice-to-x12-810', input);
  const written = writeX12(body, { id: '810', functionalId: 'IN' }, [x12Invoice810]);
  return { ...written, lines: written.text.split('\n') };
};

const fullInput = {
  invoice: canonicalSamples.invoice,
  order: sampleShopifyOrder,
  shipment: canonicalSamples.shipment,
  products: [sampleProduct],
  remitTo: { name: 'Northwind Coffee Supply GmbH', id: '4012345000009', idQualifier: 'UL' },
  today: '2025-03-03',
};

/** An invoice of one line whose totals are the given amount. */
const invoiceOf = (total: string): CanonicalInvoice => ({
  number: 'INV-9',
  issuedAt: '2025-03-05',
  currency: 'USD',
  customer: { name: 'Acme Retail Inc.' },
  lines: [{ sku: 'A-1', description: 'Item', quantity: '1', unitPrice: total, total }],
  totals: { subtotal: total, tax: '0.00', total },
  status: 'posted',
});

describe('invoice-to-x12-810', () => {
  it('writes the sample invoice as an 810 whose envelope validates, with BIG, currency, parties, terms and ship date', async () => {
    const { problems, lines } = await toX12(fullInput);
    expect(problems).toEqual([]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'BIG*20250303*INV/2025/00042*20250302*LH-2025-031~',
        'CUR*SE*EUR~',
        'REF*VN*#1005~',
        'N1*RE*Northwind Coffee Supply GmbH*UL*4012345000009~',
        'N1*BT*Café Lindenhof GmbH~',
        'N1*ST*Café Lindenhof GmbH~',
        'ITD*01*3****20250402*30~',
        'DTM*011*20250303~',
      ]),
    );
  });

  it('writes one IT1 per SKU line with PO line number, quantity, unit, price and ids, its tax, description and discount', async () => {
    const { lines } = await toX12(fullInput);
    const first = lines.indexOf('IT1*13579246801*12*EA*18.50**VN*CB-ESP-1KG*EN*4006381333931~');
    expect(lines.slice(first, first + 5)).toEqual([
      'IT1*13579246801*12*EA*18.50**VN*CB-ESP-1KG*EN*4006381333931~',
      'TXI*VA*14.76*7~',
      'PID*F****Espresso beans 1 kg~',
      'SAC*A*C310***1110~',
      'IT1*13579246802*1*EA*349.00**VN*GR-BUR-64~',
    ]);
    expect(lines).toContain('TXI*VA*66.31*19~');
  });

  it('sends the total in cents, shipping as a freight charge with its tax, and counts the IT1 lines', async () => {
    const { lines, set } = await toX12(fullInput);
    const tds = lines.indexOf('TDS*65275~');
    expect(lines.slice(tds, tds + 4)).toEqual([
      'TDS*65275~',
      'SAC*C*D240***990~',
      'TXI*VA*1.88*19~',
      'CTT*2~',
    ]);
    expect(set?.body.SAC_loop).toEqual([
      {
        SAC: [{ SAC01: 'C', SAC02: 'D240', SAC05: '990' }],
        TXI: [{ TXI01: 'VA', TXI02: '1.88', TXI03: '19' }],
      },
    ]);
    expect(set?.body.IT1_loop).toHaveLength(2);
  });

  it.each([
    ['13045.94', '1304594'],
    ['4.35', '435'],
    ['1.15', '115'],
    ['0.57', '57'],
    ['9.9', '990'],
    ['40', '4000'],
    ['10.005', '1001'],
    ['0.00', '0'],
    ['-5.5', '-550'],
  ])(
    'writes a total of %s as TDS01 %s, moving the decimal point instead of multiplying floats',
    async (total, cents) => {
      const { lines } = await toX12({ invoice: invoiceOf(total), today: '2025-03-05' });
      expect(lines).toContain(`TDS*${cents}~`);
    },
  );

  it('sends an invoice of a 0.10 and a 0.20 line with a total of exactly 30 cents', async () => {
    const invoice: CanonicalInvoice = {
      ...invoiceOf('0.30'),
      lines: [
        { sku: 'A-1', description: 'Ten cents', quantity: '1', unitPrice: '0.10', total: '0.10' },
        { sku: 'A-2', description: 'Twenty cents', quantity: '1', unitPrice: '0.20', total: '0.20' },
      ],
    };
    const { lines } = await toX12({ invoice, today: '2025-03-05' });
    expect(lines).toContain('TDS*30~');
    expect(lines.filter((line) => line.startsWith('IT1*'))).toEqual([
      'IT1*1*1*EA*0.10**VN*A-1~',
      'IT1*2*1*EA*0.20**VN*A-2~',
    ]);
  });

  it('writes an invoice without order, due date or line taxes, giving the tax total in a summary TXI', async () => {
    const invoice: CanonicalInvoice = {
      ...invoiceOf('107.00'),
      orderNumber: '4500012345',
      lines: [
        {
          sku: 'GR-BUR-64',
          description: 'Burr grinder',
          quantity: '4',
          uom: 'Dozens',
          unitPrice: '25.00',
          total: '100.00',
        },
      ],
      totals: { subtotal: '100.00', tax: '7.00', total: '107.00' },
    };
    const { problems, lines } = await toX12({ invoice, today: '2025-03-05' });
    expect(problems).toEqual([]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'BIG*20250305*INV-9**4500012345~',
        'N1*BT*Acme Retail Inc.~',
        'DTM*011*20250305~',
        'IT1*1*4*DZ*25.00**VN*GR-BUR-64~',
        'TDS*10700~',
        'TXI*TX*7.00~',
        'CTT*1~',
      ]),
    );
    expect(lines.some((line) => /^(ITD|REF|SAC)\*/.test(line))).toBe(false);
  });

  it("names an EDI buyer by the id it sent on its purchase order and echoes the buyer's part numbers", async () => {
    const order = structuredClone(sampleEdiOrder);
    order.extensions = { edi: { buyerPartNumbers: { 'GR-BUR-64': 'ACME-88812' } } };
    const invoice: CanonicalInvoice = {
      ...invoiceOf('1240.00'),
      orderNumber: order.number,
      lines: [
        {
          sku: 'GR-BUR-64',
          description: 'Burr grinder',
          quantity: '4',
          unitPrice: '310.00',
          total: '1240.00',
        },
      ],
    };
    const { lines } = await toX12({ invoice, order, today: '2025-03-05' });
    expect(lines).toEqual(
      expect.arrayContaining([
        'BIG*20250305*INV-9*20250303*4500012345~',
        'N1*BT*Acme Retail Inc.*UL*0614141000005~',
        'N1*ST*Acme Retail DC 12~',
        'IT1*2*4*EA*310.00**VN*GR-BUR-64***BP*ACME-88812~',
      ]),
    );
    expect(lines.some((line) => line.startsWith('REF*'))).toBe(false);
  });
});
