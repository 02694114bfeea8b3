import { describe, expect, it } from 'vitest';
import { EdiSyntaxError } from '../errors.js';
import { edifactDecimal, edifactValue, formatEdifactDecimal } from './elements.js';
import { parseEdifact } from './parse.js';
import { edifactComponents, edifactEscape, edifactRepetitions, edifactUnescape } from './release.js';
import { serializeEdifact } from './serialize.js';

const v3 = "UNB+UNOC:3+SENDER:14+RECEIVER:14+240101:1200+REF1'UNH+1+ORDERS:D:96A:UN'UNT+2+1'UNZ+1+REF1'";

function errorOf(run: () => unknown): EdiSyntaxError {
  try {
    run();
  } catch (error) {
    if (error instanceof EdiSyntaxError) return error;
    throw error;
  }
  throw new Error('expected an EdiSyntaxError');
}

describe('parseEdifact', () => {
  it('uses the ISO 9735 defaults when there is no UNA', () => {
    const doc = parseEdifact(v3);
    expect(doc.una).toBeNull();
    expect(doc.delimiters).toEqual({
      component: ':',
      element: '+',
      decimal: '.',
      release: '?',
      repetition: null,
      segment: "'",
      lineBreak: '',
    });
    expect(doc.segments.map((s) => s.tag)).toEqual(['UNB', 'UNH', 'UNT', 'UNZ']);
    expect(serializeEdifact(doc)).toBe(v3);
  });

  it('reads syntax version 3 from UNB S001 and gives it no repetition separator', () => {
    const doc = parseEdifact(v3);
    expect(doc.syntax).toEqual({ identifier: 'UNOC', version: 3 });
    expect(edifactRepetitions('A*B', doc.delimiters)).toEqual(['A*B']);
  });

  it('reads syntax version 4 and uses the default "*" repetition separator without UNA', () => {
    const doc = parseEdifact(v3.replace('UNOC:3', 'UNOW:4'));
    expect(doc.syntax).toEqual({ identifier: 'UNOW', version: 4 });
    expect(doc.delimiters.repetition).toBe('*');
    expect(edifactRepetitions('A:1*B?*C:2', doc.delimiters)).toEqual(['A:1', 'B?*C:2']);
  });

  it('reads every service character from a UNA, including a decimal comma and a version 4 repetition', () => {
    const text = 'UNA|#,!^~UNB#UNOC|4#S#R#240101|1200#1~QTY#21|12,5~UNZ#1#1~';
    const doc = parseEdifact(text);
    expect(doc.una).toBe('UNA|#,!^~');
    expect(doc.delimiters).toEqual({
      component: '|',
      element: '#',
      decimal: ',',
      release: '!',
      repetition: '^',
      segment: '~',
      lineBreak: '',
    });
    const qty = doc.segments[1]!;
    expect(edifactDecimal(edifactValue(qty, 1, 2, doc.delimiters)!, doc.delimiters)).toBe(12.5);
    expect(serializeEdifact(doc)).toBe(text);
  });

  it('treats a space as "none" for the UNA release character and the version 3 reserved character', () => {
    const doc = parseEdifact("UNA:+.  'UNB+UNOA:3+S+R+240101:1200+1'FTX+AAA+++WHAT?'UNZ+1+1'");
    expect(doc.delimiters.release).toBeNull();
    expect(doc.delimiters.repetition).toBeNull();
    expect(doc.segments[1]!.elements).toEqual(['AAA', '', '', 'WHAT?']);
  });

  it("keeps ?' ?+ ?: ?? in the raw elements and removes them in the values", () => {
    const text = "UNA:+.? 'UNB+UNOA:3+S+R+240101:1200+1'NAD+BY+++O?'NEIL ?+ SONS:UNIT 5?:6:100???%'UNZ+1+1'";
    const doc = parseEdifact(text);
    const nad = doc.segments[1]!;
    expect(nad.elements).toEqual(['BY', '', '', "O?'NEIL ?+ SONS:UNIT 5?:6:100???%"]);
    expect(edifactComponents(nad.elements[3]!, doc.delimiters)).toEqual([
      "O'NEIL + SONS",
      'UNIT 5:6',
      '100?%',
    ]);
    expect(serializeEdifact(doc)).toBe(text);
  });

  it('does not end a segment at a terminator preceded by an escaped release character', () => {
    const doc = parseEdifact("UNB+UNOA:3+S+R+240101:1200+1'FTX+AAA+++A???'B??'UNZ+1+1'");
    expect(doc.segments[1]!.elements[3]).toBe("A???'B??");
    expect(edifactUnescape("A???'B??", doc.delimiters)).toBe("A?'B?");
    expect(doc.segments[2]!.tag).toBe('UNZ');
  });

  it('escapes a value so that it unescapes back to itself', () => {
    const { delimiters } = parseEdifact(v3);
    const value = "O'NEIL + SONS: 50% ?";
    const raw = edifactEscape(value, delimiters);
    expect(raw).toBe("O?'NEIL ?+ SONS?: 50% ??");
    expect(edifactUnescape(raw, delimiters)).toBe(value);
  });

  it('reads and writes decimal commas, and still accepts a full stop', () => {
    const comma = { decimal: ',' };
    expect(edifactDecimal('1304,59', comma)).toBe(1304.59);
    expect(edifactDecimal('1304.59', comma)).toBe(1304.59);
    expect(edifactDecimal('-,5', comma)).toBe(-0.5);
    expect(edifactDecimal('', comma)).toBeUndefined();
    expect(edifactDecimal('12,5,0', comma)).toBeUndefined();
    expect(formatEdifactDecimal(12.5, comma)).toBe('12,5');
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
  ])('round-trips a UNA interchange with %s after each segment', (_title, lineBreak) => {
    const text = `UNA:+.? '${lineBreak}${v3.split("'").slice(0, -1).join(`'${lineBreak}`)}'${lineBreak}`;
    const doc = parseEdifact(text);
    expect(doc.delimiters.lineBreak).toBe(lineBreak);
    expect(doc.segments).toHaveLength(4);
    expect(serializeEdifact(doc)).toBe(text);
  });

  it('parses a bare message without UNB, leaving the syntax unknown', () => {
    const doc = parseEdifact("UNH+1+ORDERS:D:96A:UN'BGM+220+1'UNT+3+1'");
    expect(doc.syntax).toBeUndefined();
    expect(doc.segments).toHaveLength(3);
  });
});

describe('parseEdifact on malformed input', () => {
  it('says the interchange is empty', () => {
    expect(errorOf(() => parseEdifact('')).message).toBe('The interchange is empty.');
  });

  it('says a UNA is too short', () => {
    expect(errorOf(() => parseEdifact('UNA:+')).message).toBe(
      'The UNA service string advice needs 9 characters: the interchange has only 5.',
    );
  });

  it('refuses a UNA that declares one character twice', () => {
    expect(errorOf(() => parseEdifact("UNA++.? 'UNB+UNOA:3'")).message).toBe(
      'The UNA declares the same character "+" as component separator and as element separator.',
    );
  });

  it('names the segment that lacks a terminator, also after an escaped one', () => {
    const error = errorOf(() => parseEdifact("UNB+UNOA:3+S+R+240101:1200+1'UNZ+1+1?'"));
    expect(error.message).toBe(
      `Segment 2 (near character 29) has no terminator "'": the interchange ends inside it.`,
    );
  });

  it('names a segment whose tag is not a tag', () => {
    expect(errorOf(() => parseEdifact("UNB+UNOA:3'\tUNH+1'")).message).toBe(
      'Segment 2 (near character 11) starts with "\\tUNH", which is not a segment tag (2 or 3 capital letters or digits).',
    );
  });

  it('never throws anything but EdiSyntaxError on random garbage', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const alphabet = "UNABZH+:?'. \n\r*1";
    for (let n = 0; n < 500; n++) {
      let text = n % 2 === 0 ? "UNA:+.? '" : '';
      const length = Math.floor(random() * 200);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      try {
        parseEdifact(text);
      } catch (error) {
        expect(error).toBeInstanceOf(EdiSyntaxError);
      }
    }
  });
});
