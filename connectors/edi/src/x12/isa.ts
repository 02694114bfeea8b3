import { EdiSyntaxError, quote } from '../errors.js';
import type { X12Delimiters } from './types.js';

/** The ISA segment is fixed-width: 106 characters including its terminator. */
export const isaLength = 106;

// Where the element separator must stand in a fixed-width ISA (ISA01..ISA16 have fixed lengths).
const separatorPositions = [3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103];
const isa11At = 82;
const isa12At = 84;
const isa16At = 104;
const terminatorAt = 105;
// From version 00402 on, ISA11 is the repetition separator; before, it is the standards identifier.
const firstVersionWithRepetition = 402;

const alphanumeric = /^[A-Za-z0-9]$/;

function checkDistinct(named: Array<[string, string]>): void {
  for (const [name, char] of named) {
    if (alphanumeric.test(char)) {
      throw new EdiSyntaxError(
        'invalid-delimiters',
        `The ISA declares ${quote(char)} as the ${name}; a delimiter cannot be a letter or a digit.`,
        { offset: 0, segmentPosition: 1 },
      );
    }
  }
  for (let i = 0; i < named.length; i++) {
    for (let j = i + 1; j < named.length; j++) {
      const [a, ca] = named[i]!;
      const [b, cb] = named[j]!;
      if (ca === cb) {
        throw new EdiSyntaxError(
          'invalid-delimiters',
          `The ISA declares the same character ${quote(ca)} as ${a} and as ${b}.`,
          { offset: 0, segmentPosition: 1 },
        );
      }
    }
  }
}

/**
 * Reads the delimiters from the first 106 characters of an X12 interchange.
 * `lineBreak` is left empty: it is only known once the text after the ISA is seen.
 *
 * @example
 * readIsaDelimiters('ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*P*>~');
 * // { element: '*', component: '>', repetition: '^', segment: '~', lineBreak: '' }
 */
export function readIsaDelimiters(text: string): X12Delimiters {
  if (!text.startsWith('ISA')) {
    throw new EdiSyntaxError(
      'missing-isa',
      `The interchange does not begin with an ISA segment: it begins with ${quote(text.slice(0, 3))}.`,
      { offset: 0, segmentPosition: 1 },
    );
  }
  if (text.length < isaLength) {
    throw new EdiSyntaxError(
      'isa-too-short',
      `The interchange is too short for an ISA segment (${isaLength} characters): it has ${text.length}.`,
      { offset: 0, segmentPosition: 1 },
    );
  }
  const element = text.charAt(3);
  for (const at of separatorPositions) {
    if (text.charAt(at) !== element) {
      throw new EdiSyntaxError(
        'isa-not-fixed-width',
        `The ISA segment is not fixed-width: character ${at} should be the element separator ${quote(element)} (the 4th character) but is ${quote(text.charAt(at))}; every ISA element has a fixed length.`,
        { offset: at, segmentPosition: 1 },
      );
    }
  }
  const isa11 = text.charAt(isa11At);
  const version = Number.parseInt(text.slice(isa12At, isa12At + 5), 10);
  // Some senders keep "U" in ISA11 after moving to 00402+; a letter can never be a separator.
  const repetition = version >= firstVersionWithRepetition && !alphanumeric.test(isa11) ? isa11 : null;
  const delimiters: X12Delimiters = {
    element,
    component: text.charAt(isa16At),
    repetition,
    segment: text.charAt(terminatorAt),
    lineBreak: '',
  };
  const named: Array<[string, string]> = [
    ['element separator', delimiters.element],
    ['component separator (ISA16)', delimiters.component],
    ['segment terminator', delimiters.segment],
  ];
  if (repetition !== null) named.push(['repetition separator (ISA11)', repetition]);
  checkDistinct(named);
  return delimiters;
}
