import type {
  ElementErrorCode,
  GroupAckCode,
  GroupErrorCode,
  SegmentErrorCode,
  SetAckCode,
  SetErrorCode,
} from './x12-ack-codes.js';

/**
 * One AK4: an element in error. `position` and `component` are 1-based (AK401, C030);
 * `copy` is the bad value as received, before the 997's own separators are taken out of it.
 *
 * @example
 * const note: ElementNote = { position: 5, reference: 373, code: '8', copy: '2024-01-01' };
 */
export interface ElementNote {
  position: number;
  component?: number;
  reference?: number;
  code: ElementErrorCode;
  copy?: string;
}

/**
 * One AK3: a segment in error, at its position in the set counting ST as 1, with its AK4s.
 *
 * @example
 * const note: SegmentNote = { tag: 'BEG', position: 2, code: '8', elements: [{ position: 2, reference: 92, code: '1' }] };
 */
export interface SegmentNote {
  tag: string;
  position: number;
  loop?: string;
  code: SegmentErrorCode;
  elements: ElementNote[];
}

/**
 * What a 997 says about one transaction set: its AK2 identification, its AK5 status and codes,
 * and the AK3 / AK4 notes in between.
 *
 * @example
 * const set: SetAcknowledgment = { id: '850', control: '0001', status: 'R', codes: ['4'], segments: [] };
 */
export interface SetAcknowledgment {
  id: string;
  control: string;
  implementationReference?: string;
  status: SetAckCode;
  codes: SetErrorCode[];
  segments: SegmentNote[];
}

/**
 * What a 997 says about one functional group, before it is written as segments: AK1, the sets,
 * and AK9 (status, the three counts, and the group's own error codes).
 *
 * @example
 * const ack: GroupAcknowledgment = {
 *   functionalId: 'PO', control: '1421', version: '004010', status: 'A',
 *   included: 1, received: 1, accepted: 1, codes: [], sets: [],
 * };
 */
export interface GroupAcknowledgment {
  functionalId: string;
  control: string;
  version: string | null;
  status: GroupAckCode;
  /** AK902: the number of sets GE01 declared, as received. */
  included: number;
  /** AK903: the sets actually received. */
  received: number;
  /** AK904: the sets accepted, with or without errors. */
  accepted: number;
  codes: GroupErrorCode[];
  sets: SetAcknowledgment[];
}
