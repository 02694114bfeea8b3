/** What kind of envelope problem was found; stable for tests, alerts and 997 / CONTRL building. */
export type EnvelopeProblemCode =
  | 'isa-element-count'
  | 'isa-element-length'
  | 'not-numeric'
  | 'control-number-mismatch'
  | 'count-mismatch'
  | 'duplicate-control-number'
  | 'missing-trailer'
  | 'unexpected-segment'
  | 'nested-header'
  | 'invalid-version'
  | 'missing-segment'
  | 'segment-out-of-order'
  | 'missing-element'
  | 'element-too-long'
  | 'element-too-short'
  | 'invalid-element'
  | 'empty-interchange';

/**
 * One envelope problem. `message` is a sentence a support person can act on; the other fields
 * are for machines (alerts, grouping, building the AK3/AK4 entries of a 997).
 */
export interface EnvelopeProblem {
  code: EnvelopeProblemCode;
  message: string;
  /** 1-based position of the segment in the interchange (the segment the problem was found at). */
  segment: number;
  tag: string;
  /** The element in X12 or EDIFACT reference style, e.g. 'IEA02' or 'UNZ 0020'. */
  element?: string;
  expected?: string;
  actual?: string;
}

/** A transaction set (X12 ST…SE) or message (EDIFACT UNH…UNT) and what was wrong inside it. */
export interface SetReport {
  /** ST01 ('850') or the UNH message type ('ORDERS'). */
  id: string;
  /** ST02 or UNH 0062. */
  control: string;
  /** Position of the ST / UNH segment in the interchange. */
  position: number;
  /** Segments counted from ST to SE (or UNH to UNT) inclusive, whatever SE01 / UNT 0074 says. */
  segmentCount: number;
  /** Problems found between the header and the trailer, both included. */
  problems: EnvelopeProblem[];
}

/** A functional group (X12 GS…GE, EDIFACT UNG…UNE, or the implicit group of an EDIFACT interchange without UNG). */
export interface GroupReport {
  /** GS01 ('PO') or UNG 0038; null for the implicit EDIFACT group. */
  functionalId: string | null;
  /** GS06 or UNG 0048; null for the implicit EDIFACT group. */
  control: string | null;
  /** GS08 ('004010VICS') or UNG S008; null when not given. */
  version: string | null;
  position: number;
  sets: SetReport[];
  /** Problems of the group header and trailer themselves (GE01, GE02…), not of its sets. */
  problems: EnvelopeProblem[];
}

/** One interchange (ISA…IEA or UNB…UNZ). */
export interface InterchangeReport {
  /** ISA13 or UNB 0020. */
  control: string;
  position: number;
  groups: GroupReport[];
  /** Problems of the interchange header and trailer themselves. */
  problems: EnvelopeProblem[];
}

/**
 * The result of an envelope validation: every problem in order, and the envelopes that were
 * found, so an acknowledgment (997 AK2/AK5, AK3/AK4) can be built from it later without a second pass.
 */
export interface EnvelopeReport {
  problems: EnvelopeProblem[];
  interchanges: InterchangeReport[];
}

/** A segment as the validators read it: parsed segments carry their position, hand-built ones may not. */
export interface ValidatedSegment {
  tag: string;
  elements: string[];
  position?: number;
}
