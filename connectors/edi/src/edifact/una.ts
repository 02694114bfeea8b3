import { EdiSyntaxError, quote } from '../errors.js';
import type { EdifactDelimiters } from './types.js';

/** "UNA" followed by six service characters. */
export const unaLength = 9;

/** The service characters an interchange without UNA uses (ISO 9735). */
export const defaultEdifactDelimiters: Readonly<EdifactDelimiters> = Object.freeze({
  component: ':',
  element: '+',
  decimal: '.',
  release: '?',
  repetition: null,
  segment: "'",
  lineBreak: '',
});

/** UNA5 as declared: the version 4 repetition separator, or a reserved space in version 3. */
export interface UnaAdvice {
  delimiters: EdifactDelimiters;
  una5: string;
}

const alphanumeric = /^[A-Za-z0-9]$/;

/**
 * Reads the service string advice `UNA:+.? '`. The repetition separator stays null until the UNB
 * says which syntax version applies.
 *
 * @example
 * readUna("UNA:+,? '").delimiters.decimal; // ','
 */
export function readUna(text: string): UnaAdvice {
  if (text.length < unaLength) {
    throw new EdiSyntaxError(
      'una-too-short',
      `The UNA service string advice needs ${unaLength} characters: the interchange has only ${text.length}.`,
      { offset: 0 },
    );
  }
  const release = text.charAt(6) === ' ' ? null : text.charAt(6);
  const delimiters: EdifactDelimiters = {
    component: text.charAt(3),
    element: text.charAt(4),
    decimal: text.charAt(5),
    release,
    repetition: null,
    segment: text.charAt(8),
    lineBreak: '',
  };
  const named: Array<[string, string]> = [
    ['component separator', delimiters.component],
    ['element separator', delimiters.element],
    ['segment terminator', delimiters.segment],
  ];
  if (release !== null) named.push(['release character', release]);
  for (const [name, char] of named) {
    if (alphanumeric.test(char)) {
      throw new EdiSyntaxError(
        'invalid-delimiters',
        `The UNA declares ${quote(char)} as the ${name}; a service character cannot be a letter or a digit.`,
        { offset: 0 },
      );
    }
  }
  for (let i = 0; i < named.length; i++) {
    for (let j = i + 1; j < named.length; j++) {
      if (named[i]![1] === named[j]![1]) {
        throw new EdiSyntaxError(
          'invalid-delimiters',
          `The UNA declares the same character ${quote(named[i]![1])} as ${named[i]![0]} and as ${named[j]![0]}.`,
          { offset: 0 },
        );
      }
    }
  }
  return { delimiters, una5: text.charAt(7) };
}

/**
 * The repetition separator: only syntax version 4 has one; it is UNA5 (a space means none) or "*"
 * by default. Without a UNB the version is unknown, so a non-space UNA5 is taken at its word.
 */
export function resolveRepetition(version: number | undefined, una5: string | undefined): string | null {
  if (version === undefined) return una5 !== undefined && una5 !== ' ' ? una5 : null;
  if (version < 4) return null;
  if (una5 === undefined) return '*';
  return una5 === ' ' ? null : una5;
}
