import type { AckError, AcknowledgedSet, GroupAckStatus, SetAckStatus } from './received-ack.js';

const setVerdicts: Record<SetAckStatus, string> = {
  accepted: 'was accepted',
  'accepted-with-errors': 'was accepted with errors',
  rejected: 'was rejected',
};
const groupVerdicts: Record<GroupAckStatus, string> = {
  accepted: 'was accepted',
  'accepted-with-errors': 'was accepted with errors',
  'partially-accepted': 'was partially accepted',
  rejected: 'was rejected',
};

/**
 * How a transaction set is named in sentences: its id and control number.
 *
 * @example
 * setName('850', '0001'); // 'Transaction set 850 0001'
 */
export function setName(id: string, control: string): string {
  return `Transaction set ${id} ${control}`;
}

/**
 * The sentence of one error, from where it was found and what its code means.
 *
 * @example
 * errorSentence('Transaction set 850 0001', { level: 'set', code: '4', meaning: 'number of included segments does not match actual count' });
 * // 'Transaction set 850 0001: number of included segments does not match actual count (AK502 code 4).'
 */
export function errorSentence(subject: string, error: Omit<AckError, 'message'>): string {
  return `${subject}: ${errorDetail(error)}.`;
}

/** Where the error is and what it means, without a subject, to follow a colon. */
function errorDetail(error: Omit<AckError, 'message'>): string {
  const { segment, element } = error;
  const code = `${codeElement[error.level]} code ${error.code}`;
  if (segment === undefined) return `${error.meaning} (${code})`;
  const loop = segment.loop === undefined ? '' : ` in loop ${segment.loop}`;
  const where = `the ${segment.tag} segment at position ${segment.position} in the set${loop}`;
  if (element === undefined) return `${where}: ${error.meaning} (${code})`;
  const component = element.component === undefined ? '' : `-${element.component}`;
  const label = `${segment.tag}${String(element.position).padStart(2, '0')}${component}`;
  const reference = element.reference === undefined ? '' : ` (data element ${element.reference})`;
  const value = element.value === undefined ? '' : `; the partner received ${JSON.stringify(element.value)}`;
  return `${label}${reference} of ${where}: ${error.meaning} (${code}${value})`;
}

const codeElement: Record<AckError['level'], string> = {
  group: 'AK905',
  set: 'AK502',
  segment: 'AK304',
  element: 'AK403',
};

/**
 * The sentence of a set's verdict, naming its first error when it has one.
 *
 * @example
 * setSentence('850', '0001', 'rejected', [error]);
 * // 'Transaction set 850 0001 was rejected: number of included segments does not match actual count (AK502 code 4).'
 */
export function setSentence(id: string, control: string, status: SetAckStatus, errors: AckError[]): string {
  const subject = setName(id, control);
  const first = errors[0];
  if (first === undefined) return `${subject} ${setVerdicts[status]}.`;
  const more =
    errors.length > 1 ? ` ${errors.length - 1} more error${errors.length > 2 ? 's are' : ' is'} listed.` : '';
  return `${subject} ${setVerdicts[status]}: ${errorDetail(first)}.${more}`;
}

/**
 * The sentence of a group's verdict: how many sets were accepted, which were rejected, and the
 * group's own first error.
 *
 * @example
 * groupSentence({ functionalId: 'PO', groupControl: '1421', status: 'partially-accepted',
 *   counts: { included: 2, received: 2, accepted: 1 }, sets, errors: [] });
 * // 'Functional group 1421 (PO) was partially accepted: the partner accepted 1 of 2 transaction sets; rejected: 850 0002.'
 */
export function groupSentence(ack: {
  functionalId: string;
  groupControl: string;
  status: GroupAckStatus;
  counts: { received: number; accepted: number };
  sets: AcknowledgedSet[];
  errors: AckError[];
}): string {
  const { received, accepted } = ack.counts;
  let sentence = `Functional group ${ack.groupControl} (${ack.functionalId}) ${groupVerdicts[ack.status]}: the partner accepted ${accepted} of ${received} transaction set${received === 1 ? '' : 's'}`;
  const rejected = ack.sets.filter((set) => set.status === 'rejected');
  if (rejected.length > 0)
    sentence += `; rejected: ${rejected.map((set) => `${set.id} ${set.control}`).join(', ')}`;
  const first = ack.errors[0];
  if (first !== undefined) sentence += `; ${first.meaning} (AK905 code ${first.code})`;
  return `${sentence}.`;
}
