import type { EnvelopeProblem, GroupReport, SetReport } from '../validate/report.js';
import type { ElementNote, GroupAcknowledgment, SegmentNote, SetAcknowledgment } from './acknowledgment.js';
import { codeForGroupProblem, noteForSetProblem } from './problem-codes.js';
import type { ElementErrorCode, GroupAckCode, GroupErrorCode, SetErrorCode } from './x12-ack-codes.js';
import { x12Release } from './x12-release.js';

/**
 * How a functional group is judged for its 997.
 *
 * @example
 * const options: AcknowledgeOptions = { supportedSets: ['850', '860'], version: '005010' };
 */
export interface AcknowledgeOptions {
  /** Set ids this receiver processes; any other set is rejected with AK502 code 1. Default: all. */
  supportedSets?: readonly string[];
  /**
   * GS08 of the group the 997 will travel in, which decides the codes of that release.
   * Default: the version of the group being acknowledged.
   */
  version?: string;
}

// AK502…AK506 and AK905…AK909 have room for five codes each.
const maxCodes = 5;
// AK4 repeats at most 99 times within an AK3 loop.
const maxElementNotes = 99;

/**
 * Decides what a 997 says about one functional group of an envelope report: each set accepted
 * (A), accepted with errors (E) or rejected (R), with its AK3 / AK4 notes and AK5 codes, and the
 * group accepted, accepted with errors, partially accepted (P) or rejected.
 *
 * How a set is judged, as common translators do:
 * - an envelope error of the set (SE01 count, SE02 ≠ ST02, no SE, a bad or repeated ST02, a set
 *   id that is not supported) rejects it: its boundaries or identity cannot be trusted;
 * - an error in a mandatory segment (a missing BEG, an empty BEG03, a bad date in BAK04) rejects
 *   it: the receiver cannot process a document without its required data;
 * - errors only in optional segments (a second CTT) accept it with errors (E), which tells the
 *   sender to fix the next one without resending this one.
 *
 * A problem of the group's own GS / GE (GE01 count, GE02 ≠ GS06, no GE, a bad GS08) rejects the
 * whole group: no set counts as accepted (AK904 0), even those whose own AK5 is A, since the sender
 * has to resend the group.
 *
 * @example
 * const group = validateX12Envelope(parseX12(text).segments).interchanges[0]!.groups[0]!;
 * acknowledgeGroup(group);
 * // { functionalId: 'PO', control: '1421', status: 'A', included: 1, received: 1, accepted: 1,
 * //   sets: [{ id: '850', control: '000000010', status: 'A', codes: [], segments: [] }], ... }
 */
export function acknowledgeGroup(group: GroupReport, options: AcknowledgeOptions = {}): GroupAcknowledgment {
  const release = x12Release(options.version ?? group.version);
  const sets = group.sets.map((set) => acknowledgeSet(set, options.supportedSets));
  const codes: GroupErrorCode[] = [];
  for (const problem of group.problems) {
    const code = codeForGroupProblem(problem, release);
    if (code !== undefined) addOnce(codes, code);
  }
  const groupRejected = group.problems.length > 0;
  const accepted = sets.filter((set) => set.status !== 'R').length;
  return {
    functionalId: group.functionalId ?? '',
    control: group.control ?? '',
    version: group.version,
    status: groupStatus(groupRejected, accepted, sets),
    included: group.declaredSets ?? group.sets.length,
    received: group.sets.length,
    accepted: groupRejected ? 0 : accepted,
    codes: codes.slice(0, maxCodes),
    sets,
  };
}

function groupStatus(groupRejected: boolean, accepted: number, sets: SetAcknowledgment[]): GroupAckCode {
  if (groupRejected) return 'R';
  // An empty group has nothing wrong in it: there is nothing to resend.
  if (sets.length === 0) return 'A';
  if (accepted === 0) return 'R';
  if (accepted < sets.length) return 'P';
  return sets.some((set) => set.status === 'E') ? 'E' : 'A';
}

function acknowledgeSet(set: SetReport, supportedSets: readonly string[] | undefined): SetAcknowledgment {
  const codes: SetErrorCode[] = [];
  const segments: SegmentNote[] = [];
  // Element errors of one segment share one AK3 with code 8.
  const elementHolders = new Map<number, SegmentNote>();
  let rejected = false;
  if (supportedSets !== undefined && !supportedSets.includes(set.id)) {
    codes.push('1');
    rejected = true;
  }
  for (const problem of set.problems) {
    const note = noteForSetProblem(problem);
    // Problems carry positions in the interchange; a 997 counts from the set's ST as 1.
    const position = Math.max(1, problem.segment - set.position + 1);
    if (note.kind === 'set') {
      rejected = true;
      if (note.code !== undefined) addOnce(codes, note.code);
      continue;
    }
    // Unknown to the rules counts as mandatory: better a rejection the sender asks about than a silent loss.
    if (problem.segmentRequired !== false) rejected = true;
    if (note.kind === 'segment') {
      segments.push({ tag: note.tag, position, code: note.code, elements: [], ...loopOf(problem) });
      continue;
    }
    let holder = elementHolders.get(position);
    if (holder === undefined) {
      holder = { tag: problem.tag, position, code: '8', elements: [], ...loopOf(problem) };
      elementHolders.set(position, holder);
      segments.push(holder);
    }
    const element = elementNote(problem, note.code);
    if (element !== undefined && holder.elements.length < maxElementNotes) holder.elements.push(element);
  }
  // Sorting is stable, so notes of one segment keep the order the validator found them in.
  segments.sort((a, b) => a.position - b.position);
  if (segments.length > 0) addOnce(codes, '5');
  const acknowledgment: SetAcknowledgment = {
    id: set.id,
    control: set.control,
    status: rejected ? 'R' : segments.length > 0 ? 'E' : 'A',
    codes: codes.slice(0, maxCodes),
    segments,
  };
  if (set.implementationReference !== undefined) {
    acknowledgment.implementationReference = set.implementationReference;
  }
  return acknowledgment;
}

function elementNote(problem: EnvelopeProblem, code: ElementErrorCode): ElementNote | undefined {
  // Older reports may lack the number; the X12 label ('BEG03') still carries it.
  const position = problem.elementPosition ?? labelPosition(problem.element);
  if (position === undefined) return undefined;
  const note: ElementNote = { position, code };
  if (problem.componentPosition !== undefined) note.component = problem.componentPosition;
  if (problem.elementReference !== undefined) note.reference = problem.elementReference;
  // A missing element has nothing to copy.
  if (code !== '1' && problem.actual !== undefined && problem.actual !== '') note.copy = problem.actual;
  return note;
}

function labelPosition(label: string | undefined): number | undefined {
  const match = /^[A-Z][A-Z0-9]{1,2}(\d{2})$/.exec(label ?? '');
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function loopOf(problem: EnvelopeProblem): { loop?: string } {
  return problem.loop === undefined ? {} : { loop: problem.loop };
}

function addOnce<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}
