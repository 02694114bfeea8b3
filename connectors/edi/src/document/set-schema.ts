/**
 * The loop structure of a transaction set or message, as data: which segment starts a loop and
 * which segments (and nested loops) belong to it. It is all the reader needs to turn a flat list
 * of segments into the nested document a JSONata map reads, and it is small enough for an
 * analyst to extend when a partner sends a segment the standard guide puts elsewhere.
 *
 * @example
 * const n1: LoopSchema = { start: 'N1', id: 'N1', members: ['N2', 'N3', 'N4', 'REF', 'PER'] };
 */
export interface LoopSchema {
  /** The segment that opens each occurrence of the loop, e.g. 'N1', 'PO1', 'HL', 'NAD'. */
  start: string;
  /** The loop identifier the standard gives it (X12 AK303), e.g. 'N1', '2000', 'SG2'. */
  id: string;
  /** Segments that may follow the start segment inside one occurrence of the loop. */
  members: readonly string[];
  loops?: readonly LoopSchema[];
}

/**
 * One supported transaction set (X12) or message (EDIFACT).
 *
 * @example
 * const schema: SetSchema = { standard: 'x12', id: '850', title: 'Purchase order', functionalId: 'PO', loops: [n1] };
 */
export interface SetSchema {
  standard: 'x12' | 'edifact';
  /** ST01 ('850') or the UNH message type ('ORDERS'). */
  id: string;
  title: string;
  /** X12 GS01 for groups of this set ('PO' for 850); undefined for EDIFACT. */
  functionalId?: string;
  /** Loops that may open directly under the header; other segments stay at the top level. */
  loops: readonly LoopSchema[];
}

/** The key a loop's occurrences are kept under in a document: `N1_loop`. */
export function loopKey(start: string): string {
  return `${start}_loop`;
}

/** The start segment of a loop key, or undefined when the key does not name a loop. */
export function loopStartOf(key: string): string | undefined {
  return key.endsWith('_loop') ? key.slice(0, -5) : undefined;
}
