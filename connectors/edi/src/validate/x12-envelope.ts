import { drive, type PushValidator } from './drive.js';
import type {
  EnvelopeProblem,
  EnvelopeReport,
  GroupReport,
  InterchangeReport,
  SetReport,
  ValidatedSegment,
} from './report.js';
import { SetChecker, x12ElementLabel } from './set-checker.js';
import { x12SetRules } from './x12-set-rules.js';

// ISA01..ISA16 are fixed-width; the names are the ones a support person finds in a partner's guide.
const isaFields: Array<[number, string]> = [
  [2, 'authorization information qualifier'],
  [10, 'authorization information'],
  [2, 'security information qualifier'],
  [10, 'security information'],
  [2, 'interchange sender id qualifier'],
  [15, 'interchange sender id'],
  [2, 'interchange receiver id qualifier'],
  [15, 'interchange receiver id'],
  [6, 'interchange date'],
  [4, 'interchange time'],
  [1, 'repetition separator / standards identifier'],
  [5, 'interchange control version number'],
  [9, 'interchange control number'],
  [1, 'acknowledgment requested'],
  [1, 'usage indicator'],
  [1, 'component element separator'],
];
const isaDigits: Array<[number, string]> = [
  [9, 'a date written YYMMDD'],
  [10, 'a time written HHMM'],
  [12, 'a 5-digit version such as 00401 or 00501'],
  [13, 'a 9-digit number'],
];
const isaCodes: Array<[number, string[]]> = [
  [14, ['0', '1']],
  [15, ['P', 'T', 'I']],
];
// GS08: six digits of version/release, then up to six characters of industry identifier ('004010VICS').
const gsVersion = /^\d{6}[A-Za-z0-9]{0,6}$/;
const digits = /^\d+$/;

interface OpenInterchange {
  control: string;
  position: number;
  groups: number;
  report: InterchangeReport;
  // Control numbers already used in this interchange; a repeat would make acknowledgments ambiguous.
  groupControls: Set<string>;
}
interface OpenGroup {
  control: string;
  position: number;
  sets: number;
  report: GroupReport;
  setControls: Set<string>;
}
interface OpenSet {
  id: string;
  control: string;
  position: number;
  count: number;
  report: SetReport;
  checker: SetChecker | undefined;
}

/** Two control numbers are the same when the text matches, or both are numbers of equal value (GS06 is N0). */
function sameControl(a: string, b: string): boolean {
  if (a === b) return true;
  return digits.test(a) && digits.test(b) && BigInt(a) === BigInt(b);
}

/**
 * Validates X12 envelopes one segment at a time (ISA/IEA, GS/GE, ST/SE, and the header segments
 * of the supported sets). It keeps counters and the open envelopes' control numbers, never the
 * segments, so it can sit behind `parseX12Stream` for any size of interchange.
 *
 * @example
 * const validator = new X12EnvelopeValidator();
 * for await (const segment of parseX12Stream(file)) validator.push(segment);
 * const { problems, interchanges } = validator.end();
 */
export class X12EnvelopeValidator implements PushValidator {
  readonly #problems: EnvelopeProblem[] = [];
  readonly #interchanges: InterchangeReport[] = [];
  #count = 0;
  #last: { tag: string; position: number } | undefined;
  #interchange: OpenInterchange | undefined;
  #group: OpenGroup | undefined;
  #set: OpenSet | undefined;
  // After a header with no parent (GS outside ISA, ST outside GS) its content is skipped until this tag ends it.
  #skipUntil: string | undefined;
  // Reporting one stray segment per gap between sets is enough to point at the problem.
  #strayReported = false;

