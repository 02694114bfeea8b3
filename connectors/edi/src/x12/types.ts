import type { EdiSegment } from '../segment.js';

/** The separators an X12 interchange declares in its ISA segment. */
export interface X12Delimiters {
  /** The 4th character of the interchange. */
  element: string;
  /** ISA16. */
  component: string;
  /** ISA11 from version 00402 on; null before (ISA11 is then the standards identifier, usually "U"). */
  repetition: string | null;
  /** The character after ISA16. */
  segment: string;
  /** What follows each terminator for readability: "", "\n" or "\r\n". */
  lineBreak: string;
}

/** A parsed X12 interchange; `serializeX12` turns it back into the same text. */
export interface X12Document {
  delimiters: X12Delimiters;
  segments: EdiSegment[];
  /** The text after the last terminator (a final line break, padding), kept for an exact round trip. */
  trailer: string;
}
