import { describe, expect, it } from 'vitest';
import { EdiSyntaxError } from '../errors.js';
import { x12Component, x12Components, x12Element, x12Repetitions } from './elements.js';
import { parseX12 } from './parse.js';
import { serializeX12 } from './serialize.js';

/** A fixed-width ISA with the given ISA11 and ISA12. */
function isa(isa11: string, version: string, sep = '*', component = '>', terminator = '~'): string {
  const elements = [
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
    '000000001',
    '0',
    'P',
    component,
  ];
  return `ISA${sep}${elements.join(sep)}${terminator}`;
}

const body = ['GS*PO*SENDER*RECEIVER*20240101*1200*1*X*005010', 'ST*850*0001', 'REF*ZZ*A^B', 'SE*3*0001'];
const trailer = ['GE*1*1', 'IEA*1*000000001'];

function interchange(header: string, lineBreak: string, last = lineBreak): string {
  return `${[header.slice(0, -1), ...body, ...trailer].join(`~${lineBreak}`)}~${last}`;
}

function errorOf(run: () => unknown): EdiSyntaxError {
  try {
    run();
  } catch (error) {
    if (error instanceof EdiSyntaxError) return error;
    throw error;
  }
  throw new Error('expected an EdiSyntaxError');
}

describe('parseX12', () => {
  it('builds a 106-character ISA in these tests', () => {
    expect(isa('U', '00401')).toHaveLength(106);
  });

  it('reads a 4010 ISA as having no repetition separator, so ISA11 "U" stays data', () => {
    const doc = parseX12(interchange(isa('U', '00401'), '\n'));
    expect(doc.delimiters).toEqual({
      element: '*',
      component: '>',
      repetition: null,
      segment: '~',
      lineBreak: '\n',
    });
    const ref = doc.segments[3]!;
    expect(x12Repetitions(ref.elements[1]!, doc.delimiters)).toEqual(['A^B']);
  });

  it('reads ISA11 "^" of a 5010 ISA as the repetition separator', () => {
    const doc = parseX12(interchange(isa('^', '00501'), '\n'));
    expect(doc.delimiters.repetition).toBe('^');
    expect(x12Repetitions(doc.segments[3]!.elements[1]!, doc.delimiters)).toEqual(['A', 'B']);
  });

  it('ignores a letter in ISA11 even from version 00402 on, since a letter cannot be a separator', () => {
    expect(parseX12(interchange(isa('U', '00501'), '')).delimiters.repetition).toBeNull();
  });

  it.each([
    ['CRLF after each segment', '\r\n'],
    ['LF after each segment', '\n'],
    ['no line breaks', ''],
  ])('round-trips an interchange with %s byte for byte', (_title, lineBreak) => {
    const text = interchange(isa('^', '00501'), lineBreak);
    const doc = parseX12(text);
    expect(doc.delimiters.lineBreak).toBe(lineBreak);
    expect(doc.segments.map((s) => s.tag)).toEqual(['ISA', 'GS', 'ST', 'REF', 'SE', 'GE', 'IEA']);
    expect(serializeX12(doc)).toBe(text);
  });

  it('keeps a missing final line break and trailing padding so the round trip stays exact', () => {
    for (const last of ['', '\r\n\r\n', '\n  \0']) {
      const text = interchange(isa('U', '00401'), '\r\n', last);
      const doc = parseX12(text);
      expect(doc.trailer).toBe(last);
      expect(serializeX12(doc)).toBe(text);
    }
  });

  it('reads other delimiters from the ISA: "|" elements, ":" components, newline-free "\\x1c" terminator', () => {
    const header = isa('U', '00401', '|', ':', '\x1c');
    const text = `${header}GS|PO|A:B${'\x1c'}IEA|1|000000001\x1c`;
    const doc = parseX12(text);
    expect(doc.delimiters).toMatchObject({ element: '|', component: ':', segment: '\x1c' });
    expect(x12Components(doc.segments[1]!.elements[1]!, doc.delimiters)).toEqual(['A', 'B']);
    expect(x12Component(doc.segments[1]!, 2, 2, doc.delimiters)).toBe('B');
    expect(serializeX12(doc)).toBe(text);
  });

  it('records where each segment was found and keeps empty and trailing elements', () => {
    const doc = parseX12(`${isa('U', '00401')}\nN1*ST**9*~\nIEA*1*000000001~\n`);
    expect(JSON.parse(JSON.stringify(doc.segments[1]))).toEqual({
      tag: 'N1',
      elements: ['ST', '', '9', ''],
      position: 2,
      offset: 107,
    });
    expect(x12Element(doc.segments[1]!, 3)).toBe('9');
    expect(x12Element(doc.segments[1]!, 9)).toBeUndefined();
  });

  it('decodes bytes as latin1 on request so that any byte survives the round trip', () => {
    const text = `${isa('U', '00401')}N1*ST*M\u00dcLLER\u00ff~IEA*1*000000001~`;
    const bytes = Buffer.from(text, 'latin1');
    const doc = parseX12(bytes, { encoding: 'latin1' });
    expect(doc.segments[1]!.elements[1]).toBe('M\u00dcLLER\u00ff');
    expect(Buffer.from(serializeX12(doc), 'latin1').equals(bytes)).toBe(true);
  });
});

