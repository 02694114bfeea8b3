import { describe, expect, it } from 'vitest';
import { parseEdifact, parseEdifactStream } from '../edifact/parse.js';
import { validateEdifactEnvelope } from './edifact-envelope.js';

interface Parts {
  unh?: string;
  body?: string[];
  unt?: string;
  unz?: string | null;
}

/** UNA 0, then UNB 1, UNH 2, BGM 3, DTM 4, LIN 5, UNT 6, UNZ 7 unless changed (UNA is not a segment). */
function interchange(parts: Parts = {}): string {
  const body = parts.body ?? ['BGM+220+PO1001+9', 'DTM+137:20240101:102', 'LIN+1++5020436373085:EN'];
  const segments = [
    'UNB+UNOC:3+SENDER:14+RECEIVER:14+240101:1200+807',
    parts.unh ?? 'UNH+1+ORDERS:D:96A:UN:EAN008',
    ...body,
    parts.unt ?? `UNT+${body.length + 2}+1`,
  ];
  if (parts.unz !== null) segments.push(parts.unz ?? 'UNZ+1+807');
  return `UNA:+.? '${segments.map((s) => `${s}'\n`).join('')}`;
}

function validate(text: string) {
  const doc = parseEdifact(text);
  return validateEdifactEnvelope(doc.segments, { delimiters: doc.delimiters });
}
const messages = (text: string) => validate(text).problems.map((p) => p.message);

describe('validateEdifactEnvelope', () => {
  it('finds no problem in a valid ORDERS interchange and reports its message', () => {
    const report = validate(interchange());
    expect(report.problems).toEqual([]);
    expect(report.interchanges).toEqual([
      {
        control: '807',
        position: 1,
        problems: [],
        groups: [
          {
            functionalId: null,
            control: null,
            version: null,
            position: 2,
            problems: [],
            sets: [{ id: 'ORDERS', control: '1', position: 2, segmentCount: 5, problems: [] }],
          },
        ],
      },
    ]);
  });

  it('says the interchange has no UNZ when it ends without one', () => {
    expect(validate(interchange({ unz: null })).problems).toEqual([
      {
        code: 'missing-trailer',
        message: 'Interchange 807 (UNB at segment 1) has no UNZ trailer: the interchange ends at segment 6.',
        segment: 6,
        tag: 'UNT',
        element: 'UNZ',
      },
    ]);
  });

  it('names UNT 0074 and the real count when the UNT count is wrong', () => {
    expect(validate(interchange({ unt: 'UNT+4+1' })).problems).toMatchObject([
      {
        code: 'count-mismatch',
        element: 'UNT 0074',
        segment: 6,
        message:
          'UNT 0074 (segment 6) says 4 but message 1 has 5 segments from UNH (segment 2) to UNT inclusive.',
      },
    ]);
  });

  it('names UNT 0062 and UNH 0062 when the message references differ', () => {
    expect(messages(interchange({ unt: 'UNT+5+2' }))).toEqual([
      'UNT 0062 (segment 6) is 2 but the message reference in UNH 0062 (segment 2) is 1.',
    ]);
  });

  it('names UNZ 0020 and UNZ 0036 when the trailer does not match the header', () => {
    expect(messages(interchange({ unz: 'UNZ+2+808' }))).toEqual([
      'UNZ 0036 (segment 7) says 2 but interchange 807 (UNB at segment 1) has 1 messages.',
      'UNZ 0020 (segment 7) is 808 but the interchange control reference in UNB 0020 (segment 1) is 807.',
    ]);
  });

  it('says an ORDERS message without BGM and DTM is missing them', () => {
    expect(messages(interchange({ body: ['LIN+1++5020436373085:EN'] }))).toEqual([
      'Message ORDERS with reference 1 (UNH at segment 2) does not begin with BGM: segment 3 right after UNH is LIN, but a ORDERS (purchase order message) must begin with BGM.',
      'Message ORDERS with reference 1 (UNH at segment 2) has no DTM segment; a ORDERS (purchase order message) needs at least 1.',
    ]);
  });

  it('names UNH S009 when a supported message type has no UN directory version', () => {
    expect(messages(interchange({ unh: 'UNH+1+INVOIC:X:1:ZZ' }))).toEqual([
      'UNH S009 (segment 2) identifies the INVOIC message as "INVOIC:X:1:ZZ"; it must be INVOIC:D:<release>:UN with a directory release such as 96A or 01B.',
    ]);
  });

  it('leaves other message types to their own guides and checks only their envelope', () => {
    expect(messages(interchange({ unh: 'UNH+1+PRICAT:D:96A:UN', body: ['PGI+1'] }))).toEqual([]);
  });

  it('counts groups in UNZ and messages in UNE when UNG is used', () => {
    const text = [
      'UNB+UNOC:3+S+R+240101:1200+9',
      'UNG+ORDERS+S+R+240101:1200+G1+UN+D:96A',
      'UNH+1+ORDERS:D:96A:UN',
      'BGM+220+PO1+9',
      'DTM+137:20240101:102',
      'UNT+4+1',
      'UNE+2+G2',
      'UNZ+2+9',
    ]
      .map((s) => `${s}'`)
      .join('');
    const report = validate(text);
    expect(report.problems.map((p) => p.message)).toEqual([
      'UNE 0060 (segment 7) says 2 but group G1 (UNG at segment 2) has 1 messages.',
      'UNE 0048 (segment 7) is G2 but the group reference in UNG 0048 (segment 2) is G1.',
      'UNZ 0036 (segment 8) says 2 but interchange 9 (UNB at segment 1) has 1 functional groups.',
    ]);
    expect(report.interchanges[0]?.groups[0]).toMatchObject({
      functionalId: 'ORDERS',
      control: 'G1',
      version: 'D:96A',
      sets: [{ id: 'ORDERS', control: '1', segmentCount: 4 }],
    });
  });

  it('says a message has no UNT when UNZ ends the interchange', () => {
    expect(messages(interchange({ unt: 'RFF+ON:1', unz: 'UNZ+1+807' }))).toEqual([
      'Message ORDERS with reference 1 (UNH at segment 2) has no UNT trailer: UNZ at segment 7 ends the interchange first.',
    ]);
  });

  it('reads the component separator from the stream while validating it', async () => {
    const text = interchange({ unh: 'UNH+1+DESADV;D;96A;UN', unz: 'UNZ+1+808' }).replace(
      "UNA:+.? '",
      "UNA;+.? '",
    );
    const report = await validateEdifactEnvelope(parseEdifactStream([text]));
    expect(report.problems.map((p) => p.element)).toEqual(['UNZ 0020']);
    expect(report.interchanges[0]?.groups[0]?.sets[0]?.id).toBe('DESADV');
  });
});
