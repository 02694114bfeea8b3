import type { EdiSegment } from '../segment.js';

/** The service characters of an EDIFACT interchange (from UNA, or the ISO 9735 defaults `:+.? '`). */
export interface EdifactDelimiters {
  component: string;
  element: string;
  /** "." or ","; values keep whatever the sender wrote, `edifactDecimal` reads both. */
  decimal: string;
  /** Null when UNA declares a space (no release character). */
  release: string | null;
  /** Syntax version 4 only (UNA5, default "*"); null in version 3, where UNA5 is reserved. */
  repetition: string | null;
  segment: string;
  /** What follows each terminator for readability: "", "\n" or "\r\n". */
  lineBreak: string;
}

/** UNB S001: the character set (UNOA, UNOC, UNOW…) and the syntax version number. */
export interface EdifactSyntax {
  identifier: string;
  version: number;
}

/** A parsed EDIFACT interchange; `serializeEdifact` turns it back into the same text. */
export interface EdifactDocument {
  /** The 9-character UNA service string advice exactly as received, or null when there was none. */
  una: string | null;
  delimiters: EdifactDelimiters;
  /** From the UNB segment; undefined when the text does not begin with UNB (a bare message). */
  syntax: EdifactSyntax | undefined;
  segments: EdiSegment[];
  /** The text after the last terminator (a final line break, padding), kept for an exact round trip. */
  trailer: string;
}
