import { edifactComponents } from '../edifact/release.js';
import type { EdifactDelimiters } from '../edifact/types.js';
import { defaultEdifactDelimiters } from '../edifact/una.js';
import { drive, type PushValidator } from './drive.js';
import { edifactMessageRules } from './edifact-message-rules.js';
import type {
  EnvelopeProblem,
  EnvelopeReport,
  GroupReport,
  InterchangeReport,
  SetReport,
  ValidatedSegment,
} from './report.js';
import { type ElementLabel, SetChecker } from './set-checker.js';

type Syntax = Pick<EdifactDelimiters, 'component' | 'release'>;

/** Where the validator finds the component separator and release character (they come from UNA). */
export interface EdifactValidateOptions {
  /** Defaults to the source's own `delimiters` (a streaming parser has them), then to the ISO 9735 defaults. */
  delimiters?: Syntax;
}

const digits = /^\d+$/;
// ISO 9735 control references (0020, 0048, 0062) are an..14.
const maxReference = 14;

interface OpenInterchange {
  control: string;
  position: number;
  groups: number;
  messages: number;
  report: InterchangeReport;
  implicit: GroupReport | undefined;
}
interface OpenGroup {
  control: string;
  position: number;
  messages: number;
  report: GroupReport;
}
interface OpenMessage {
  type: string;
  control: string;
  position: number;
  count: number;
  report: SetReport;
  checker: SetChecker | undefined;
}

/** EDIFACT element rules are positional here (the message table lists no element rules yet). */
const edifactLabel: ElementLabel = (tag, at) => `${tag} element ${at}`;

/**
 * Validates EDIFACT envelopes one segment at a time: UNB/UNZ, UNG/UNE, UNH/UNT references and
 * counts, the UNH message identifier, and BGM/DTM for ORDERS, DESADV and INVOIC. It keeps only
 * counters and the open envelopes' references, so it can sit behind `parseEdifactStream`.
 *
 * @example
 * const validator = new EdifactEnvelopeValidator(() => stream.delimiters ?? defaultEdifactDelimiters);
 * for await (const segment of stream) validator.push(segment);
 * validator.end().problems;
 */
export class EdifactEnvelopeValidator implements PushValidator {
  readonly #syntax: () => Syntax;
  readonly #problems: EnvelopeProblem[] = [];
  readonly #interchanges: InterchangeReport[] = [];
  #count = 0;
  #last: { tag: string; position: number } | undefined;
  #interchange: OpenInterchange | undefined;
  #group: OpenGroup | undefined;
  #message: OpenMessage | undefined;
  #skipMessage = false;
  #strayReported = false;

  constructor(syntax: () => Syntax = () => defaultEdifactDelimiters) {
    this.#syntax = syntax;
  }

