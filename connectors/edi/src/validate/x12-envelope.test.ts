import { describe, expect, it } from 'vitest';
import { parseX12 } from '../x12/parse.js';
import { validateX12Envelope } from './x12-envelope.js';

/** A fixed-width ISA for the given version (00401 has "U" in ISA11, 00501 the repetition separator). */
function isa(version: '00401' | '00501', control = '000000905'): string {
  const isa11 = version === '00401' ? 'U' : '^';
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
    isa11,
    version,
    control,
    '0',
    'P',
    '>',
  ].join('*');
}

interface Parts {
  version?: '00401' | '00501';
  gs08?: string;
  body?: string[];
  se?: string;
  ge?: string;
  iea?: string | null;
  lineBreak?: string;
}

/** An 850 in one group; ISA 1, GS 2, ST 3, BEG 4, PO1 5, CTT 6, SE 7, GE 8, IEA 9 unless changed. */
function document(parts: Parts = {}): string {
  const version = parts.version ?? '00401';
  const body = parts.body ?? ['BEG*00*SA*PO-1001**20240101', 'PO1*1*10*EA*9.25**VN*W-1', 'CTT*1'];
  const segments = [
    isa(version),
    `GS*PO*SENDER*RECEIVER*20240101*1200*1421*X*${parts.gs08 ?? (version === '00401' ? '004010' : '005010')}`,
    'ST*850*0001',
    ...body,
    parts.se ?? `SE*${body.length + 2}*0001`,
    parts.ge ?? 'GE*1*1421',
  ];
  if (parts.iea !== null) segments.push(parts.iea ?? 'IEA*1*000000905');
  const lineBreak = parts.lineBreak ?? '\n';
  return segments.map((s) => `${s}~${lineBreak}`).join('');
}

const validate = (text: string) => validateX12Envelope(parseX12(text).segments);
const messages = (text: string) => validate(text).problems.map((p) => p.message);

