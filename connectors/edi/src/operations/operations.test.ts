import { readFileSync } from 'node:fs';
import {
  createConnectorInvoker,
  createMemoryDocumentLog,
  createMemorySequences,
  WaybillError,
} from '@waybill/connector-kit';
import { testCall } from '@waybill/connector-kit/testing';
import { describe, expect, it } from 'vitest';
import { ediConnector } from '../connector.js';

const sample850 = readFileSync(new URL('../../fixtures/x12/nodex12__850.edi', import.meta.url), 'latin1');
const sampleOrders = readFileSync(
  new URL('../../fixtures/edifact/pydifact__order.edi', import.meta.url),
  'latin1',
);
const invoker = createConnectorInvoker([ediConnector]);

const x12Partner = (values: Record<string, string> = {}) => ({
  id: 'xyz-retail',
  type: 'edi-x12-partner',
  values: {
    ourQualifier: '01',
    ourId: '999999999',
    partnerQualifier: '12',
    partnerId: '4405197800',
    ...values,
  },
  allowedHosts: [],
});
const edifactPartner = {
  id: 'wbdz',
  type: 'edi-edifact-partner',
  values: { ourId: 'WBDZDD', ourQualifier: 'ZZ', partnerId: '12345678', partnerQualifier: '8' },
  allowedHosts: [],
};

async function run(
  type: string,
  input: unknown,
  options: { config?: Record<string, unknown>; credential?: object } = {},
) {
  const documents = createMemoryDocumentLog();
  const call = testCall({
    type,
    input,
    config: options.config ?? {},
    ...(options.credential ? { credential: options.credential as never } : {}),
    sequences: createMemorySequences(),
    documents,
  });
  return { result: await invoker.invoke(call), documents: documents.documents, logs: call.logs };
}

async function failure(type: string, input: unknown, options: Parameters<typeof run>[2] = {}) {
  try {
    await run(type, input, options);
  } catch (error) {
    if (error instanceof WaybillError) return error.info;
    throw error;
  }
  throw new Error('expected the node to fail');
}

const parsed = async (text: string, credential?: object) =>
  (await run('edi.parse', text, credential ? { credential } : {})).result.output;

