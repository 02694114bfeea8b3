import type { EdiSegment } from '../segment.js';
import type { GroupReport } from '../validate/report.js';
import type { X12Delimiters } from '../x12/types.js';
import { type AcknowledgeOptions, acknowledgeGroup } from './acknowledge-group.js';
import type { ElementNote, SetAcknowledgment } from './acknowledgment.js';
import { x12Release } from './x12-release.js';

/**
 * Which transaction sets get an AK2…AK5 loop: every set (what most partners expect, and what
 * lets them mark each document delivered), or only the sets accepted with errors or rejected
 * (shorter; X12 allows it, and the sets it does not name are accepted with the group).
 *
 * @example
 * const scope: AckScope = 'sets-in-error';
 */
export type AckScope = 'every-set' | 'sets-in-error';

/**
 * The separators of the interchange a 997 will be written in.
 *
 * @example
 * const delimiters: AckDelimiters = { element: '*', component: '>', segment: '~', repetition: null };
 */
export type AckDelimiters = Pick<X12Delimiters, 'element' | 'component' | 'segment' | 'repetition'>;

/**
 * Options of `build997`.
 *
 * @example
 * const options: Build997Options = { control: 1, sets: 'every-set', delimiters: { element: '*', component: '>', segment: '~', repetition: null } };
 */
export interface Build997Options extends AcknowledgeOptions {
  /** ST02 / SE02 of the 997, 4 to 9 characters; a number is written with at least 4 digits. */
  control: string | number;
  /** Default 'every-set'. */
  sets?: AckScope;
  /**
   * The separators of the interchange the 997 will be written in: AK401 joins element and
   * component positions with `component`, and AK404 (the copy of a bad value) leaves out every
   * separator, since a copy must never break the 997's own syntax. Default `*`, `>`, `~`, `^`.
   */
  delimiters?: AckDelimiters;
}

const defaultDelimiters: AckDelimiters = { element: '*', component: '>', segment: '~', repetition: '^' };
// AK404 is AN 1/99.
const maxCopyLength = 99;
// AK103 and AK203 are confirmed in 005010; 004040 and earlier have neither. Both are optional, so
// leaving them out of a 004050/004060 997 is never an error, while writing one where the release
// has no such element would be "too many data elements".
const firstReleaseWithVersionEcho = 5010;

/**
 * Builds the 997 functional acknowledgment of one received functional group, from the group's
 * envelope report, as the segments from ST to SE inclusive (wrap them in your own GS…GE with
 * GS01 'FA'). Codes and accept / reject rules are those of `acknowledgeGroup`.
 *
 * @example
 * const report = validateX12Envelope(parseX12(received).segments);
 * const segments = build997(report.interchanges[0]!.groups[0]!, { control: 1 });
 * segments.map((s) => formatSegment(s, '*'));
 * // ['ST*997*0001', 'AK1*PO*1421', 'AK2*850*000000010', 'AK5*A', 'AK9*A*1*1*1', 'SE*6*0001']
 */
export function build997(group: GroupReport, options: Build997Options): EdiSegment[] {
  if (group.functionalId === null || group.control === null) {
    throw new TypeError(
      'A 997 acknowledges an X12 functional group, and this group has no GS01 / GS06: it comes from an EDIFACT interchange (use CONTRL).',
    );
  }
  const control = controlNumber(options.control);
  const ack = acknowledgeGroup(group, options);
  const echoVersion = (x12Release(options.version ?? group.version) ?? 0) >= firstReleaseWithVersionEcho;
  const delimiters = options.delimiters ?? defaultDelimiters;
  const scope = options.sets ?? 'every-set';
  const segments: EdiSegment[] = [{ tag: 'ST', elements: ['997', control] }];
  const ak1 = [ack.functionalId, ack.control];
  if (echoVersion && ack.version !== null) ak1.push(ack.version);
  segments.push({ tag: 'AK1', elements: ak1 });
  for (const set of ack.sets) {
    if (scope === 'sets-in-error' && set.status === 'A') continue;
    segments.push(...setLoop(set, echoVersion, delimiters));
  }
  segments.push({
    tag: 'AK9',
    elements: [ack.status, String(ack.included), String(ack.received), String(ack.accepted), ...ack.codes],
  });
  // SE01 counts ST and SE themselves.
  segments.push({ tag: 'SE', elements: [String(segments.length + 1), control] });
  return segments;
}

function controlNumber(control: string | number): string {
  const text = typeof control === 'number' ? String(control).padStart(4, '0') : control;
  if (text.length < 4 || text.length > 9) {
    throw new RangeError(
      `The 997 control number ${JSON.stringify(text)} is ${text.length} characters long; ST02 must be 4 to 9 characters.`,
    );
  }
  return text;
}

function setLoop(set: SetAcknowledgment, echoVersion: boolean, delimiters: AckDelimiters): EdiSegment[] {
  const ak2 = [set.id, set.control];
  if (echoVersion && set.implementationReference !== undefined) ak2.push(set.implementationReference);
  const segments: EdiSegment[] = [{ tag: 'AK2', elements: ak2 }];
  for (const note of set.segments) {
    segments.push({ tag: 'AK3', elements: [note.tag, String(note.position), note.loop ?? '', note.code] });
    for (const element of note.elements) segments.push(ak4(element, delimiters));
  }
  segments.push({ tag: 'AK5', elements: [set.status, ...set.codes] });
  return segments;
}

function ak4(note: ElementNote, delimiters: AckDelimiters): EdiSegment {
  const position =
    note.component === undefined
      ? String(note.position)
      : `${note.position}${delimiters.component}${note.component}`;
  const elements = [position, note.reference === undefined ? '' : String(note.reference), note.code];
  const copy = note.copy === undefined ? '' : safeCopy(note.copy, delimiters);
  if (copy !== '') elements.push(copy);
  return { tag: 'AK4', elements };
}

function safeCopy(value: string, delimiters: AckDelimiters): string {
  const separators = [delimiters.element, delimiters.component, delimiters.segment, delimiters.repetition];
  let copy = '';
  // Control characters (a line break inside a value) would not survive the partner's parser either.
  for (const char of value) if (!separators.includes(char) && char >= ' ') copy += char;
  return copy.slice(0, maxCopyLength);
}