describe('validateX12Envelope', () => {
  it('finds no problem in a valid 4010 interchange', () => {
    expect(validate(document({ version: '00401' })).problems).toEqual([]);
  });

  it('finds no problem in a valid 5010 interchange', () => {
    expect(validate(document({ version: '00501', gs08: '005010X220A1' })).problems).toEqual([]);
  });

  it('finds no problem when a CRLF follows each segment', () => {
    const text = document({ lineBreak: '\r\n' });
    expect(text).toContain('~\r\nGS*');
    expect(validate(text).problems).toEqual([]);
  });

  it('reports the transaction sets found, for building a 997 later', () => {
    expect(validate(document()).interchanges).toEqual([
      {
        control: '000000905',
        position: 1,
        problems: [],
        groups: [
          {
            functionalId: 'PO',
            control: '1421',
            version: '004010',
            position: 2,
            declaredSets: 1,
            problems: [],
            sets: [{ id: '850', control: '0001', position: 3, segmentCount: 5, problems: [] }],
          },
        ],
      },
    ]);
  });

  it('names SE01 and the real count when SE01 is wrong', () => {
    const report = validate(document({ se: 'SE*4*0001' }));
    expect(report.problems).toEqual([
      {
        code: 'count-mismatch',
        message:
          'SE01 (segment 7) says 4 segments but transaction set 0001 has 5 from ST (segment 3) to SE inclusive.',
        segment: 7,
        tag: 'SE',
        element: 'SE01',
        expected: '5',
        actual: '4',
      },
    ]);
    // The problem belongs to the set, so a 997 can mark it rejected (AK5).
    expect(report.interchanges[0]?.groups[0]?.sets[0]?.problems).toHaveLength(1);
  });

  it('names IEA02 and ISA13 when the interchange control numbers differ', () => {
    const report = validate(document({ iea: 'IEA*1*000000906' }));
    expect(report.problems).toMatchObject([
      { code: 'control-number-mismatch', element: 'IEA02', segment: 9 },
    ]);
    expect(report.problems[0]?.message).toBe(
      'IEA02 (segment 9) is 000000906 but the interchange control number in ISA13 is 000000905.',
    );
  });

  it('says the interchange has no IEA when it ends without one', () => {
    expect(messages(document({ iea: null }))).toEqual([
      'Interchange 000000905 (ISA at segment 1) has no IEA trailer: the interchange ends at segment 8.',
    ]);
  });

  it('names GE01 and the number of sets when GE01 is wrong', () => {
    const report = validate(document({ ge: 'GE*2*1421' }));
    expect(report.problems).toMatchObject([{ code: 'count-mismatch', element: 'GE01', segment: 8 }]);
    expect(report.problems[0]?.message).toBe(
      'GE01 (segment 8) says 2 transaction sets but group 1421 (GS at segment 2) has 1.',
    );
    expect(report.interchanges[0]?.groups[0]?.problems).toHaveLength(1);
  });

  it('names GE02 and GS06 when the group control numbers differ', () => {
    expect(messages(document({ ge: 'GE*1*1422' }))).toEqual([
      'GE02 (segment 8) is 1422 but the group control number in GS06 (segment 2) is 1421.',
    ]);
  });

  it('accepts a GE02 that equals GS06 as a number despite leading zeros', () => {
    expect(messages(document({ ge: 'GE*1*0001421' }))).toEqual([]);
  });

  it('names SE02 and ST02 when the set control numbers differ', () => {
    expect(messages(document({ se: 'SE*5*0002' }))).toEqual([
      'SE02 (segment 7) is 0002 but the transaction set control number in ST02 (segment 3) is 0001.',
    ]);
  });

  it('names IEA01 when it does not count the groups', () => {
    expect(messages(document({ iea: 'IEA*2*000000905' }))).toEqual([
      'IEA01 (segment 9) says 2 functional groups but interchange 000000905 (ISA at segment 1) has 1.',
    ]);
  });

  it('says an 850 without BEG does not begin with BEG', () => {
    const report = validate(document({ body: ['PO1*1*10*EA*9.25**VN*W-1', 'CTT*1'] }));
    expect(report.problems).toEqual([
      {
        code: 'missing-segment',
        message:
          'Transaction set 850 with control number 0001 (ST at segment 3) does not begin with BEG: segment 4 right after ST is PO1, but a 850 (purchase order) must begin with BEG.',
        segment: 4,
        tag: 'PO1',
        expected: 'BEG',
        actual: 'PO1',
        segmentRequired: true,
      },
    ]);
  });

  it('says an 850 without PO1 needs at least one', () => {
    expect(messages(document({ body: ['BEG*00*SA*PO-1001**20240101', 'CTT*0'] }))).toEqual([
      'Transaction set 850 with control number 0001 (ST at segment 3) has no PO1 segment; a 850 (purchase order) needs at least 1.',
    ]);
  });

  it('names the BEG element that is empty, too long or not a date', () => {
    const report = validate(
      document({ body: ['BEG*00**PO-1001-THAT-IS-FAR-TOO-LONG**2024-01-01', 'PO1*1', 'CTT*1'] }),
    );
    expect(report.problems.map((p) => [p.code, p.element, p.message])).toEqual([
      [
        'missing-element',
        'BEG02',
        'BEG02 (segment 4, purchase order type code) is empty; it is mandatory in a 850.',
      ],
      [
        'element-too-long',
        'BEG03',
        'BEG03 (segment 4, purchase order number) is 28 characters long; at most 22 are allowed.',
      ],
      [
        'element-too-long',
        'BEG05',
        'BEG05 (segment 4, purchase order date) is 10 characters long; at most 8 are allowed.',
      ],
      [
        'invalid-element',
        'BEG05',
        'BEG05 (segment 4, purchase order date) is "2024-01-01"; it must be a date written CCYYMMDD.',
      ],
    ]);
  });

  it('gives each element problem its position, data element number and type, for a 997', () => {
    const report = validate(document({ body: ['BEG*00**PO-1**2024-01-01', 'PO1*1', 'CTT*1'] }));
    expect(report.problems).toMatchObject([
      { code: 'missing-element', elementPosition: 2, elementReference: 92, elementType: 'ID' },
      { code: 'element-too-long', elementPosition: 5, elementReference: 373, elementType: 'DT' },
      { code: 'invalid-element', elementPosition: 5, elementReference: 373, elementType: 'DT' },
    ]);
    expect(report.problems.every((p) => p.segmentRequired === true)).toBe(true);
  });

  it('checks the elements of every line item, naming the line by its segment position', () => {
    const text = document({
      body: [
        'BEG*00*SA*PO-1001**20240101',
        'PO1*1*10*EA*9.25**VN*W-1',
        'PO1*2*1O*EACH*9,25**VN*W-2',
        'CTT*2.0',
      ],
    });
    expect(messages(text)).toEqual([
      'PO102 (segment 6, quantity) is "1O"; it must be a decimal number such as 12 or 9.25.',
      'PO103 (segment 6, unit or basis for measurement code) is 4 characters long; at most 2 are allowed.',
      'PO104 (segment 6, unit price) is "9,25"; it must be a decimal number such as 12 or 9.25.',
      'CTT01 (segment 7, number of line items) is "2.0"; it must be a whole number.',
    ]);
    expect(validate(text).problems.map((p) => [p.element, p.elementReference, p.elementType])).toEqual([
      ['PO102', 330, 'R'],
      ['PO103', 355, 'ID'],
      ['PO104', 212, 'R'],
      ['CTT01', 354, 'N0'],
    ]);
  });

  it('says a second CTT is one too many, in an optional segment', () => {
    const report = validate(document({ body: ['BEG*00*SA*PO-1**20240101', 'PO1*1', 'CTT*1', 'CTT*1'] }));
    expect(report.problems).toMatchObject([
      { code: 'too-many-segments', tag: 'CTT', segment: 7, segmentRequired: false },
    ]);
    expect(report.problems[0]?.message).toBe(
      'Transaction set 850 with control number 0001 (ST at segment 3) has CTT a second time at segment 7; a 850 has at most 1.',
    );
  });

  it('keeps ST03 of a 5010 set as its implementation convention reference', () => {
    const text = document({ version: '00501', gs08: '005010X220A1' }).replace(
      'ST*850*0001~',
      'ST*850*0001*005010X220A1~',
    );
    expect(validate(text).interchanges[0]?.groups[0]?.sets[0]?.implementationReference).toBe('005010X220A1');
  });

  it('counts the segments of a set that GE closes without an SE', () => {
    const report = validate(document({ se: 'REF*ZZ*X' }));
    expect(report.interchanges[0]?.groups[0]?.sets[0]?.segmentCount).toBe(5);
  });

  it('says a CTT before the PO1 lines is out of order', () => {
    expect(messages(document({ body: ['BEG*00*SA*PO-1**20240101', 'CTT*1', 'PO1*1'] }))).toEqual([
      'PO1 (segment 6) comes after CTT (segment 5), but in a 850 PO1 belongs before CTT.',
    ]);
  });

  it('reports a missing SE when GE closes the group, and still checks GE01', () => {
    const text = document({ se: 'REF*ZZ*X' });
    expect(messages(text)).toEqual([
      'Transaction set 850 with control number 0001 (ST at segment 3) has no SE trailer: GE at segment 8 closes its group first.',
    ]);
  });

  it('reports a missing GE when IEA ends the interchange', () => {
    expect(messages(document({ ge: 'REF*ZZ*X' }))).toEqual([
      'REF (segment 8) is outside a transaction set: it is inside group 1421 (GS at segment 2) but after the last SE and before the next ST.',
      'Functional group 1421 (GS at segment 2) has no GE trailer: IEA at segment 9 ends the interchange first.',
    ]);
  });

  it('reports an ST outside a GS and a GS outside an ISA', () => {
    const segments = [
      { tag: 'GS', elements: ['PO', 'A', 'B', '20240101', '1200', '1', 'X', '004010'] },
      { tag: 'GE', elements: ['0', '1'] },
      { tag: 'ISA', elements: parseX12(`${isa('00401')}~`).segments[0]!.elements },
      { tag: 'ST', elements: ['850', '0001'] },
      { tag: 'SE', elements: ['2', '0001'] },
      { tag: 'IEA', elements: ['0', '000000905'] },
    ];
    expect(validateX12Envelope(segments).problems.map((p) => p.message)).toEqual([
      'GS (segment 1) is outside an interchange: there is no open ISA, so the group up to its GE is skipped.',
      'ST (segment 4) is outside a functional group: there is no open GS, so the transaction set up to its SE is skipped.',
    ]);
  });

  it('reports a header nested in an open envelope of the same kind', () => {
    const text = document({
      body: ['BEG*00*SA*PO-1**20240101', 'PO1*1', 'ST*850*0002', 'BEG*00*SA*PO-2**20240101', 'PO1*1'],
      ge: 'GE*2*1421',
    });
    expect(messages(text)).toEqual([
      'ST (segment 6) starts a new transaction set while set 0001 (ST at segment 3) has no SE yet.',
      'SE01 (segment 9) says 7 segments but transaction set 0002 has 4 from ST (segment 6) to SE inclusive.',
      'SE02 (segment 9) is 0001 but the transaction set control number in ST02 (segment 6) is 0002.',
    ]);
  });

  it('reports a repeated set control number within a group', () => {
    const body = [
      'BEG*00*SA*PO-1**20240101',
      'PO1*1',
      'SE*4*0001',
      'ST*850*0001',
      'BEG*00*SA*PO-2**20240101',
      'PO1*1',
    ];
    const report = validate(document({ body, se: 'SE*4*0001', ge: 'GE*2*1421' }));
    expect(report.problems.map((p) => p.code)).toEqual(['duplicate-control-number']);
    expect(report.problems[0]?.message).toMatch(
      /^ST02 \(segment 7\) repeats transaction set control number 0001/,
    );
  });

  it('names each ISA element of the wrong width, and a non-numeric ISA13', () => {
    const elements = parseX12(`${isa('00401')}~`).segments[0]!.elements.slice();
    elements[5] = 'SENDER';
    elements[12] = '00000090A';
    const report = validateX12Envelope([
      { tag: 'ISA', elements },
      { tag: 'IEA', elements: ['0', '00000090A'] },
    ]);
    expect(report.problems.map((p) => p.message)).toEqual([
      'ISA06 (segment 1, interchange sender id) is 6 characters long; it must be exactly 15, padded with spaces.',
      'ISA13 (segment 1, interchange control number) is "00000090A"; it must be a 9-digit number.',
    ]);
  });

  it('names GS08 when it is not a version string', () => {
    expect(messages(document({ gs08: '4010' }))).toEqual([
      'GS08 (segment 2, version / release / industry identifier code) is "4010"; it must be six digits such as 004010 or 005010, optionally followed by an industry code (004010VICS).',
    ]);
  });

  it('checks the header segments of the other supported sets', () => {
    const text = [
      isa('00501'),
      'GS*FA*SENDER*RECEIVER*20240101*1200*7*X*005010',
      'ST*997*0001',
      'AK1*PO*1421',
      'AK9*A*1*1',
      'SE*4*0001',
      'ST*856*0002',
      'BSN*00*SHIP1*20240101*12',
      'HL*1**S',
      'SE*4*0002',
      'GE*2*7',
      'IEA*1*000000905',
    ]
      .map((s) => `${s}~`)
      .join('');
    expect(messages(text)).toEqual([
      'AK904 (segment 5, number of accepted transaction sets) is empty; it is mandatory in a 997.',
      'BSN04 (segment 8, time) is 2 characters long; at least 4 are needed.',
      'BSN04 (segment 8, time) is "12"; it must be a time written HHMM, HHMMSS or HHMMSSdd.',
    ]);
  });

  it('works on an async iterable as well as an array', async () => {
    async function* segments() {
      yield* parseX12(document({ iea: 'IEA*1*000000906' })).segments;
    }
    const report = await validateX12Envelope(segments());
    expect(report.problems.map((p) => p.element)).toEqual(['IEA02']);
  });

  it('says an empty input has no segments', () => {
    expect(validateX12Envelope([]).problems.map((p) => p.code)).toEqual(['empty-interchange']);
  });
});
