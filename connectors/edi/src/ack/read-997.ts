import type { EdiSegment } from '../segment.js';
import { errorSentence, groupSentence, setName, setSentence } from './ack-sentences.js';
import type { AckError, GroupAckStatus, Received997, SetAckStatus } from './received-ack.js';
import {
  elementErrorMeanings,
  groupErrorMeanings,
  meaningOf,
  segmentErrorMeanings,
  setErrorMeanings,
} from './x12-ack-codes.js';

/**
 * Why a received 997 could not be read; stable for alerts and the dead-letter grouping.
 *
 * @example
 * const code: Read997ErrorCode = 'missing-segment';
 */
export type Read997ErrorCode = 'not-a-997' | 'missing-segment' | 'invalid-element' | 'more-than-one-set';

/**
 * A 997 that cannot be trusted to mark documents acknowledged. The message is a sentence a
 * support person can act on.
 *
 * @example
 * try {
 *   read997(segments);
 * } catch (error) {
 *   if (error instanceof Read997Error) console.log(error.code, error.message);
 *   // missing-segment The 997 has no AK9 segment, so it does not say whether the group was accepted.
 * }
 */
export class Read997Error extends Error {
  override readonly name = 'Read997Error';
  readonly code: Read997ErrorCode;

  constructor(code: Read997ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

// M, W and X are rejections for security reasons (MAC failed, assurance failed, cannot decrypt).
const setStatuses = new Map<string, SetAckStatus>([
  ['A', 'accepted'],
  ['E', 'accepted-with-errors'],
  ['R', 'rejected'],
  ['M', 'rejected'],
  ['W', 'rejected'],
  ['X', 'rejected'],
]);
const groupStatuses = new Map<string, GroupAckStatus>([...setStatuses, ['P', 'partially-accepted']]);

interface OpenSet {
  id: string;
  control: string;
  implementationReference?: string;
  errors: AckError[];
  segment: AckError['segment'];
}

/**
 * Reads one received 997 transaction set (its segments from ST to SE; segments of an envelope
 * around it are skipped) into what it says about the group we sent and each of its sets, with sentences.
 * Throws `Read997Error` when the 997 lacks what is needed to trust it (AK1, AK9, an AK5 per AK2,
 * a known acknowledgment code).
 *
 * @example
 * const ack = read997(parseX12(text).segments);
 * ack.status; // 'partially-accepted'
 * ack.sets[1]; // { id: '850', control: '0002', status: 'rejected', errors: [...], message: 'Transaction set 850 0002 was rejected: …' }
 * ack.message; // 'Functional group 1421 (PO) was partially accepted: the partner accepted 1 of 2 transaction sets; rejected: 850 0002.'
 */
export function read997(segments: Iterable<EdiSegment>): Received997 {
  let header: { functionalId: string; groupControl: string; version?: string } | undefined;
  let trailer: Pick<Received997, 'status' | 'counts' | 'errors'> | undefined;
  let seenSt = false;
  let open: OpenSet | undefined;
  const sets: Received997['sets'] = [];
  for (const segment of segments) {
    const e = (n: number) => segment.elements[n - 1] ?? '';
    switch (segment.tag) {
      case 'ST':
        if (seenSt) {
          throw new Read997Error(
            'more-than-one-set',
            'The segments hold more than one transaction set; read each 997 from its ST to its SE separately.',
          );
        }
        seenSt = true;
        if (e(1) !== '997') {
          throw new Read997Error(
            'not-a-997',
            `The transaction set is a ${e(1) || 'set without ST01'}, not a 997 functional acknowledgment.`,
          );
        }
        break;
      case 'AK1':
        header = { functionalId: e(1), groupControl: e(2), ...(e(3) === '' ? {} : { version: e(3) }) };
        break;
      case 'AK2':
        if (open !== undefined) throw noAk5(open);
        open = { id: e(1), control: e(2), errors: [], segment: undefined };
        if (e(3) !== '') open.implementationReference = e(3);
        break;
      case 'AK3':
        if (open === undefined) break;
        open.segment = {
          tag: e(1),
          position: count(e(2), 'AK302'),
          ...(e(3) === '' ? {} : { loop: e(3) }),
        };
        // An AK3 may carry no code when its AK4s say it all.
        if (e(4) !== '') open.errors.push(setError(open, 'segment', e(4), { segment: open.segment }));
        break;
      case 'AK4':
        if (open !== undefined) open.errors.push(elementError(open, segment));
        break;
      case 'AK5': {
        const current = open;
        if (current === undefined) break;
        const status = statusOf(
          setStatuses,
          e(1),
          'AK501',
          `transaction set ${current.id} ${current.control}`,
        );
        // AK502…AK506 come first in the list: they are the verdict; the notes above explain it.
        const codes = segment.elements.slice(1).filter((code) => code !== '');
        const errors = [...codes.map((code) => setError(current, 'set', code, {})), ...current.errors];
        sets.push({
          id: current.id,
          control: current.control,
          ...(current.implementationReference === undefined
            ? {}
            : { implementationReference: current.implementationReference }),
          status,
          errors,
          message: setSentence(current.id, current.control, status, errors),
        });
        open = undefined;
        break;
      }
      case 'AK9': {
        if (open !== undefined) throw noAk5(open);
        const group =
          header === undefined ? 'the functional group' : `functional group ${header.groupControl}`;
        const status = statusOf(groupStatuses, e(1), 'AK901', group);
        const subject =
          header === undefined ? 'The functional group' : `Functional group ${header.groupControl}`;
        const errors = segment.elements.slice(4).flatMap((code): AckError[] => {
          if (code === '') return [];
          const error: Omit<AckError, 'message'> = {
            level: 'group',
            code,
            meaning: meaningOf(groupErrorMeanings, code),
          };
          return [{ ...error, message: errorSentence(subject, error) }];
        });
        trailer = {
          status,
          counts: {
            included: count(e(2), 'AK902'),
            received: count(e(3), 'AK903'),
            accepted: count(e(4), 'AK904'),
          },
          errors,
        };
        break;
      }
      // SE, and an envelope around the set (ISA, GS…), say nothing about the acknowledgment.
    }
  }
  if (open !== undefined) throw noAk5(open);
  if (header === undefined) {
    throw new Read997Error(
      'missing-segment',
      'The 997 has no AK1 segment, so it does not say which functional group it acknowledges.',
    );
  }
  if (trailer === undefined) {
    throw new Read997Error(
      'missing-segment',
      `The 997 for functional group ${header.groupControl} has no AK9 segment, so it does not say whether the group was accepted.`,
    );
  }
  const ack = { ...header, ...trailer, sets };
  return { ...ack, message: groupSentence(ack) };
}

/**
 * The verdict of a 997 on one set we sent, by its ST02. A 997 may list only the sets in error, so
 * a set it does not name shares the group's verdict; undefined when the 997 names every set it
 * received and this one is not among them (it acknowledges another transmission).
 *
 * @example
 * acknowledgedSetStatus(read997(segments), '0002'); // 'rejected'
 */
export function acknowledgedSetStatus(ack: Received997, control: string): SetAckStatus | undefined {
  // A rejected group is resent as a whole, whatever its sets' own AK5 said.
  if (ack.status === 'rejected') return 'rejected';
  const set = ack.sets.find((candidate) => candidate.control === control);
  if (set !== undefined) return set.status;
  if (ack.sets.length >= ack.counts.received) return undefined;
  return 'accepted';
}

function setError(
  open: OpenSet,
  level: 'set' | 'segment',
  code: string,
  where: Pick<AckError, 'segment'>,
): AckError {
  const meaning = meaningOf(level === 'set' ? setErrorMeanings : segmentErrorMeanings, code);
  const error: Omit<AckError, 'message'> = { level, code, meaning, ...where };
  return { ...error, message: errorSentence(setName(open.id, open.control), error) };
}

function elementError(open: OpenSet, segment: EdiSegment): AckError {
  const [position = '', reference = '', code = '', value = ''] = segment.elements;
  // AK401 is the composite C030: element position, then the component position after ISA16,
  // whatever character the partner uses for it.
  const [elementPosition = '', component] = position.split(/\D/);
  const element: NonNullable<AckError['element']> = { position: count(elementPosition, 'AK401') };
  if (component !== undefined && component !== '') element.component = count(component, 'AK401');
  if (reference !== '') element.reference = count(reference, 'AK402');
  if (value !== '') element.value = value;
  const meaning = meaningOf(elementErrorMeanings, code);
  // An AK4 outside an AK3 has no segment to name; it still belongs to the set.
  const error: Omit<AckError, 'message'> = { level: 'element', code, meaning, element };
  if (open.segment !== undefined) error.segment = open.segment;
  return { ...error, message: errorSentence(setName(open.id, open.control), error) };
}

function count(value: string, element: string): number {
  if (!/^\d+$/.test(value)) {
    throw new Read997Error(
      'invalid-element',
      `${element} of the 997 is ${JSON.stringify(value)}; it must be a number.`,
    );
  }
  return Number(value);
}

function statusOf<T>(statuses: ReadonlyMap<string, T>, code: string, element: string, subject: string): T {
  const status = statuses.get(code);
  if (status === undefined) {
    throw new Read997Error(
      'invalid-element',
      `${element} of the 997 is ${JSON.stringify(code)}, which is not an acknowledgment code, so it is unknown whether ${subject} was accepted.`,
    );
  }
  return status;
}

function noAk5(open: OpenSet): Read997Error {
  return new Read997Error(
    'missing-segment',
    `The 997 has no AK5 for transaction set ${open.id} ${open.control}, so it does not say whether that set was accepted.`,
  );
}
