/**
 * What a partner's 997 says about one of the transaction sets we sent.
 *
 * @example
 * const status: SetAckStatus = 'accepted-with-errors';
 */
export type SetAckStatus = 'accepted' | 'accepted-with-errors' | 'rejected';

/**
 * What a partner's 997 says about the functional group we sent (AK901).
 *
 * @example
 * const status: GroupAckStatus = 'partially-accepted'; // some sets rejected, some accepted
 */
export type GroupAckStatus = 'accepted' | 'accepted-with-errors' | 'partially-accepted' | 'rejected';

/**
 * One error a partner reported, at the level the 997 reported it: the group (AK905…), a set
 * (AK502…), a segment (AK3) or an element (AK4). `message` is a sentence for an alert.
 *
 * @example
 * const error: AckError = {
 *   level: 'element', code: '1', meaning: 'mandatory data element missing',
 *   segment: { tag: 'BEG', position: 2 }, element: { position: 2, reference: 92 },
 *   message: 'Transaction set 850 0001: BEG02 (data element 92) of the BEG segment at position 2 in the set: mandatory data element missing (AK403 code 1).',
 * };
 */
export interface AckError {
  level: 'group' | 'set' | 'segment' | 'element';
  /** The code as the partner sent it (AK905, AK502, AK304 or AK403). */
  code: string;
  meaning: string;
  message: string;
  /** AK3: the segment's tag, its position in the set counting ST as 1, and its loop when given. */
  segment?: { tag: string; position: number; loop?: string };
  /** AK4: element position (and component), data element number and the copy of the bad value. */
  element?: { position: number; component?: number; reference?: number; value?: string };
}

/**
 * One AK2…AK5 loop of a received 997.
 *
 * @example
 * const set: AcknowledgedSet = { id: '850', control: '0001', status: 'accepted', errors: [], message: 'Transaction set 850 0001 was accepted.' };
 */
export interface AcknowledgedSet {
  id: string;
  control: string;
  implementationReference?: string;
  status: SetAckStatus;
  /** The set's AK502… codes, then its AK3 / AK4 notes, in the order received. */
  errors: AckError[];
  message: string;
}

/**
 * A received 997, read: which group it acknowledges, its verdict, the sets it names, and the
 * group's own errors; each with a sentence, so a flow can mark documents acknowledged and alert
 * on rejections.
 *
 * @example
 * const ack: Received997 = read997(parseX12(text).segments.slice(2, -2));
 * if (ack.status !== 'accepted') alert(ack.message);
 */
export interface Received997 {
  /** AK101: GS01 of the group we sent. */
  functionalId: string;
  /** AK102: GS06 of the group we sent. */
  groupControl: string;
  /** AK103, when the partner echoed GS08. */
  version?: string;
  status: GroupAckStatus;
  /** AK902 (sets GE01 declared), AK903 (sets the partner received), AK904 (sets it accepted). */
  counts: { included: number; received: number; accepted: number };
  sets: AcknowledgedSet[];
  /** The group's own errors (AK905…AK909). */
  errors: AckError[];
  message: string;
}
