import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEdifact } from '../edifact/parse.js';
import { defaultEdifactDelimiters } from '../edifact/una.js';
import { validateEdifactEnvelope } from '../validate/edifact-envelope.js';
import { validateX12Envelope } from '../validate/x12-envelope.js';
import { parseX12 } from '../x12/parse.js';
import { buildEdifactInterchange } from './build-edifact.js';
import { buildX12Interchange, type X12EnvelopeSettings } from './build-x12.js';
import { edifactElementCodec, x12ElementCodec } from './element-codec.js';
import { readDocument } from './read-document.js';
import { readEdifactMessages, readX12Sets } from './read-sets.js';
import type { SetSchema } from './set-schema.js';
import { EdiDocumentError, writeDocument } from './write-document.js';

const sample850 = readFileSync(new URL('../../fixtures/x12/nodex12__850.edi', import.meta.url), 'latin1');
const sampleOrders = readFileSync(
  new URL('../../fixtures/edifact/pydifact__order.edi', import.meta.url),
  'latin1',
);

const po: SetSchema = {
  standard: 'x12',
  id: '850',
  title: 'Purchase order',
  functionalId: 'PO',
  loops: [
    { start: 'N1', id: 'N1', members: ['N2', 'N3', 'N4', 'REF', 'PER'] },
    {
      start: 'PO1',
      id: 'PO1',
      members: ['PID', 'PO4', 'REF'],
      loops: [{ start: 'N1', id: 'N1', members: ['N3', 'N4'] }],
    },
    { start: 'CTT', id: 'CTT', members: ['AMT'] },
  ],
};

const orders: SetSchema = {
  standard: 'edifact',
  id: 'ORDERS',
  title: 'Purchase order',
  loops: [
    { start: 'RFF', id: 'SG1', members: ['DTM'] },
    { start: 'NAD', id: 'SG2', members: ['LOC', 'FII'] },
    {
      start: 'LIN',
      id: 'SG25',
      members: ['PIA', 'IMD', 'QTY', 'DTM'],
      loops: [{ start: 'RFF', id: 'SG29', members: ['DTM'] }],
    },
  ],
};

