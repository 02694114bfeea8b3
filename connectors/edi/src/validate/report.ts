import type { ElementRule } from './rules.js';

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
  | 'too-many-segments'
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
  /** 1-based position of the element in its segment (3 for BEG03): AK401 of a 997. */
  elementPosition?: number;
  /** 1-based position of the component inside a composite element, when only one component is at fault. */
  componentPosition?: number;
  /** The data element dictionary number (324 for BEG03), when the rules know it: AK402 of a 997. */
  elementReference?: number;
  /** The element's representation in the rules, which tells an invalid date from an invalid time or code. */
  elementType?: ElementRule['type'];
  /**
   * Whether the segment at fault is mandatory in its set (BEG in an 850) or optional (CTT), for a
   * problem found inside a set; a 997 rejects a set whose mandatory segments are wrong but only notes
   * errors in optional ones.
   */
  segmentRequired?: boolean;
  /** The loop the segment belongs to, when the rules know it: AK303 of a 997. */
  loop?: string;
}

/** A transaction set (X12 ST…SE) or message (EDIFACT UNH…UNT) and what was wrong inside it. */
export interface SetReport {
  /** ST01 ('850') or the UNH message type ('ORDERS'). */
  id: string;
  /** ST02 or UNH 0062. */
  control: string;
  /** ST03 (implementation convention reference, e.g. '005010X222A1') when the ST has one; AK203 of a 997. */
  implementationReference?: string;
  /** Position of the ST / UNH segment in the interchange. */
  position: number;
  /**
   * Segments counted from ST to SE (or UNH to UNT) inclusive, whatever SE01 / UNT 0074 says; for a
   * set without a trailer, from the header to the last segment before whatever closed it.
   */
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
  /** GE01 as received, when it is a number: AK902 of a 997 echoes it even when it is wrong. */
  declaredSets?: number;
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
