import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type EdiSegment, formatSegment } from '../segment.js';
import type { GroupReport } from '../validate/report.js';
import { validateX12Envelope } from '../validate/x12-envelope.js';
import { parseX12 } from '../x12/parse.js';
import { serializeX12 } from '../x12/serialize.js';
import { build997 } from './build-997.js';

const delimiters = { element: '*', component: '>', repetition: null, segment: '~', lineBreak: '\n' };

function isa(version: '00401' | '00501', control: string): string {
  return [
    'ISA',
    '00',
    ''.padEnd(10),
    '00',
    ''.padEnd(10),
    'ZZ',
    'SENDER'.padEnd(15),
    'ZZ',
    'RECEIVER'.padEnd(15),
    '240101',
    '1200',
    version === '00401' ? 'U' : '^',
    version,
    control,
    '0',
    'P',
    '>',
  ].join('*');
}

/** Test only: wraps the segments of a set (ST…SE) in ISA / GS / GE / IEA so the validator sees a whole interchange. */
function wrapInEnvelope(set: EdiSegment[], options: { functionalId: string; version: string }): string {
  const interchange = options.version.startsWith('005') ? '00501' : '00401';
  const segments = [
    ...parseX12(`${isa(interchange, '000000077')}~`).segments,
    {
      tag: 'GS',
      elements: [options.functionalId, 'RECEIVER', 'SENDER', '20240102', '0800', '77', 'X', options.version],
    },
    ...set,
    { tag: 'GE', elements: ['1', '77'] },
    { tag: 'IEA', elements: ['1', '000000077'] },
  ];
  return serializeX12({ delimiters, segments, trailer: '\n' });
}

interface Received {
  version?: '00401' | '00501';
  gs08?: string;
  /** Each set's lines: ST and SE are added unless given; a set ending with `noTrailer` gets no SE. */
  sets?: string[][];
  ge?: string;
}

const noTrailer = '(no SE)';
const validBody = ['BEG*00*SA*PO-1001**20240101', 'PO1*1*10*EA*9.25**VN*W-1', 'CTT*1'];

/** A received interchange with one group (GS06 1421) of 850s, ST02 0001, 0002, … */
function received(parts: Received = {}): GroupReport {
  const version = parts.version ?? '00401';
  const sets = (parts.sets ?? [validBody]).flatMap((body, i) => {
    const control = String(i + 1).padStart(4, '0');
    const [head, ...rest] = body[0]?.startsWith('ST*') ? body : [`ST*850*${control}`, ...body];
    const last = rest.at(-1) ?? '';
    if (last === noTrailer) return [head, ...rest.slice(0, -1)];
    return last.startsWith('SE*') ? [head, ...rest] : [head, ...rest, `SE*${rest.length + 2}*${control}`];
  });
  const text = [
    isa(version, '000000905'),
    `GS*PO*SENDER*RECEIVER*20240101*1200*1421*X*${parts.gs08 ?? (version === '00401' ? '004010' : '005010')}`,
    ...sets,
    parts.ge ?? `GE*${parts.sets?.length ?? 1}*1421`,
    'IEA*1*000000905',
  ]
    .map((s) => `${s}~`)
    .join('\n');
  return validateX12Envelope(parseX12(text).segments).interchanges[0]!.groups[0]!;
}

const lines = (segments: EdiSegment[]) => segments.map((s) => formatSegment(s, '*'));