describe('parseX12 on malformed input', () => {
  it('says the interchange is empty', () => {
    expect(errorOf(() => parseX12('')).message).toBe('The interchange is empty.');
  });

  it('says how short an interchange is that cannot hold an ISA', () => {
    const error = errorOf(() => parseX12(isa('U', '00401').slice(0, 40)));
    expect(error.code).toBe('isa-too-short');
    expect(error.message).toBe(
      'The interchange is too short for an ISA segment (106 characters): it has 40.',
    );
  });

  it('says what the interchange begins with when it is not an ISA', () => {
    expect(errorOf(() => parseX12('UNB+UNOA:3+X+Y')).message).toBe(
      'The interchange does not begin with an ISA segment: it begins with "UNB".',
    );
  });

  it('points at the character where a padded ISA element is too short', () => {
    const broken = isa('U', '00401').replace('SENDER         ', 'SENDER        ');
    const error = errorOf(() => parseX12(`${broken} ~`));
    expect(error.code).toBe('isa-not-fixed-width');
    expect(error.message).toMatch(
      /^The ISA segment is not fixed-width: character 50 should be the element separator "\*"/,
    );
  });

  it('refuses an ISA whose component separator equals its element separator', () => {
    const error = errorOf(() => parseX12(isa('U', '00401', '*', '*')));
    expect(error.message).toBe(
      'The ISA declares the same character "*" as element separator and as component separator (ISA16).',
    );
  });

  it('names the position and offset of a last segment without a terminator', () => {
    const error = errorOf(() => parseX12(`${isa('U', '00401')}\nGS*PO~\nIEA*1*000000001`));
    expect(error.code).toBe('missing-terminator');
    expect(error.segmentPosition).toBe(3);
    expect(error.offset).toBe(114);
    expect(error.message).toBe(
      'Segment 3 (near character 114) has no terminator "~": the interchange ends inside it.',
    );
  });

  it('names a segment whose tag is not a tag', () => {
    const error = errorOf(() => parseX12(`${isa('U', '00401')}GS*PO~ ST*850~`));
    expect(error.message).toBe(
      'Segment 3 (near character 112) starts with " ST", which is not a segment tag (2 or 3 capital letters or digits).',
    );
  });

  it('stops at a segment that never ends instead of buffering the whole input', () => {
    const error = errorOf(() =>
      parseX12(`${isa('U', '00401')}GS*${'x'.repeat(200)}`, { maxSegmentLength: 100 }),
    );
    expect(error.code).toBe('segment-too-long');
  });

  it('reports invalid UTF-8 with a sentence that names the latin1 option', () => {
    const bytes = Buffer.concat([Buffer.from(isa('U', '00401')), Buffer.from([0xff, 0x7e])]);
    expect(errorOf(() => parseX12(bytes)).code).toBe('invalid-encoding');
  });

  it.each([null, undefined, 42, {}, ['ISA']])('answers %j with a sentence, not a TypeError', (input) => {
    const error = errorOf(() => parseX12(input as unknown as string));
    expect(error.code).toBe('invalid-input');
  });

  it('never throws anything but EdiSyntaxError on random garbage', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const alphabet = 'ISA*~>^U0 \n\r:+';
    for (let n = 0; n < 500; n++) {
      const length = Math.floor(random() * 300);
      let text = n % 2 === 0 ? isa('^', '00501') : '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      try {
        parseX12(text);
      } catch (error) {
        expect(error).toBeInstanceOf(EdiSyntaxError);
      }
    }
  });
});