  push(segment: ValidatedSegment): void {
    this.#count++;
    const position = segment.position ?? this.#count;
    const { tag } = segment;
    this.#last = { tag, position };
    if (this.#skipUntil !== undefined) {
      if (tag === this.#skipUntil) {
        this.#skipUntil = undefined;
        return;
      }
      if (tag !== 'ISA' && tag !== 'GS' && tag !== 'IEA' && tag !== 'GE') return;
      this.#skipUntil = undefined;
    }
    switch (tag) {
      case 'ISA':
        this.#isa(segment, position);
        return;
      case 'IEA':
        this.#iea(segment, position);
        return;
      case 'GS':
        this.#gs(segment, position);
        return;
      case 'GE':
        this.#ge(segment, position);
        return;
      case 'ST':
        this.#st(segment, position);
        return;
      case 'SE':
        this.#se(segment, position);
        return;
    }
    const set = this.#set;
    if (set !== undefined) {
      set.count++;
      set.checker?.push(segment, position);
      return;
    }
    if (this.#strayReported) return;
    this.#strayReported = true;
    const where =
      this.#group !== undefined
        ? `outside a transaction set: it is inside group ${this.#group.control} (GS at segment ${this.#group.position}) but after the last SE and before the next ST`
        : this.#interchange !== undefined
          ? `outside a functional group: it is inside interchange ${this.#interchange.control} (ISA at segment ${this.#interchange.position}) but not between GS and GE`
          : 'outside any interchange: no ISA is open';
    this.#add({
      code: 'unexpected-segment',
      message: `${tag} (segment ${position}) is ${where}.`,
      segment: position,
      tag,
    });
  }

  end(): EnvelopeReport {
    if (this.#count === 0) {
      this.#add({
        code: 'empty-interchange',
        message: 'The interchange has no segments.',
        segment: 0,
        tag: '',
      });
    }
    const last = this.#last;
    if (last !== undefined) {
      const end = `the interchange ends at segment ${last.position}`;
      this.#closeSet(last.position, last.tag, end);
      this.#closeGroup(last.position, last.tag, end);
      this.#closeInterchange(last.position, last.tag, end);
    }
    return { problems: this.#problems, interchanges: this.#interchanges };
  }

  #isa(segment: ValidatedSegment, position: number): void {
    if (this.#interchange !== undefined) {
      const open = this.#interchange;
      const why = `ISA at segment ${position} starts a new interchange first`;
      this.#closeSet(position, 'ISA', why);
      this.#closeGroup(position, 'ISA', why);
      this.#add(
        {
          code: 'nested-header',
          message: `ISA (segment ${position}) starts a new interchange while interchange ${open.control} (ISA at segment ${open.position}) has no IEA yet.`,
          segment: position,
          tag: 'ISA',
          element: 'IEA',
        },
        open.report,
      );
      this.#interchange = undefined;
    }
    const elements = segment.elements;
    const control = elements[12] ?? '';
    const report: InterchangeReport = { control, position, groups: [], problems: [] };
    this.#interchanges.push(report);
    this.#interchange = { control, position, groups: 0, report, groupControls: new Set() };
    this.#strayReported = false;
    const at = (problem: Omit<EnvelopeProblem, 'segment' | 'tag'>) =>
      this.#add({ ...problem, segment: position, tag: 'ISA' }, report);
    if (elements.length !== 16) {
      at({
        code: 'isa-element-count',
        message: `The ISA (segment ${position}) has ${elements.length} elements; it must have exactly 16.`,
        expected: '16',
        actual: String(elements.length),
      });
    }
    isaFields.forEach(([length, name], i) => {
      const value = elements[i];
      if (value === undefined || value.length === length) return;
      const element = `ISA${String(i + 1).padStart(2, '0')}`;
      at({
        code: 'isa-element-length',
        message: `${element} (segment ${position}, ${name}) is ${value.length} characters long; it must be exactly ${length}${length > 2 && i < 8 ? ', padded with spaces' : ''}.`,
        element,
        expected: `${length} characters`,
        actual: value,
      });
    });
    for (const [n, says] of isaDigits) {
      const value = elements[n - 1];
      if (value === undefined || digits.test(value)) continue;
      at({
        code: 'not-numeric',
        message: `ISA${n} (segment ${position}, ${isaFields[n - 1]![1]}) is ${JSON.stringify(value)}; it must be ${says}.`,
        element: `ISA${n}`,
        expected: says,
        actual: value,
      });
    }
    for (const [n, codes] of isaCodes) {
      const value = elements[n - 1];
      if (value === undefined || codes.includes(value)) continue;
      at({
        code: 'invalid-element',
        message: `ISA${n} (segment ${position}, ${isaFields[n - 1]![1]}) is ${JSON.stringify(value)}; it must be one of ${codes.join(', ')}.`,
        element: `ISA${n}`,
        expected: codes.join('|'),
        actual: value,
      });
    }
  }

  #iea(segment: ValidatedSegment, position: number): void {
    const open = this.#interchange;
    if (open === undefined) {
      this.#add({
        code: 'unexpected-segment',
        message: `IEA (segment ${position}) ends an interchange that was never opened: there is no ISA before it.`,
        segment: position,
        tag: 'IEA',
      });
      return;
    }
    const why = `IEA at segment ${position} ends the interchange first`;
    this.#closeSet(position, 'IEA', why);
    this.#closeGroup(position, 'IEA', why);
    const [count = '', control = ''] = segment.elements;
    this.#checkCount(
      count,
      open.groups,
      position,
      'IEA',
      'IEA01',
      (actual) =>
        actual === undefined
          ? `IEA01 (segment ${position}) is ${JSON.stringify(count)}; it must be the number of functional groups, ${open.groups} here.`
          : `IEA01 (segment ${position}) says ${actual} functional group${actual === 1 ? '' : 's'} but interchange ${open.control} (ISA at segment ${open.position}) has ${open.groups}.`,
      open.report,
    );
    if (control !== open.control) {
      this.#add(
        {
          code: 'control-number-mismatch',
          message: `IEA02 (segment ${position}) is ${control} but the interchange control number in ISA13 is ${open.control}.`,
          segment: position,
          tag: 'IEA',
          element: 'IEA02',
          expected: open.control,
          actual: control,
        },
        open.report,
      );
    }
    this.#interchange = undefined;
    this.#strayReported = false;
  }

  #gs(segment: ValidatedSegment, position: number): void {
    const interchange = this.#interchange;
    if (interchange === undefined) {
      this.#add({
        code: 'unexpected-segment',
        message: `GS (segment ${position}) is outside an interchange: there is no open ISA, so the group up to its GE is skipped.`,
        segment: position,
        tag: 'GS',
      });
      this.#skipUntil = 'GE';
      return;
    }
    if (this.#group !== undefined) {
      const open = this.#group;
      this.#closeSet(position, 'GS', `GS at segment ${position} starts a new group first`);
      this.#add(
        {
          code: 'nested-header',
          message: `GS (segment ${position}) starts a new functional group while group ${open.control} (GS at segment ${open.position}) has no GE yet.`,
          segment: position,
          tag: 'GS',
          element: 'GE',
        },
        open.report,
      );
      this.#group = undefined;
    }
    const elements = segment.elements;
    const functionalId = elements[0] ?? '';
    const control = elements[5] ?? '';
    const version = elements[7] ?? '';
    const report: GroupReport = {
      functionalId,
      control,
      version: version === '' ? null : version,
      position,
      sets: [],
      problems: [],
    };
    interchange.report.groups.push(report);
    interchange.groups++;
    this.#group = { control, position, sets: 0, report, setControls: new Set() };
    this.#strayReported = false;
    const at = (problem: Omit<EnvelopeProblem, 'segment' | 'tag'>) =>
      this.#add({ ...problem, segment: position, tag: 'GS' }, report);
    if (functionalId.length !== 2) {
      at({
        code: functionalId === '' ? 'missing-element' : 'invalid-element',
        message: `GS01 (segment ${position}, functional identifier code) is ${JSON.stringify(functionalId)}; it must be a 2-letter code such as PO or IN.`,
        element: 'GS01',
        actual: functionalId,
      });
    }
    if (!digits.test(control) || control.length > 9) {
      at({
        code: 'not-numeric',
        message: `GS06 (segment ${position}, group control number) is ${JSON.stringify(control)}; it must be a number of 1 to 9 digits.`,
        element: 'GS06',
        expected: '1 to 9 digits',
        actual: control,
      });
    } else if (interchange.groupControls.has(String(BigInt(control)))) {
      at({
        code: 'duplicate-control-number',
        message: `GS06 (segment ${position}) repeats group control number ${control}, already used by another group of interchange ${interchange.control}.`,
        element: 'GS06',
        actual: control,
      });
    } else {
      interchange.groupControls.add(String(BigInt(control)));
    }
    if (!gsVersion.test(version)) {
      at({
        code: 'invalid-version',
        message: `GS08 (segment ${position}, version / release / industry identifier code) is ${JSON.stringify(version)}; it must be six digits such as 004010 or 005010, optionally followed by an industry code (004010VICS).`,
        element: 'GS08',
        actual: version,
      });
    }
  }

  #ge(segment: ValidatedSegment, position: number): void {
    const open = this.#group;
    if (open === undefined) {
      this.#add({
        code: 'unexpected-segment',
        message: `GE (segment ${position}) ends a functional group that was never opened: there is no GS before it.`,
        segment: position,
        tag: 'GE',
      });
      return;
    }
    this.#closeSet(position, 'GE', `GE at segment ${position} closes its group first`);
    const [count = '', control = ''] = segment.elements;
    if (digits.test(count)) open.report.declaredSets = Number(count);
    this.#checkCount(
      count,
      open.sets,
      position,
      'GE',
      'GE01',
      (actual) =>
        actual === undefined
          ? `GE01 (segment ${position}) is ${JSON.stringify(count)}; it must be the number of transaction sets, ${open.sets} here.`
          : `GE01 (segment ${position}) says ${actual} transaction set${actual === 1 ? '' : 's'} but group ${open.control} (GS at segment ${open.position}) has ${open.sets}.`,
      open.report,
    );
    if (!sameControl(control, open.control)) {
      this.#add(
        {
          code: 'control-number-mismatch',
          message: `GE02 (segment ${position}) is ${control} but the group control number in GS06 (segment ${open.position}) is ${open.control}.`,
          segment: position,
          tag: 'GE',
          element: 'GE02',
          expected: open.control,
          actual: control,
        },
        open.report,
      );
    }
    this.#group = undefined;
    this.#strayReported = false;
  }

  #st(segment: ValidatedSegment, position: number): void {
    const group = this.#group;
    if (group === undefined) {
      this.#add({
        code: 'unexpected-segment',
        message: `ST (segment ${position}) is outside a functional group: there is no open GS, so the transaction set up to its SE is skipped.`,
        segment: position,
        tag: 'ST',
      });
      this.#skipUntil = 'SE';
      return;
    }
    if (this.#set !== undefined) {
      const open = this.#set;
      open.report.segmentCount = open.count;
      open.checker?.end(position, 'ST');
      this.#add(
        {
          code: 'nested-header',
          message: `ST (segment ${position}) starts a new transaction set while set ${open.control} (ST at segment ${open.position}) has no SE yet.`,
          segment: position,
          tag: 'ST',
          element: 'SE',
        },
        open.report,
      );
      this.#set = undefined;
    }
    const [id = '', control = '', implementationReference = ''] = segment.elements;
    const report: SetReport = { id, control, position, segmentCount: 1, problems: [] };
    if (implementationReference !== '') report.implementationReference = implementationReference;
    group.report.sets.push(report);
    group.sets++;
    const rule = x12SetRules[id];
    const subject = `Transaction set ${id} with control number ${control} (ST at segment ${position})`;
    const checker =
      rule === undefined
        ? undefined
        : new SetChecker(rule, subject, 'ST', x12ElementLabel, (problem) => this.#add(problem, report));
    this.#set = { id, control, position, count: 1, report, checker };
    const at = (problem: Omit<EnvelopeProblem, 'segment' | 'tag'>) =>
      this.#add({ ...problem, segment: position, tag: 'ST' }, report);
    if (!/^\d{3}$/.test(id)) {
      at({
        code: id === '' ? 'missing-element' : 'invalid-element',
        message: `ST01 (segment ${position}, transaction set identifier code) is ${JSON.stringify(id)}; it must be a 3-digit code such as 850.`,
        element: 'ST01',
        elementPosition: 1,
        actual: id,
      });
    }
    // ST02 is alphanumeric in the standard (AN 4/9), so only its length is checked, not its digits.
    if (control.length < 4 || control.length > 9) {
      at({
        code: control === '' ? 'missing-element' : 'invalid-element',
        message: `ST02 (segment ${position}, transaction set control number) is ${JSON.stringify(control)}; it must be 4 to 9 characters long.`,
        element: 'ST02',
        elementPosition: 2,
        expected: '4 to 9 characters',
        actual: control,
      });
    } else if (group.setControls.has(control)) {
      at({
        code: 'duplicate-control-number',
        message: `ST02 (segment ${position}) repeats transaction set control number ${control}, already used in group ${group.control}; a 997 could not tell the two sets apart.`,
        element: 'ST02',
        actual: control,
      });
    } else {
      group.setControls.add(control);
    }
  }

  #se(segment: ValidatedSegment, position: number): void {
    const open = this.#set;
    if (open === undefined) {
      this.#add({
        code: 'unexpected-segment',
        message: `SE (segment ${position}) ends a transaction set that was never opened: there is no ST before it.`,
        segment: position,
        tag: 'SE',
      });
      return;
    }
    open.count++;
    open.report.segmentCount = open.count;
    open.checker?.end(position, 'SE');
    const [count = '', control = ''] = segment.elements;
    this.#checkCount(
      count,
      open.count,
      position,
      'SE',
      'SE01',
      (actual) =>
        actual === undefined
          ? `SE01 (segment ${position}) is ${JSON.stringify(count)}; it must be the number of segments from ST to SE inclusive, ${open.count} here.`
          : `SE01 (segment ${position}) says ${actual} segments but transaction set ${open.control} has ${open.count} from ST (segment ${open.position}) to SE inclusive.`,
      open.report,
    );
    if (control !== open.control) {
      this.#add(
        {
          code: 'control-number-mismatch',
          message: `SE02 (segment ${position}) is ${control} but the transaction set control number in ST02 (segment ${open.position}) is ${open.control}.`,
          segment: position,
          tag: 'SE',
          element: 'SE02',
          expected: open.control,
          actual: control,
        },
        open.report,
      );
    }
    this.#set = undefined;
    this.#strayReported = false;
  }

  /** Compares a count element with what was counted; `say(undefined)` phrases a non-numeric value. */
  #checkCount(
    value: string,
    counted: number,
    position: number,
    tag: string,
    element: string,
    say: (actual: number | undefined) => string,
    container: { problems: EnvelopeProblem[] },
  ): void {
    if (!digits.test(value)) {
      this.#add(
        {
          code: 'not-numeric',
          message: say(undefined),
          segment: position,
          tag,
          element,
          expected: String(counted),
          actual: value,
        },
        container,
      );
      return;
    }
    const actual = Number(value);
    if (actual === counted) return;
    this.#add(
      {
        code: 'count-mismatch',
        message: say(actual),
        segment: position,
        tag,
        element,
        expected: String(counted),
        actual: value,
      },
      container,
    );
  }

  #closeSet(position: number, tag: string, why: string): void {
    const open = this.#set;
    if (open === undefined) return;
    open.report.segmentCount = open.count;
    open.checker?.end(position, tag);
    this.#add(
      {
        code: 'missing-trailer',
        message: `Transaction set ${open.id} with control number ${open.control} (ST at segment ${open.position}) has no SE trailer: ${why}.`,
        segment: position,
        tag,
        element: 'SE',
      },
      open.report,
    );
    this.#set = undefined;
  }

  #closeGroup(position: number, tag: string, why: string): void {
    const open = this.#group;
    if (open === undefined) return;
    this.#add(
      {
        code: 'missing-trailer',
        message: `Functional group ${open.control} (GS at segment ${open.position}) has no GE trailer: ${why}.`,
        segment: position,
        tag,
        element: 'GE',
      },
      open.report,
    );
    this.#group = undefined;
  }

  #closeInterchange(position: number, tag: string, why: string): void {
    const open = this.#interchange;
    if (open === undefined) return;
    this.#add(
      {
        code: 'missing-trailer',
        message: `Interchange ${open.control} (ISA at segment ${open.position}) has no IEA trailer: ${why}.`,
        segment: position,
        tag,
        element: 'IEA',
      },
      open.report,
    );
    this.#interchange = undefined;
  }

  #add(problem: EnvelopeProblem, container?: { problems: EnvelopeProblem[] }): void {
    this.#problems.push(problem);
    container?.problems.push(problem);
  }
}