describe('build997', () => {
  it('accepts the sample 850 with AK1*PO*1421, AK2*850*000000010, AK5*A and AK9*A*1*1*1', async () => {
    const text = await readFile(new URL('../../fixtures/x12/nodex12__850.edi', import.meta.url));
    const group = validateX12Envelope(parseX12(text).segments).interchanges[0]!.groups[0]!;
    expect(lines(build997(group, { control: 1 }))).toEqual([
      'ST*997*0001',
      'AK1*PO*1421',
      'AK2*850*000000010',
      'AK5*A',
      'AK9*A*1*1*1',
      'SE*6*0001',
    ]);
  });

  it('rejects a set whose SE01 is wrong with AK5 code 4, and the group with AK9*R*1*1*0', () => {
    const group = received({ sets: [['ST*850*0001', ...validBody, 'SE*4*0001']] });
    expect(lines(build997(group, { control: '0001' }))).toEqual([
      'ST*997*0001',
      'AK1*PO*1421',
      'AK2*850*0001',
      'AK5*R*4',
      'AK9*R*1*1*0',
      'SE*6*0001',
    ]);
  });

  it('rejects a set whose SE02 differs from ST02 with AK5 code 3', () => {
    const group = received({ sets: [['ST*850*0001', ...validBody, 'SE*5*0009']] });
    expect(lines(build997(group, { control: 1 }))).toContain('AK5*R*3');
  });

  it('reports a missing mandatory element with AK3 code 8 and an AK4 at its position, and rejects the set', () => {
    const group = received({ sets: [['BEG*00**PO-1001**20240101', 'PO1*1', 'CTT*1']] });
    expect(lines(build997(group, { control: 1 })).slice(2, -2)).toEqual([
      'AK2*850*0001',
      'AK3*BEG*2**8',
      'AK4*2*92*1',
      'AK5*R*5',
    ]);
  });

  it('copies the bad value into AK404 and tells a too-long value from an invalid date', () => {
    const group = received({ sets: [['BEG*00*SA*PO-1001**2024-01-01', 'PO1*1', 'CTT*1']] });
    expect(lines(build997(group, { control: 1 })).slice(3, 6)).toEqual([
      'AK3*BEG*2**8',
      'AK4*5*373*5*2024-01-01',
      'AK4*5*373*8*2024-01-01',
    ]);
  });

  it('names a missing mandatory segment in AK3 with code 3, at the segment where it was missed', () => {
    // ST 1, BEG 2, CTT 3, SE 4: PO1 never came.
    const group = received({ sets: [['BEG*00*SA*PO-1001**20240101', 'CTT*0']] });
    expect(lines(build997(group, { control: 1 })).slice(2, -2)).toEqual([
      'AK2*850*0001',
      'AK3*PO1*4**3',
      'AK5*R*5',
    ]);
  });

  it('names a missing first segment (BEG) at position 2', () => {
    const group = received({ sets: [['PO1*1', 'CTT*1']] });
    expect(lines(build997(group, { control: 1 }))).toContain('AK3*BEG*2**3');
  });

  it('accepts with errors (E) a set whose only error is in an optional segment', () => {
    const group = received({ sets: [[...validBody, 'CTT*1']] });
    expect(lines(build997(group, { control: 1 })).slice(2, -1)).toEqual([
      'AK2*850*0001',
      'AK3*CTT*5**5',
      'AK5*E*5',
      'AK9*E*1*1*1',
    ]);
  });

  it('partially accepts a group of two sets of which one is bad: AK9*P*2*2*1', () => {
    const group = received({ sets: [validBody, ['ST*850*0002', ...validBody, 'SE*9*0002']] });
    expect(lines(build997(group, { control: 1 }))).toEqual([
      'ST*997*0001',
      'AK1*PO*1421',
      'AK2*850*0001',
      'AK5*A',
      'AK2*850*0002',
      'AK5*R*4',
      'AK9*P*2*2*1',
      'SE*8*0001',
    ]);
  });

  it('leaves accepted sets out when asked for the sets in error only, and still counts them', () => {
    const group = received({ sets: [validBody, ['ST*850*0002', ...validBody, 'SE*9*0002']] });
    expect(lines(build997(group, { control: 1, sets: 'sets-in-error' })).slice(1, -1)).toEqual([
      'AK1*PO*1421',
      'AK2*850*0002',
      'AK5*R*4',
      'AK9*P*2*2*1',
    ]);
  });

  it('rejects the whole group when GE01 is wrong, echoing the declared count in AK902', () => {
    const group = received({ ge: 'GE*2*1421' });
    expect(lines(build997(group, { control: 1 })).slice(-3)).toEqual(['AK5*A', 'AK9*R*2*1*0*5', 'SE*6*0001']);
  });

  it('rejects a set that has no SE with AK5 code 2', () => {
    const group = received({ sets: [[...validBody, noTrailer]] });
    expect(lines(build997(group, { control: 1 })).slice(2, -1)).toEqual([
      'AK2*850*0001',
      'AK5*R*2',
      'AK9*R*1*1*0',
    ]);
  });

  it('rejects a set the receiver does not support with AK5 code 1', () => {
    expect(lines(build997(received(), { control: 1, supportedSets: ['860'] }))).toContain('AK5*R*1');
  });

  it('echoes GS08 in AK103 and ST03 in AK203 in a 5010 997', () => {
    const group = received({
      version: '00501',
      gs08: '005010X220A1',
      sets: [['ST*850*0001*005010X220A1', ...validBody]],
    });
    expect(lines(build997(group, { control: 1 })).slice(1, 3)).toEqual([
      'AK1*PO*1421*005010X220A1',
      'AK2*850*0001*005010X220A1',
    ]);
  });

  it('writes a component position as a C030 composite and keeps separators out of AK404', () => {
    const group: GroupReport = {
      functionalId: 'PO',
      control: '7',
      version: '004010',
      position: 2,
      declaredSets: 1,
      problems: [],
      sets: [
        {
          id: '850',
          control: '0001',
          position: 3,
          segmentCount: 5,
          problems: [
            {
              code: 'element-too-long',
              message: 'PO103 is too long.',
              segment: 5,
              tag: 'PO1',
              actual: `A*B>C~D${'x'.repeat(120)}`,
              elementPosition: 3,
              componentPosition: 2,
              segmentRequired: true,
            },
          ],
        },
      ],
    };
    const ak4 = lines(build997(group, { control: 1 })).find((line) => line.startsWith('AK4'));
    expect(ak4).toBe(`AK4*3>2**5*ABCD${'x'.repeat(95)}`);
  });

  it('writes the 997 as exact X12 text with serializeX12', () => {
    const group = received({ sets: [['BEG*00**PO-1001**20240101', 'PO1*1', 'CTT*1']] });
    const text = serializeX12({ delimiters, segments: build997(group, { control: 42 }), trailer: '\n' });
    expect(text).toBe(
      'ST*997*0042~\nAK1*PO*1421~\nAK2*850*0001~\nAK3*BEG*2**8~\nAK4*2*92*1~\nAK5*R*5~\nAK9*R*1*1*0~\nSE*8*0042~\n',
    );
  });

  it('builds a 997 that itself passes envelope validation once wrapped in an interchange', () => {
    const cases = [
      received(),
      received({ sets: [validBody, ['ST*850*0002', 'BEG*00**PO-1**2024-01-01', 'PO1*1', 'SE*9*0002']] }),
      received({ ge: 'GE*3*1421' }),
    ];
    for (const group of cases) {
      const text = wrapInEnvelope(build997(group, { control: 1 }), { functionalId: 'FA', version: '004010' });
      expect(validateX12Envelope(parseX12(text).segments).problems).toEqual([]);
    }
    const fiveTen = received({ version: '00501', gs08: '005010X220A1' });
    const text = wrapInEnvelope(build997(fiveTen, { control: 1 }), {
      functionalId: 'FA',
      version: '005010X220A1',
    });
    expect(validateX12Envelope(parseX12(text).segments).problems).toEqual([]);
  });

  it('refuses a 997 control number that ST02 cannot hold', () => {
    expect(() => build997(received(), { control: '12345678901' })).toThrow(
      'The 997 control number "12345678901" is 11 characters long; ST02 must be 4 to 9 characters.',
    );
  });
});
