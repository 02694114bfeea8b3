import { type CanonicalOrder, sampleShopifyOrder } from '@waybill/canonical';
import { describe, expect, it } from 'vitest';
import { x12PurchaseOrder850 } from '../sets/x12/purchase-order-850.js';
import { x12PurchaseOrderAcknowledgment855 } from '../sets/x12/purchase-order-acknowledgment-855.js';
import { readSets, runShippedMap, sharedSample, writeX12 } from './map-test-support.js';

const set855 = { id: '855', functionalId: 'PR' };
const lines = (text: string) => text.split('\n');

const orderFromSample850 = async () => {
  const [po] = readSets(sharedSample('x12/nodex12__850.edi'), [x12PurchaseOrder850]);
  return (await runShippedMap('x12-850-to-order', po)) as CanonicalOrder;
};

describe('order-to-x12-855', () => {
  it('reads the sample 855 with PID, ACK and SCH grouped inside each PO1 loop', () => {
    const [ack] = readSets(sharedSample('x12/nodex12__855.edi'), [x12PurchaseOrderAcknowledgment855]);
    const body = ack?.body ?? {};
    expect(body.BAK).toEqual([
      {
        BAK01: '00',
        BAK02: 'AD',
        BAK03: 'POTEST1112',
        BAK04: '20201015',
        BAK06: '60169126',
        BAK09: '20201015',
      },
    ]);
    expect(body.N1_loop?.[0]).toMatchObject({
      N1: [{ N101: 'ST', N104: '123MILL 0001' }],
      N3: [{ N301: 'REGULAR EDI ACCOUNT' }, { N301: '7615 DISALLE BOULEVARD' }],
      N4: [{ N401: 'FORT WAYNE', N402: 'IN', N403: '46825' }],
    });
    expect(body.PO1_loop).toHaveLength(4);
    expect(Object.keys(body.PO1_loop?.[1] ?? {})).toEqual(['PO1', 'PID_loop', 'ACK_loop', 'SCH_loop']);
    expect(body.PO1_loop?.[1]).toMatchObject({
      PID_loop: [{ PID: [{ PID05: 'CLAPTON THE AUTOBIOGRAPHY' }] }],
      ACK_loop: [{ ACK: [{ ACK01: 'IR', ACK02: '0', ACK03: 'UN' }] }],
      SCH_loop: [{ SCH: [{ SCH01: '0', SCH02: 'UN', SCH06: '20071009' }] }],
    });
    expect(Object.keys(body.PO1_loop?.[2] ?? {})).toEqual(['PO1', 'ACK_loop', 'SCH_loop']);
    expect(body.CTT_loop).toEqual([{ CTT: [{ CTT01: '4', CTT02: '5' }] }]);
  });

  it('acknowledges the sample 850 with changes, echoing its PO1 lines and product ids exactly', async () => {
    const order = await orderFromSample850();
    const body = await runShippedMap('order-to-x12-855', {
      order,
      acknowledgment: {
        status: 'accepted-with-changes',
        date: '2010-11-29',
        reference: 'S00042',
        lines: [
          { lineNumber: '2', status: 'backordered', shipDate: '2010-12-20' },
          { lineNumber: '3', status: 'changed', unitPrice: '10.49' },
          { lineNumber: '6', status: 'accepted', quantity: '600' },
        ],
      },
    });
    const { text, problems, set } = writeX12(body, set855, [x12PurchaseOrderAcknowledgment855]);
    expect(problems).toEqual([]);
    const written = lines(text);
    expect(written).toContain('BAK*00*AC*08292233294*20101127****S00042*20101129~');
    // Unchanged lines repeat the 850's PO1 segment as received.
    expect(written).toContain('PO1*1*120*EA*9.25*TE*CB*065322-117*PR*RO*VN*AB3542~');
    expect(written).toContain('ACK*IA*120*EA~');
    expect(written).toContain('PO1*2*220*EA*13.79*TE*CB*066850-116*PR*RO*VN*RD5322~');
    expect(written).toContain('ACK*IB*220*EA*068*20101220~');
    expect(written).toContain('PO1*3*126*EA*10.49*TE*CB*060733-110*PR*RO*VN*XY5266~');
    expect(written).toContain('ACK*IC*126*EA~');
    expect(written).toContain('ACK*IA*600*EA~');
    expect(written).toContain('CTT*6*1310~');
    expect(set?.body.PO1_loop).toHaveLength(6);
    expect(set?.body.PO1_loop?.[1]?.ACK_loop).toEqual([
      { ACK: [{ ACK01: 'IB', ACK02: '220', ACK03: 'EA', ACK04: '068', ACK05: '20101220' }] },
    ]);
  });

  it('keeps the PO number and line numbers of the 850 it answers', async () => {
    const order = await orderFromSample850();
    const body = await runShippedMap('order-to-x12-855', {
      order,
      acknowledgment: { status: 'accepted', date: '2010-11-28' },
    });
    const { set } = writeX12(body, set855, [x12PurchaseOrderAcknowledgment855]);
    expect(set?.body.BAK?.[0]).toMatchObject({ BAK02: 'AT', BAK03: order.number });
    const loops = (set?.body.PO1_loop ?? []) as {
      PO1: Record<string, string>[];
      ACK_loop: { ACK: Record<string, string>[] }[];
    }[];
    expect(loops.map((l) => l.PO1[0]?.PO101)).toEqual(order.lines.map((l) => l.lineNumber));
    expect(loops.map((l) => l.PO1[0]?.PO111)).toEqual(order.lines.map((l) => l.sku));
    expect(loops.map((l) => l.ACK_loop[0]?.ACK[0]?.ACK01)).toEqual(['IA', 'IA', 'IA', 'IA', 'IA', 'IA']);
  });

  it('rejects an order that did not come from EDI with VN and the SKU as product id', async () => {
    const body = await runShippedMap('order-to-x12-855', {
      order: sampleShopifyOrder,
      acknowledgment: { status: 'rejected', date: '2025-03-03' },
    });
    const { text, problems } = writeX12(body, set855, [x12PurchaseOrderAcknowledgment855]);
    expect(problems).toEqual([]);
    const written = lines(text);
    expect(written).toContain('BAK*00*RJ*LH-2025-031*20250302*****20250303~');
    expect(written).toContain('PO1*13579246801*12*EA*18.50**VN*CB-ESP-1KG~');
    expect(written).toContain('PO1*13579246802*1*EA*349.00**VN*GR-BUR-64~');
    expect(written.filter((l) => l === 'ACK*IR*0*EA~')).toHaveLength(2);
    expect(written).toContain('CTT*2*13~');
  });

  it('numbers the lines by position when the order has no line numbers or order date', async () => {
    const order = {
      number: 'PO-77',
      source: { system: 'manual' },
      currency: 'USD',
      customer: { name: 'Corner Shop' },
      lines: [
        { sku: 'A-1', quantity: '2', uom: 'Dozens', unitPrice: '30.00' },
        { sku: 'B-2', quantity: '1.5', uom: 'kg', unitPrice: '12.00' },
      ],
    };
    const body = await runShippedMap('order-to-x12-855', {
      order,
      acknowledgment: {
        status: 'accepted',
        date: '2025-03-05',
        lines: [{ lineNumber: 2, status: 'rejected' }],
      },
    });
    const { text, problems } = writeX12(body, set855, [x12PurchaseOrderAcknowledgment855]);
    expect(problems).toEqual([]);
    const written = lines(text);
    expect(written).toContain('BAK*00*AT*PO-77*20250305*****20250305~');
    expect(written).toContain('PO1*1*2*DZ*30.00**VN*A-1~');
    expect(written).toContain('ACK*IA*2*DZ~');
    expect(written).toContain('PO1*2*1.5*KG*12.00**VN*B-2~');
    expect(written).toContain('ACK*IR*0*KG~');
    expect(written).toContain('CTT*2*3.5~');
  });
});