/**
 * Checks the envelopes of an X12 interchange: control numbers and counts of ISA/IEA, GS/GE and
 * ST/SE, the fixed-width ISA, GS08, and the header segments of 850, 855, 856, 810, 846, 940, 945
 * and 997. Synchronous for an array or iterable, a promise for an async iterable such as
 * `parseX12Stream`, which is read once without holding its segments.
 *
 * @example
 * const report = validateX12Envelope(parseX12(text).segments);
 * report.problems[0]?.message;
 * // 'IEA02 (segment 37) is 000000906 but the interchange control number in ISA13 is 000000905.'
 * report.interchanges[0]?.groups[0]?.sets[0]; // { id: '850', control: '000000010', segmentCount: 33, ... }
 *
 * const streamed = await validateX12Envelope(parseX12Stream(createReadStream('big.edi')));
 */
export function validateX12Envelope(segments: Iterable<ValidatedSegment>): EnvelopeReport;
export function validateX12Envelope(segments: AsyncIterable<ValidatedSegment>): Promise<EnvelopeReport>;
export function validateX12Envelope(
  segments: Iterable<ValidatedSegment> | AsyncIterable<ValidatedSegment>,
): EnvelopeReport | Promise<EnvelopeReport> {
  return drive(segments, new X12EnvelopeValidator());
}
