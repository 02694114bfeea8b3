/** What went wrong while reading an interchange; stable for tests, alerts and the dead-letter grouping. */
export type EdiSyntaxErrorCode =
  | 'invalid-input'
  | 'invalid-encoding'
  | 'empty-interchange'
  | 'missing-isa'
  | 'isa-too-short'
  | 'isa-not-fixed-width'
  | 'una-too-short'
  | 'invalid-delimiters'
  | 'invalid-tag'
  | 'missing-terminator'
  | 'segment-too-long';

/** Where in the interchange the problem is: a character offset and/or a 1-based segment position. */
export interface EdiErrorLocation {
  offset?: number;
  segmentPosition?: number;
}

/**
 * Malformed EDI text. The message is a sentence a support person can act on; `offset` counts
 * characters of the decoded text (the same as bytes for ASCII and latin1 interchanges).
 *
 * @example
 * try {
 *   parseX12('ISA*00*');
 * } catch (error) {
 *   if (error instanceof EdiSyntaxError) console.log(error.code, error.message);
 *   // isa-too-short The interchange is too short for an ISA segment (106 characters): it has 7.
 * }
 */
export class EdiSyntaxError extends Error {
  override readonly name = 'EdiSyntaxError';
  readonly code: EdiSyntaxErrorCode;
  readonly offset: number | undefined;
  readonly segmentPosition: number | undefined;

  constructor(code: EdiSyntaxErrorCode, message: string, location: EdiErrorLocation = {}) {
    super(message);
    this.code = code;
    this.offset = location.offset;
    this.segmentPosition = location.segmentPosition;
  }
}

/** Shows a fragment of the input in a message, with control characters visible. */
export function quote(text: string, max = 20): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(shown);
}