  push(segment: ValidatedSegment): void {
    this.#count++;
    const position = segment.position ?? this.#count;
    const { tag } = segment;
    this.#last = { tag, position };
    if (this.#skipMessage) {
      if (tag === 'UNT') {
        this.#skipMessage = false;
        return;
      }
      if (tag !== 'UNB' && tag !== 'UNZ' && tag !== 'UNG' && tag !== 'UNE' && tag !== 'UNH') return;
      this.#skipMessage = false;
    }
    switch (tag) {
      case 'UNB':
        this.#unb(segment, position);
        return;
      case 'UNZ':
        this.#unz(segment, position);
        return;
      case 'UNG':
        this.#ung(segment, position);
        return;
      case 'UNE':
        this.#une(segment, position);
        return;
      case 'UNH':
        this.#unh(segment, position);
        return;
      case 'UNT':
        this.#unt(segment, position);
        return;
    }
    const message = this.#message;
    if (message !== undefined) {
      message.count++;
      message.checker?.push(segment, position);
      return;
    }
    if (this.#strayReported) return;
    this.#strayReported = true;
    this.#add({
      code: 'unexpected-segment',
      message: `${tag} (segment ${position}) is outside a message: it is not between UNH and UNT.`,
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
      const why = `the interchange ends at segment ${last.position}`;
      this.#closeMessage(last.position, last.tag, why);
      this.#closeGroup(last.position, last.tag, why);
      this.#closeInterchange(last.position, last.tag, why);
    }
    return { problems: this.#problems, interchanges: this.#interchanges };
  }

  #unb(segment: ValidatedSegment, position: number): void {
    if (this.#interchange !== undefined) {
      const open = this.#interchange;
      const why = `UNB at segment ${position} starts a new interchange first`;
      this.#closeMessage(position, 'UNB', why);
      this.#closeGroup(position, 'UNB', why);
      this.#add(
        {
          code: 'nested-header',
          message: `UNB (segment ${position}) starts a new interchange while interchange ${open.control} (UNB at segment ${open.position}) has no UNZ yet.`,
          segment: position,
          tag: 'UNB',
          element: 'UNZ',
        },
        open.report,
      );
      this.#interchange = undefined;
    }
    const control = segment.elements[4] ?? '';
    const report: InterchangeReport = { control, position, groups: [], problems: [] };
    this.#interchanges.push(report);
    this.#interchange = { control, position, groups: 0, messages: 0, report, implicit: undefined };
    this.#strayReported = false;
    this.#checkReference(control, position, 'UNB', '0020', 'interchange control reference', report);
  }

  #unz(segment: ValidatedSegment, position: number): void {
    const open = this.#interchange;
    if (open === undefined) {
      this.#add({
        code: 'unexpected-segment',
        message: `UNZ (segment ${position}) ends an interchange that was never opened: there is no UNB before it.`,
        segment: position,
        tag: 'UNZ',
      });
      return;
    }
    const why = `UNZ at segment ${position} ends the interchange first`;
    this.#closeMessage(position, 'UNZ', why);
    this.#closeGroup(position, 'UNZ', why);
    const [count = '', control = ''] = segment.elements;
    // UNZ 0036 counts groups when the interchange uses UNG, messages otherwise.
    const [counted, what] =
      open.groups > 0 ? [open.groups, 'functional groups'] : [open.messages, 'messages'];
    this.#checkCount(
      count,
      counted,
      position,
      'UNZ',
      '0036',
      `interchange ${open.control} (UNB at segment ${open.position}) has ${counted} ${what}`,
      open.report,
    );
    if (control !== open.control) {
      this.#add(
        {
          code: 'control-number-mismatch',
          message: `UNZ 0020 (segment ${position}) is ${control} but the interchange control reference in UNB 0020 (segment ${open.position}) is ${open.control}.`,
          segment: position,
          tag: 'UNZ',
          element: 'UNZ 0020',
          expected: open.control,
          actual: control,
        },
        open.report,
      );
    }
    this.#interchange = undefined;
    this.#strayReported = false;
  }

  #ung(segment: ValidatedSegment, position: number): void {
    const interchange = this.#interchange;
    if (interchange === undefined) {
      this.#add({
        code: 'unexpected-segment',
        message: `UNG (segment ${position}) is outside an interchange: there is no open UNB.`,
        segment: position,
        tag: 'UNG',
      });
      return;
    }
    if (this.#group !== undefined) {
      const open = this.#group;
      this.#closeMessage(position, 'UNG', `UNG at segment ${position} starts a new group first`);
      this.#add(
        {
          code: 'nested-header',
          message: `UNG (segment ${position}) starts a new group while group ${open.control} (UNG at segment ${open.position}) has no UNE yet.`,
          segment: position,
          tag: 'UNG',
          element: 'UNE',
        },
        open.report,
      );
      this.#group = undefined;
    }
    if (interchange.implicit !== undefined && interchange.groups === 0) {
      this.#add(
        {
          code: 'unexpected-segment',
          message: `UNG (segment ${position}) opens a group in interchange ${interchange.control}, which already has messages outside groups; an interchange uses groups for all its messages or for none.`,
          segment: position,
          tag: 'UNG',
        },
        interchange.report,
      );
    }
    const elements = segment.elements;
    const control = elements[4] ?? '';
    const version = elements[6] ?? '';
    const report: GroupReport = {
      functionalId: elements[0] ?? '',
      control,
      version: version === '' ? null : edifactComponents(version, this.#syntax()).join(':'),
      position,
      sets: [],
      problems: [],
    };
    interchange.report.groups.push(report);
    interchange.groups++;
    this.#group = { control, position, messages: 0, report };
    this.#checkReference(control, position, 'UNG', '0048', 'group reference number', report);
  }

  #une(segment: ValidatedSegment, position: number): void {
    const open = this.#group;
    if (open === undefined) {
      this.#add({
        code: 'unexpected-segment',
        message: `UNE (segment ${position}) ends a group that was never opened: there is no UNG before it.`,
        segment: position,
        tag: 'UNE',
      });
      return;
    }
    this.#closeMessage(position, 'UNE', `UNE at segment ${position} closes its group first`);
    const [count = '', control = ''] = segment.elements;
    this.#checkCount(
      count,
      open.messages,
      position,
      'UNE',
      '0060',
      `group ${open.control} (UNG at segment ${open.position}) has ${open.messages} messages`,
      open.report,
    );
    if (control !== open.control) {
      this.#add(
        {
          code: 'control-number-mismatch',
          message: `UNE 0048 (segment ${position}) is ${control} but the group reference in UNG 0048 (segment ${open.position}) is ${open.control}.`,
          segment: position,
          tag: 'UNE',
          element: 'UNE 0048',
          expected: open.control,
          actual: control,
        },
        open.report,
      );
    }
    this.#group = undefined;
  }

  #unh(segment: ValidatedSegment, position: number): void {
    const interchange = this.#interchange;
    if (interchange === undefined) {
      this.#add({
        code: 'unexpected-segment',
        message: `UNH (segment ${position}) is outside an interchange: there is no open UNB, so the message up to its UNT is skipped.`,
        segment: position,
        tag: 'UNH',
      });
      this.#skipMessage = true;
      return;
    }
    if (this.#message !== undefined) {
      const open = this.#message;
      open.checker?.end(position, 'UNH');
      this.#add(
        {
          code: 'nested-header',
          message: `UNH (segment ${position}) starts a new message while message ${open.control} (UNH at segment ${open.position}) has no UNT yet.`,
          segment: position,
          tag: 'UNH',
          element: 'UNT',
        },
        open.report,
      );
      this.#message = undefined;
    }
    const group = this.#group?.report ?? this.#implicitGroup(interchange, position);
    if (this.#group !== undefined) this.#group.messages++;
    interchange.messages++;
    const [control = '', identifier = ''] = segment.elements;
    const [type = '', version = '', release = '', agency = ''] = edifactComponents(
      identifier,
      this.#syntax(),
    );
    const report: SetReport = { id: type, control, position, segmentCount: 1, problems: [] };
    group.sets.push(report);
    const rule = edifactMessageRules[type];
    const subject = `Message ${type} with reference ${control} (UNH at segment ${position})`;
    const checker =
      rule === undefined
        ? undefined
        : new SetChecker(rule, subject, 'UNH', edifactLabel, (problem) => this.#add(problem, report));
    this.#message = { type, control, position, count: 1, report, checker };
    this.#strayReported = false;
    this.#checkReference(control, position, 'UNH', '0062', 'message reference number', report);
    const at = (problem: Omit<EnvelopeProblem, 'segment' | 'tag'>) =>
      this.#add({ ...problem, segment: position, tag: 'UNH' }, report);
    if (!/^[A-Z0-9]{1,6}$/.test(type)) {
      at({
        code: type === '' ? 'missing-element' : 'invalid-element',
        message: `UNH S009 (segment ${position}) has message type ${JSON.stringify(type)} in 0065; it must be a code of up to 6 letters such as ORDERS.`,
        element: 'UNH S009 0065',
        actual: type,
      });
    }
    if (rule === undefined) return;
    const identifierText = [type, version, release, agency].join(':');
    if (version !== 'D' || !/^\d{2}[A-Z]$/.test(release) || agency !== 'UN') {
      at({
        code: 'invalid-version',
        message: `UNH S009 (segment ${position}) identifies the ${type} message as ${JSON.stringify(identifierText)}; it must be ${type}:D:<release>:UN with a directory release such as 96A or 01B.`,
        element: 'UNH S009',
        expected: `${type}:D:96A:UN`,
        actual: identifierText,
      });
    }
  }

  #unt(segment: ValidatedSegment, position: number): void {
    const open = this.#message;
    if (open === undefined) {
      this.#add({
        code: 'unexpected-segment',
        message: `UNT (segment ${position}) ends a message that was never opened: there is no UNH before it.`,
        segment: position,
        tag: 'UNT',
      });
      return;
    }
    open.count++;
    open.report.segmentCount = open.count;
    open.checker?.end(position, 'UNT');
    const [count = '', control = ''] = segment.elements;
    this.#checkCount(
      count,
      open.count,
      position,
      'UNT',
      '0074',
      `message ${open.control} has ${open.count} segments from UNH (segment ${open.position}) to UNT inclusive`,
      open.report,
    );
    if (control !== open.control) {
      this.#add(
        {
          code: 'control-number-mismatch',
          message: `UNT 0062 (segment ${position}) is ${control} but the message reference in UNH 0062 (segment ${open.position}) is ${open.control}.`,
          segment: position,
          tag: 'UNT',
          element: 'UNT 0062',
          expected: open.control,
          actual: control,
        },
        open.report,
      );
    }
    this.#message = undefined;
    this.#strayReported = false;
  }

  /** Messages of an interchange without UNG belong to one group with no header of its own. */
  #implicitGroup(interchange: OpenInterchange, position: number): GroupReport {
    if (interchange.groups > 0 && interchange.implicit === undefined) {
      this.#add(
        {
          code: 'unexpected-segment',
          message: `UNH (segment ${position}) is outside a group in interchange ${interchange.control}, which uses UNG groups; an interchange uses groups for all its messages or for none.`,
          segment: position,
          tag: 'UNH',
        },
        interchange.report,
      );
    }
    if (interchange.implicit === undefined) {
      interchange.implicit = {
        functionalId: null,
        control: null,
        version: null,
        position,
        sets: [],
        problems: [],
      };
      interchange.report.groups.push(interchange.implicit);
    }
    return interchange.implicit;
  }

  #checkReference(
    value: string,
    position: number,
    tag: string,
    ref: string,
    name: string,
    container: { problems: EnvelopeProblem[] },
  ): void {
    const element = `${tag} ${ref}`;
    if (value === '') {
      this.#add(
        {
          code: 'missing-element',
          message: `${element} (segment ${position}, ${name}) is empty; it is mandatory.`,
          segment: position,
          tag,
          element,
          actual: value,
        },
        container,
      );
    } else if (value.length > maxReference) {
      this.#add(
        {
          code: 'element-too-long',
          message: `${element} (segment ${position}, ${name}) is ${value.length} characters long; at most ${maxReference} are allowed.`,
          segment: position,
          tag,
          element,
          expected: `at most ${maxReference} characters`,
          actual: value,
        },
        container,
      );
    }
  }

  #checkCount(
    value: string,
    counted: number,
    position: number,
    tag: string,
    ref: string,
    has: string,
    container: { problems: EnvelopeProblem[] },
  ): void {
    const element = `${tag} ${ref}`;
    if (digits.test(value) && Number(value) === counted) return;
    const numeric = digits.test(value);
    this.#add(
      {
        code: numeric ? 'count-mismatch' : 'not-numeric',
        message: numeric
          ? `${element} (segment ${position}) says ${value} but ${has}.`
          : `${element} (segment ${position}) is ${JSON.stringify(value)}, not a number; ${has}.`,
        segment: position,
        tag,
        element,
        expected: String(counted),
        actual: value,
      },
      container,
    );
  }

  #closeMessage(position: number, tag: string, why: string): void {
    const open = this.#message;
    if (open === undefined) return;
    open.report.segmentCount = open.count;
    open.checker?.end(position, tag);
    this.#add(
      {
        code: 'missing-trailer',
        message: `Message ${open.type} with reference ${open.control} (UNH at segment ${open.position}) has no UNT trailer: ${why}.`,
        segment: position,
        tag,
        element: 'UNT',
      },
      open.report,
    );
    this.#message = undefined;
  }

  #closeGroup(position: number, tag: string, why: string): void {
    const open = this.#group;
    if (open === undefined) return;
    this.#add(
      {
        code: 'missing-trailer',
        message: `Group ${open.control} (UNG at segment ${open.position}) has no UNE trailer: ${why}.`,
        segment: position,
        tag,
        element: 'UNE',
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
        message: `Interchange ${open.control} (UNB at segment ${open.position}) has no UNZ trailer: ${why}.`,
        segment: position,
        tag,
        element: 'UNZ',
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
 * Checks the envelopes of an EDIFACT interchange. Synchronous for an array or iterable, a promise
 * for an async iterable such as `parseEdifactStream` (whose delimiters it reads as they become known).
 *
 * @example
 * const doc = parseEdifact(text);
 * const report = validateEdifactEnvelope(doc.segments, { delimiters: doc.delimiters });
 * report.problems.map((p) => p.message);
 * // ['Interchange 807 (UNB at segment 1) has no UNZ trailer: the interchange ends at segment 17.']
 */
export function validateEdifactEnvelope(
  segments: Iterable<ValidatedSegment>,
  options?: EdifactValidateOptions,
): EnvelopeReport;
export function validateEdifactEnvelope(
  segments: AsyncIterable<ValidatedSegment>,
  options?: EdifactValidateOptions,
): Promise<EnvelopeReport>;
export function validateEdifactEnvelope(
  segments: Iterable<ValidatedSegment> | AsyncIterable<ValidatedSegment>,
  options: EdifactValidateOptions = {},
): EnvelopeReport | Promise<EnvelopeReport> {
  const source = segments as Partial<{ delimiters: Syntax | undefined }>;
  const syntax = () => options.delimiters ?? source.delimiters ?? defaultEdifactDelimiters;
  return drive(segments, new EdifactEnvelopeValidator(syntax));
}