describe('EDI documents', () => {
  it('groups the sample 850 into its N1, PO1 and CTT loops with elements keyed by reference', () => {
    const [set] = readX12Sets(parseX12(sample850), { 'x12:850': po });
    expect(set).toMatchObject({
      set: '850',
      control: '000000010',
      functionalId: 'PO',
      version: '004010VICS',
      interchange: {
        control: '000003438',
        sender: { qualifier: '12', id: '4405197800' },
        receiver: { qualifier: '01', id: '999999999' },
        usage: 'P',
      },
      group: { control: '1421', sender: '4405197800' },
    });
    const body = set?.body ?? {};
    expect(body.BEG).toEqual([
      { BEG01: '00', BEG02: 'SA', BEG03: '08292233294', BEG05: '20101127', BEG06: '610385385' },
    ]);
    expect(body.REF).toHaveLength(2);
    expect(body.N1_loop).toEqual([
      {
        N1: [{ N101: 'ST', N102: 'XYZ RETAIL', N103: '9', N104: '0003947268292' }],
        N3: [{ N301: '31875 SOLON RD' }],
        N4: [{ N401: 'SOLON', N402: 'OH', N403: '44139' }],
      },
    ]);
    expect(body.PO1_loop).toHaveLength(6);
    expect(body.PO1_loop?.[0]).toMatchObject({
      PO1: [{ PO101: '1', PO102: '120', PO107: '065322-117' }],
      PID: [{ PID05: 'SMALL WIDGET' }],
    });
    expect(body.CTT_loop).toEqual([{ CTT: [{ CTT01: '6' }], AMT: [{ AMT01: '1', AMT02: '13045.94' }] }]);
  });

  it('writes a read body back as the same segments', () => {
    const doc = parseX12(sample850);
    const codec = x12ElementCodec(doc.delimiters);
    const body = doc.segments.slice(3, -3);
    const written = writeDocument(readDocument(body, po, codec), codec);
    expect(written).toEqual(body.map((s) => ({ tag: s.tag, elements: s.elements })));
  });

  it('nests a loop inside another and leaves segments the schema does not know at the top', () => {
    const codec = x12ElementCodec({ component: '>' });
    const seg = (tag: string, ...elements: string[]) => ({ tag, elements });
    const body = readDocument(
      [
        seg('PO1', '1', '2'),
        seg('N1', 'ST', 'DOCK 4'),
        seg('N3', 'GATE 2'),
        seg('PO1', '2', '5'),
        seg('ZZZ', 'x'),
        seg('CTT', '2'),
      ],
      po,
      codec,
    );
    expect(body.PO1_loop).toEqual([
      {
        PO1: [{ PO101: '1', PO102: '2' }],
        N1_loop: [{ N1: [{ N101: 'ST', N102: 'DOCK 4' }], N3: [{ N301: 'GATE 2' }] }],
      },
      { PO1: [{ PO101: '2', PO102: '5' }] },
    ]);
    expect(body.ZZZ).toEqual([{ ZZZ01: 'x' }]);
    expect(body.CTT_loop).toEqual([{ CTT: [{ CTT01: '2' }] }]);
  });

  it('writes what a map built: single objects for lists, numbers, composites, gaps and the loop start first', () => {
    const codec = x12ElementCodec({ component: '>' });
    const segments = writeDocument(
      {
        BAK: { BAK01: '00', BAK02: 'AC', BAK03: 'PO-1', BAK04: '20250301' },
        PO1_loop: [
          {
            ACK: { ACK01: 'IA', ACK02: 12, ACK03: 'EA' },
            PO1: { PO101: 1, PO102: 12, PO107: 'SKU-1', PO103: null },
          },
        ],
        MEA: { MEA03: 2.5, MEA04: ['KG', '', ''] },
      },
      codec,
    );
    expect(segments).toEqual([
      { tag: 'BAK', elements: ['00', 'AC', 'PO-1', '20250301'] },
      { tag: 'PO1', elements: ['1', '12', '', '', '', '', 'SKU-1'] },
      { tag: 'ACK', elements: ['IA', '12', 'EA'] },
      { tag: 'MEA', elements: ['', '', '2.5', 'KG'] },
    ]);
  });

  it('names the offending member when a map builds something that is not EDI', () => {
    const codec = x12ElementCodec({ component: '>' });
    const problem = (doc: unknown) => {
      try {
        writeDocument(doc, codec);
      } catch (error) {
        if (error instanceof EdiDocumentError) return { path: error.path, message: error.message };
      }
      return undefined;
    };
    expect(problem({ BAK: [{ BAX01: '1' }] })).toMatchObject({
      path: 'BAK[0].BAX01',
      message: expect.stringContaining('not an element of BAK'),
    });
    expect(problem({ PO1_loop: [{ PID: {} }] })).toMatchObject({
      path: 'PO1_loop[0]',
      message: expect.stringContaining('no PO1 segment'),
    });
    expect(problem({ order: 'x' })).toMatchObject({ path: 'order' });
    expect(problem({ BAK: { BAK01: { nested: true } } })).toMatchObject({ path: 'BAK[0].BAK01' });
    expect(problem('text')).toMatchObject({
      path: '',
      message: expect.stringContaining('The document must be an object'),
    });
  });

  it('builds an X12 interchange whose envelope validates and which reads back to the same body', () => {
    const envelope: X12EnvelopeSettings = {
      sender: { qualifier: 'ZZ', id: 'WAYBILL' },
      receiver: { qualifier: '01', id: '999999999' },
      groupSender: 'WAYBILL',
      groupReceiver: '999999999',
      interchangeVersion: '00401',
      groupVersion: '004010',
      usage: 'T',
      ackRequested: false,
      delimiters: { element: '*', component: '>', repetition: null, segment: '~', lineBreak: '\n' },
    };
    const body = writeDocument(
      { BAK: { BAK01: '00', BAK02: 'AC', BAK03: 'PO-1', BAK04: '20250301' } },
      x12ElementCodec(envelope.delimiters),
    );
    const text = buildX12Interchange({
      envelope,
      control: 17,
      at: new Date('2025-03-01T08:05:00Z'),
      groups: [{ functionalId: 'PR', control: 17, sets: [{ id: '855', control: '0001', body }] }],
    });
    expect(text.split('\n')[0]).toBe(
      'ISA*00*          *00*          *ZZ*WAYBILL        *01*999999999      *250301*0805*U*00401*000000017*0*T*>~',
    );
    const doc = parseX12(text);
    expect(validateX12Envelope(doc.segments).problems).toEqual([]);
    const [set] = readX12Sets(doc, {});
    expect(set).toMatchObject({
      set: '855',
      control: '0001',
      functionalId: 'PR',
      body: { BAK: [{ BAK03: 'PO-1' }] },
    });
  });

  it('reads the sample EDIFACT order with composites as component lists and builds a valid interchange with escapes and a decimal comma', () => {
    const [message] = readEdifactMessages(parseEdifact(sampleOrders), { 'edifact:ORDERS': orders });
    expect(message).toMatchObject({
      set: 'ORDERS',
      control: '1',
      version: 'D:96A',
      functionalId: 'EAN008',
      interchange: { control: '807', sender: { id: '12345678', qualifier: '8' } },
    });
    expect(message?.body.NAD_loop?.[1]).toEqual({
      NAD: [{ NAD01: 'BY', NAD02: ['8711576000012', '', '9'] }],
    });
    expect(message?.body.LIN_loop?.[0]).toEqual({
      LIN: [{ LIN01: '1', LIN03: ['5020436373085', 'EN'] }],
      QTY: [{ QTY01: ['21', '8'] }],
      RFF_loop: [{ RFF: [{ RFF01: ['PD', '99'] }] }],
    });

    const delimiters = { ...defaultEdifactDelimiters, decimal: ',', lineBreak: '\n' };
    const codec = edifactElementCodec(delimiters);
    const body = writeDocument(
      { NAD: { NAD01: 'BY', NAD04: "O'NEIL+SONS: 50% ?" }, QTY: { QTY01: ['12', 2.5] } },
      codec,
    );
    const text = buildEdifactInterchange({
      envelope: {
        sender: { id: 'WAYBILL', qualifier: 'ZZ' },
        receiver: { id: 'BUYER', qualifier: '14' },
        syntax: { identifier: 'UNOC', version: 3 },
        writeUna: true,
        test: false,
        delimiters,
      },
      control: '55',
      at: new Date('2025-03-01T08:05:00Z'),
      messages: [{ type: 'ORDRSP', version: 'D', release: '96A', agency: 'UN', reference: '1', body }],
    });
    expect(text).toContain("NAD+BY+++O?'NEIL?+SONS?: 50% ??'");
    expect(text).toContain("QTY+12:2,5'");
    const parsed = parseEdifact(text);
    expect(validateEdifactEnvelope(parsed.segments, { delimiters: parsed.delimiters }).problems).toEqual([]);
    expect(readEdifactMessages(parsed, {})[0]?.body.NAD).toEqual([
      { NAD01: 'BY', NAD04: "O'NEIL+SONS: 50% ?" },
    ]);
  });
});
