import { type CanonicalOrder, canonicalSamples } from '@waybill/canonical';
import { describe, expect, it } from 'vitest';
import { edifactDesadv } from '../sets/edifact/desadv.js';
import { edifactOrders } from '../sets/edifact/orders.js';
import { fixture, readSets, runShippedMap, writeEdifact } from './map-test-support.js';

const mapId = 'shipment-to-edifact-desadv';
const today = '2025-03-04';

async function desadv(input: unknown) {
  const body = await runShippedMap(mapId, input);
  const written = writeEdifact(body, { type: 'DESADV', release: '96A' }, [edifactDesadv]);
  expect(written.problems).toEqual([]);
  return { ...written, lines: written.text.split('\n') };
}

describe('canonical shipment to EDIFACT DESADV', () => {
  it('writes the sample shipment as a despatch advice whose envelope validates', async () => {
    const { lines, set } = await desadv({
      shipment: canonicalSamples.shipment,
      order: canonicalSamples.order,
      today,
    });
    expect(set?.set).toBe('DESADV');
    expect(lines).toContain("UNH+1+DESADV:D:96A:UN:EAN008'");
    expect(lines).toContain("BGM+351+BER1/OUT/00042+9'");
    expect(lines).toContain("DTM+137:20250304:102'");
    expect(lines).toContain("DTM+11:202503031640:203'");
    expect(lines).toContain("RFF+ON:LH-2025-031'");
    expect(lines).toContain("DTM+171:20250302:102'");
    expect(lines).toContain(
      "NAD+DP+++Café Lindenhof GmbH+Lindenstraße 12:Hinterhaus, 2. OG+Berlin+BE+10969+DE'",
    );
    expect(lines).toContain("TDT+20++30++:::DHL'");
    expect(lines).toContain("MEA+PD+AAB+KGM:13.1'");
    expect(lines).toContain("CNT+2:2'");
  });

  it('numbers the CPS hierarchy with every package under the consignment', async () => {
    const { lines, set } = await desadv({ shipment: canonicalSamples.shipment, today });
    expect(lines.filter((line) => line.startsWith('CPS+'))).toEqual(["CPS+1'", "CPS+2+1'", "CPS+3+1'"]);
    expect(lines.filter((line) => line.startsWith('PAC+'))).toEqual([
      "PAC+2++PK'",
      "PAC+1++PK'",
      "PAC+1++PK'",
    ]);
    const cps = set?.body.CPS_loop ?? [];
    expect(cps.map((group) => group.CPS?.[0])).toEqual([
      { CPS01: '1' },
      { CPS01: '2', CPS02: '1' },
      { CPS01: '3', CPS02: '1' },
    ]);
  });

  it('gives a package with an SSCC its PCI+33E and GIN+BJ, and one without none', async () => {
    const { lines, set } = await desadv({ shipment: canonicalSamples.shipment, today });
    expect(lines).toContain("PCI+33E'");
    expect(lines).toContain("GIN+BJ+340123450000000017'");
    expect(lines.filter((line) => line.startsWith('GIN+'))).toHaveLength(1);
    const [, first, second] = set?.body.CPS_loop ?? [];
    expect(first).toMatchObject({
      PAC_loop: [
        {
          PCI_loop: [
            { PCI: [{ PCI01: '33E' }], GIN_loop: [{ GIN: [{ GIN01: 'BJ', GIN02: '340123450000000017' }] }] },
          ],
        },
      ],
    });
    expect(second?.PAC_loop?.[0]).not.toHaveProperty('PCI_loop');
  });

  it('writes one LIN with PIA+5 and QTY+12 per packed item, numbered across packages', async () => {
    const { lines, set } = await desadv({
      shipment: canonicalSamples.shipment,
      order: canonicalSamples.order,
      today,
    });
    const [, first, second] = set?.body.CPS_loop ?? [];
    expect(first?.LIN_loop).toEqual([
      {
        LIN: [{ LIN01: '1' }],
        PIA: [{ PIA01: '5', PIA02: ['CB-ESP-1KG', 'SA'] }],
        QTY: [{ QTY01: ['12', '12'] }],
      },
    ]);
    expect(second).toMatchObject({ LIN_loop: [{ LIN: [{ LIN01: '2' }] }] });
    expect(lines).toContain("QTY+12:1'");
  });

  it('quotes the GLNs, GTINs and order line numbers of an order received by ORDERS', async () => {
    const [message] = readSets(fixture('edifact/orders-escapes-decimal-comma.edi'), [edifactOrders]);
    const order = (await runShippedMap('edifact-orders-to-order', message)) as CanonicalOrder;
    const shipment = {
      number: 'DN-5001',
      orderNumber: order.number,
      packages: [
        {
          sscc: '340123450000000024',
          items: [
            { sku: 'CB-ESP-1KG', quantity: '12' },
            { sku: '4006381333948', quantity: '2.5', uom: 'kg' },
          ],
        },
      ],
    };
    const { lines } = await desadv({ shipment, order, today });
    expect(lines).toContain("RFF+ON:PO-77120'");
    expect(lines).toContain("NAD+SU+4098765000002::9'");
    expect(lines).toContain("NAD+BY+4012345000009::9'");
    expect(lines).toContain(
      "NAD+DP+4012345000016::9++O?'Neill Lager Nord+Hafenstrasse 12:Tor 3+Hamburg++20457+DE'",
    );
    expect(lines).toContain("LIN+1++4006381333931:EN'");
    expect(lines).toContain("PIA+5+CB-ESP-1KG:SA'");
    expect(lines).toContain("RFF+ON:PO-77120:1'");
    expect(lines).toContain("LIN+2++4006381333948:EN'");
    expect(lines).toContain("QTY+12:2.5:KGM'");
    expect(lines).toContain("RFF+ON:PO-77120:2'");
    expect(lines).toContain("GIN+BJ+340123450000000024'");
  });

  it('writes a pending shipment without order, carrier, weights or contents', async () => {
    const { lines } = await desadv({
      shipment: { orderNumber: 'PO-9', status: 'pending', packages: [{ items: [] }] },
      today,
    });
    expect(lines).toContain("BGM+351+PO-9+9'");
    expect(lines).toContain("DTM+11:20250304:102'");
    expect(lines).toContain("RFF+ON:PO-9'");
    expect(
      lines.some((line) => line.startsWith('NAD+') || line.startsWith('TDT+') || line.startsWith('LIN+')),
    ).toBe(false);
    expect(lines).toContain("CNT+2:0'");
  });
});
