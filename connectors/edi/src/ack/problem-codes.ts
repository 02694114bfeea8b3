import type { EnvelopeProblem } from '../validate/report.js';
import type { ElementErrorCode, GroupErrorCode, SegmentErrorCode, SetErrorCode } from './x12-ack-codes.js';

/**
 * Where a problem found inside a transaction set goes in a 997: a code of the set's AK5, an AK3
 * note about a segment, or an AK4 note about an element (under an AK3 with code 8). A `set` note
 * without a code still rejects the set: it is a problem the 997 has no code for.
 *
 * @example
 * const note: SetProblemNote = { kind: 'segment', tag: 'BEG', code: '3' };
 */
export type SetProblemNote =
  | { kind: 'set'; code?: SetErrorCode }
  | { kind: 'segment'; tag: string; code: SegmentErrorCode }
  | { kind: 'element'; code: ElementErrorCode };

/**
 * Maps a problem of a transaction set (from `SetReport.problems`) to its place and code in a 997.
 * Problems of ST and SE themselves are envelope errors and go to AK5; problems of the segments
 * between them become AK3 / AK4 notes.
 *
 * @example
 * noteForSetProblem({ code: 'count-mismatch', tag: 'SE', element: 'SE01', segment: 7, message: '…' });
 * // { kind: 'set', code: '4' }
 * noteForSetProblem({ code: 'missing-segment', tag: 'SE', expected: 'PO1', segment: 7, message: '…' });
 * // { kind: 'segment', tag: 'PO1', code: '3' }
 */
export function noteForSetProblem(problem: EnvelopeProblem): SetProblemNote {
  switch (problem.code) {
    // A nested ST closes the open set without its SE: for the 997 that set has no trailer.
    case 'missing-trailer':
    case 'nested-header':
      return { kind: 'set', code: '2' };
    case 'control-number-mismatch':
      return { kind: 'set', code: '3' };
    // Inside a set, counts are only in SE01: a wrong number and a non-number are the same error.
    case 'count-mismatch':
      return { kind: 'set', code: '4' };
    case 'not-numeric':
      return problem.tag === 'SE' ? { kind: 'set', code: '4' } : { kind: 'element', code: '6' };
    case 'duplicate-control-number':
      return { kind: 'set', code: '23' };
    case 'missing-segment':
      // The problem sits at the segment where the absence was noticed; the 997 names the missing one.
      return { kind: 'segment', tag: problem.expected ?? problem.tag, code: '3' };
    case 'segment-out-of-order':
      return { kind: 'segment', tag: problem.tag, code: '7' };
    case 'too-many-segments':
      return { kind: 'segment', tag: problem.tag, code: '5' };
    case 'unexpected-segment':
      return { kind: 'segment', tag: problem.tag, code: '2' };
    case 'missing-element':
      return stElement(problem) ?? { kind: 'element', code: '1' };
    case 'invalid-element':
      return stElement(problem) ?? { kind: 'element', code: invalidValueCode(problem) };
    case 'element-too-long':
      return stElement(problem) ?? { kind: 'element', code: '5' };
    case 'element-too-short':
      return stElement(problem) ?? { kind: 'element', code: '4' };
    // Interchange and group problems never land in a set; if one does, the set must not pass.
    case 'isa-element-count':
    case 'isa-element-length':
    case 'invalid-version':
    case 'empty-interchange':
      return { kind: 'set' };
  }
}

/** ST01 and ST02 have their own AK5 codes: the set cannot even be identified reliably. */
function stElement(problem: EnvelopeProblem): SetProblemNote | undefined {
  if (problem.tag !== 'ST') return undefined;
  const position = problem.elementPosition ?? (problem.element === 'ST01' ? 1 : 2);
  return { kind: 'set', code: position === 1 ? '6' : '7' };
}

/** A value in the wrong form: the element's representation tells a bad date from a bad time or code. */
function invalidValueCode(problem: EnvelopeProblem): ElementErrorCode {
  switch (problem.elementType) {
    case 'DT':
      return '8';
    case 'TM':
      return '9';
    case 'ID':
      return '7';
    default:
      return '6';
  }
}

/**
 * The AK905 code of a problem of a functional group's own GS or GE, or undefined when the 997 of
 * that release has no code for it (the group is rejected all the same). `release` is the 997's
 * version as a number (4010, 5010): code 19 means "group control number not unique" only from
 * 004050; in 004010 the same number is a security error.
 *
 * @example
 * codeForGroupProblem({ code: 'count-mismatch', tag: 'GE', element: 'GE01', segment: 8, message: '…' }, 4010); // '5'
 * codeForGroupProblem({ code: 'duplicate-control-number', tag: 'GS', segment: 2, message: '…' }, 4010); // undefined
 */
export function codeForGroupProblem(
  problem: EnvelopeProblem,
  release: number | undefined,
): GroupErrorCode | undefined {
  switch (problem.code) {
    case 'missing-trailer':
    case 'nested-header':
      return '3';
    case 'control-number-mismatch':
      return '4';
    case 'count-mismatch':
      return '5';
    // GE01 not a number is a count that cannot match; GS06 not a number is a control number in the wrong form.
    case 'not-numeric':
      return problem.tag === 'GE' ? '5' : '6';
    case 'duplicate-control-number':
      return release !== undefined && release >= 4050 ? '19' : undefined;
    case 'invalid-version':
      return '2';
    // The only element problems a group reports are of GS01, the functional identifier.
    case 'missing-element':
    case 'invalid-element':
      return '1';
    default:
      return undefined;
  }
}
