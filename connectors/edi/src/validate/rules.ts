/**
 * How one data element is checked: by 1-based position (`at: 3` is BEG03), with the lengths and
 * representation of the standard. `type` follows the X12 data dictionary: ID (code), AN (text),
 * DT (CCYYMMDD date), TM (HHMM[SS[dd]] time), N0 (integer), R (decimal; its length counts the
 * characters as written, sign and point included, a little looser than the dictionary).
 */
export interface ElementRule {
  at: number;
  name: string;
  required: boolean;
  min: number;
  max: number;
  type: 'ID' | 'AN' | 'DT' | 'TM' | 'N0' | 'R';
  /** The data element dictionary number (324 for BEG03, purchase order number): a 997 reports it in AK402. */
  reference?: number;
}

/**
 * A segment a transaction set or message expects at its top level. `first` means it must come
 * right after the header (BEG right after ST); `min` and `max` bound its occurrences in the set.
 */
export interface SegmentRule {
  tag: string;
  min: number;
  max?: number;
  first?: boolean;
  elements?: ElementRule[];
}

/**
 * The expected top-level segments of one transaction set or message, in the order they must
 * first appear. Only the listed tags are checked: any other segment may come anywhere.
 */
export interface SetRule {
  id: string;
  name: string;
  segments: SegmentRule[];
}