describe('the EDI nodes', () => {
  it('parses an upload that is not UTF-8 and keeps its exact bytes with the partner', async () => {
    const latin1 = sample850.replace('XYZ RETAIL*9', 'XYZ RÉTAIL*9');
    const { result, documents } = await run(
      'edi.parse',
      {
        headers: { 'content-disposition': 'attachment; filename="po-1.edi"' },
        body: latin1,
        bodyEncoding: 'latin1',
      },
      { credential: x12Partner() },
    );
    expect(result.output).toMatchObject({
      standard: 'x12',
      control: '000003438',
      fileName: 'po-1.edi',
      problems: [],
    });
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({
      direction: 'inbound',
      partner: 'xyz-retail',
      fileName: 'po-1.edi',
      groupControls: ['1421'],
    });
    expect(Buffer.from(documents[0]?.content ?? []).equals(Buffer.from(latin1, 'latin1'))).toBe(true);
  });

  it('says what it needs when given JSON or text that is not EDI', async () => {
    expect(await failure('edi.parse', { body: { order: 1 } })).toMatchObject({
      code: 'EDI_NO_INTERCHANGE',
      message: expect.stringContaining('send it as text/plain or application/edi-x12'),
    });
    expect(await failure('edi.parse', 'hello')).toMatchObject({
      code: 'EDI_SYNTAX',
      message: expect.stringContaining('not an X12 (ISA) or EDIFACT (UNA/UNB) interchange'),
    });
  });

  it('routes an interchange from someone other than the profile’s partner, or of an unexpected set, to invalid', async () => {
    const input = await parsed(sample850);
    const valid = await run('edi.validate', input, {
      credential: x12Partner(),
      config: { expectSets: ['850'] },
    });
    expect(valid.result.port).toBe('valid');
    const stranger = await run('edi.validate', input, {
      credential: x12Partner({ partnerId: 'OTHER' }),
      config: { expectSets: ['856'] },
    });
    expect(stranger.result.port).toBe('invalid');
    expect(stranger.result.output).toMatchObject({
      problems: [
        'The interchange is from 12/4405197800, not from OTHER (12/OTHER).',
        'Set 850 000000010 is not one this flow takes (856).',
      ],
    });
  });

  it('maps a set with the shipped map or the analyst’s own, and names the map that failed', async () => {
    const input = await parsed(sample850);
    const order = await run('edi.toCanonical', input, { config: { map: 'x12-850-to-order' } });
    expect(order.result.output).toMatchObject({ number: '08292233294', lines: expect.any(Array) });
    const custom = await run('edi.toCanonical', input, {
      config: { map: 'x12-850-to-order', expression: '{ "po": body.BEG.BEG03 }' },
    });
    expect(custom.result.output).toEqual({ po: '08292233294' });
    const all = await run('edi.toCanonical', input, { config: { map: 'x12-850-to-order', sets: 'all' } });
    expect(all.result.output).toHaveLength(1);
    expect(
      await failure('edi.toCanonical', input, {
        config: { map: 'x12-850-to-order', expression: '$number("x")' },
      }),
    ).toMatchObject({
      code: 'EDI_MAP_FAILED',
      message: expect.stringContaining('in node "node" failed'),
    });
    expect(await failure('edi.toCanonical', input, { config: { map: 'x12-945-to-shipment' } })).toMatchObject(
      {
        code: 'EDI_NO_MATCHING_SET',
        message: expect.stringContaining('found no 945 set to map in the interchange (it holds 850)'),
      },
    );
  });

  it('builds an 855 in the partner’s envelope, numbered from the profile and awaiting its acknowledgment', async () => {
    const order = (await run('edi.toCanonical', await parsed(sample850), { config: {} })).result.output;
    const input = { order, acknowledgment: { status: 'accepted', date: '2025-03-01', reference: 'S00042' } };
    const { result, documents } = await run('edi.build', input, {
      credential: x12Partner({ firstControlNumber: '900', ackDueHours: '2', lineBreak: 'none' }),
      config: { map: 'order-to-x12-855' },
    });
    const output = result.output as Record<string, string>;
    expect(output).toMatchObject({
      standard: 'x12',
      interchangeControl: '000000900',
      groupControl: '900',
      setControls: ['0001'],
    });
    expect(
      output.content?.startsWith('ISA*00*          *00*          *01*999999999      *12*4405197800     *'),
    ).toBe(true);
    expect(output.content).toContain('~GS*PR*999999999*4405197800*');
    expect(output.content).toContain('~BAK*00*AT*08292233294*');
    expect(output.content).not.toContain('\n');
    expect(documents[0]).toMatchObject({
      direction: 'outbound',
      interchangeControl: '000000900',
      ackDueAt: expect.any(String),
    });
    const due = Date.parse(documents[0]?.ackDueAt ?? '') - Date.now();
    expect(due).toBeGreaterThan(7_100_000);
    expect(due).toBeLessThanOrEqual(7_200_000);
  });

  it('refuses a profile it cannot write an envelope with, and a map output that is not a set body', async () => {
    expect(
      await failure('edi.build', { order: {} }, { credential: x12Partner({ ourId: 'A-VERY-LONG-ISA-ID' }) }),
    ).toMatchObject({
      code: 'EDI_PROFILE_INVALID',
      message:
        'The trading-partner profile "xyz-retail" is not usable: Our ISA id (ourId) "A-VERY-LONG-ISA-ID" is longer than 15 characters.',
    });
    expect(
      await failure(
        'edi.build',
        {},
        {
          credential: x12Partner(),
          config: { map: 'order-to-x12-855', expression: '{ "BAK": { "BAKX1": 1 } }' },
        },
      ),
    ).toMatchObject({ code: 'EDI_MAP_OUTPUT', details: { path: 'BAK[0].BAKX1' } });
    expect(
      await failure('edi.build', {}, { credential: edifactPartner, config: { map: 'order-to-x12-855' } }),
    ).toMatchObject({
      code: 'EDI_WRONG_PROFILE',
    });
  });

  it('acknowledges an EDIFACT interchange with a CONTRL naming each message', async () => {
    const input = await parsed(sampleOrders);
    const { result } = await run('edi.acknowledge', input, { credential: edifactPartner });
    const output = result.output as { content: string; acknowledgments: unknown[] };
    // The sample lacks its UNZ trailer, so the interchange is rejected as a whole.
    expect(output.acknowledgments).toEqual([{ group: '807', status: 'rejected' }]);
    expect(output.content).toContain("UNH+1+CONTRL:D:3:UN'");
    expect(output.content).toContain("UCI+807+12345678:8+WBDZDD:ZZ+4'");
    expect(output.content).toContain("UCM+1+ORDERS:D:96A:UN:EAN008+7'");
  });

  it('marks the documents a received 997 acknowledges', async () => {
    const documents = createMemoryDocumentLog();
    await documents.record({
      direction: 'outbound',
      fileName: 'a',
      contentType: 'x',
      content: new Uint8Array(),
      partner: 'xyz-retail',
      groupControls: ['77'],
      ackDueAt: '2030-01-01T00:00:00Z',
    });
    const ack = [
      'ISA*00*          *00*          *12*4405197800     *01*999999999      *250302*0900*U*00401*000000001*0*P*>~',
      'GS*FA*4405197800*999999999*20250302*0900*1*X*004010~ST*997*0001~AK1*PR*77~AK9*A*1*1*1~SE*4*0001~GE*1*1~IEA*1*000000001~',
    ].join('');
    const call = testCall({
      type: 'edi.recordAcknowledgment',
      input: await parsed(ack),
      credential: x12Partner() as never,
      documents,
    });
    const result = await invoker.invoke(call);
    expect(result.port).toBe('accepted');
    expect(result.output).toMatchObject({
      acknowledgments: [{ group: '77', status: 'accepted', matched: 1 }],
    });
    expect(documents.documents[0]?.ackStatus).toBe('accepted');
  });
});
