import type { EnvelopeProblem } from './report.js';
import type { ElementRule, SegmentRule, SetRule } from './rules.js';

const formats: Partial<Record<ElementRule['type'], { pattern: RegExp; says: string }>> = {
  DT: { pattern: /^\d{8}$/, says: 'a date written CCYYMMDD' },
  TM: { pattern: /^\d{4}(\d{2}(\d{1,2})?)?$/, says: 'a time written HHMM, HHMMSS or HHMMSSdd' },
  N0: { pattern: /^-?\d+$/, says: 'a whole number' },
  R: { pattern: /^-?(\d+\.?\d*|\.\d+)$/, says: 'a decimal number such as 12 or 9.25' },
};

/** The label of an element in a message, e.g. 'BEG03' in X12. */
export type ElementLabel = (tag: string, at: number) => string;

/** The X12 way of naming an element: tag and two-digit position. */
export const x12ElementLabel: ElementLabel = (tag, at) => `${tag}${String(at).padStart(2, '0')}`;

/**
 * Checks the segments of one open transaction set or message against its rule, as they arrive:
 * it keeps only a count per rule, so a set with a million line items costs no more memory.
 *
 * @example
 * const checker = new SetChecker(x12SetRules['850']!, 'Transaction set 850 …', 'ST', x12ElementLabel, report);
 * checker.push(segment, position); // for each segment between ST and SE
 * checker.end(sePosition, 'SE');
 */
export class SetChecker {
  readonly #rule: SetRule;
  readonly #subject: string;
  readonly #header: string;
  readonly #label: ElementLabel;
  readonly #report: (problem: EnvelopeProblem) => void;
  readonly #index = new Map<string, number>();
  readonly #counts: number[];
  readonly #reported = new Set<string>();
  #seen = 0;
  // The rule index and position of the furthest listed segment so far, to spot one that comes too late.
  #furthest = -1;
  #furthestAt = 0;

  constructor(
    rule: SetRule,
    subject: string,
    header: string,
    label: ElementLabel,
    report: (problem: EnvelopeProblem) => void,
  ) {
    this.#rule = rule;
    this.#subject = subject;
    this.#header = header;
    this.#label = label;
    this.#report = report;
    rule.segments.forEach((segment, i) => {
      this.#index.set(segment.tag, i);
    });
    this.#counts = rule.segments.map(() => 0);
  }

  /** One segment after the header and before the trailer. */
  push(segment: { tag: string; elements: string[] }, position: number): void {
    this.#seen++;
    const first = this.#rule.segments[0];
    if (this.#seen === 1 && first?.first === true && segment.tag !== first.tag) {
      this.#once(first.tag, {
        code: 'missing-segment',
        message: `${this.#subject} does not begin with ${first.tag}: segment ${position} right after ${this.#header} is ${segment.tag}, but a ${this.#rule.id} (${this.#rule.name}) must begin with ${first.tag}.`,
        segment: position,
        tag: segment.tag,
        expected: first.tag,
        actual: segment.tag,
        segmentRequired: true,
      });
    }
    const i = this.#index.get(segment.tag);
    if (i === undefined) return;
    const rule = this.#rule.segments[i]!;
    const count = ++this.#counts[i]!;
    if (rule.max !== undefined && count > rule.max) {
      this.#once(`max:${rule.tag}`, {
        code: 'too-many-segments',
        message: `${this.#subject} has ${rule.tag} a ${ordinal(count)} time at segment ${position}; a ${this.#rule.id} has at most ${rule.max}.`,
        segment: position,
        tag: segment.tag,
        expected: String(rule.max),
        actual: String(count),
        segmentRequired: rule.min > 0,
      });
    }
    if (i < this.#furthest) {
      const later = this.#rule.segments[this.#furthest]!.tag;
      this.#once(`order:${rule.tag}`, {
        code: 'segment-out-of-order',
        message: `${rule.tag} (segment ${position}) comes after ${later} (segment ${this.#furthestAt}), but in a ${this.#rule.id} ${rule.tag} belongs before ${later}.`,
        segment: position,
        tag: segment.tag,
        segmentRequired: rule.min > 0,
      });
    } else if (i > this.#furthest) {
      this.#furthest = i;
      this.#furthestAt = position;
    }
    if (rule.elements !== undefined) this.#checkElements(segment, position, rule);
  }

  /** The trailer (SE, UNT) arrived, or the set was closed without one: report what never came. */
  end(position: number, tag: string): void {
    this.#rule.segments.forEach((rule, i) => {
      const count = this.#counts[i]!;
      if (count >= rule.min || this.#reported.has(rule.tag)) return;
      this.#report({
        code: 'missing-segment',
        message:
          rule.min === 1 && rule.max === 1
            ? `${this.#subject} has no ${rule.tag} segment; a ${this.#rule.id} (${this.#rule.name}) must have one.`
            : `${this.#subject} has no ${rule.tag} segment; a ${this.#rule.id} (${this.#rule.name}) needs at least ${rule.min}.`,
        segment: position,
        tag,
        expected: rule.tag,
        segmentRequired: true,
      });
    });
  }

  #checkElements(segment: { tag: string; elements: string[] }, position: number, rule: SegmentRule): void {
    for (const element of rule.elements ?? []) {
      const value = segment.elements[element.at - 1] ?? '';
      // Line segments are checked on every occurrence (a million in a large interchange), so the
      // sentence and its details are only built for a value that is wrong.
      const format = formats[element.type];
      let code: EnvelopeProblem['code'] | undefined;
      if (value === '') {
        if (element.required) code = 'missing-element';
      } else if (value.length > element.max) code = 'element-too-long';
      else if (value.length < element.min) code = 'element-too-short';
      if (code !== undefined) this.#reportElement(code, segment.tag, position, element, rule, value);
      if (value !== '' && format !== undefined && !format.pattern.test(value)) {
        this.#reportElement('invalid-element', segment.tag, position, element, rule, value);
      }
    }
  }

  #reportElement(
    code: EnvelopeProblem['code'],
    tag: string,
    position: number,
    element: ElementRule,
    rule: SegmentRule,
    value: string,
  ): void {
    const label = this.#label(tag, element.at);
    const where = `${label} (segment ${position}, ${element.name})`;
    const base: Omit<EnvelopeProblem, 'code' | 'message'> = {
      segment: position,
      tag,
      element: label,
      actual: value,
      elementPosition: element.at,
      elementType: element.type,
      segmentRequired: rule.min > 0,
    };
    if (element.reference !== undefined) base.elementReference = element.reference;
    switch (code) {
      case 'missing-element':
        this.#report({ ...base, code, message: `${where} is empty; it is mandatory in a ${this.#rule.id}.` });
        return;
      case 'element-too-long':
        this.#report({
          ...base,
          code,
          message: `${where} is ${value.length} characters long; at most ${element.max} are allowed.`,
          expected: `at most ${element.max} characters`,
        });
        return;
      case 'element-too-short':
        this.#report({
          ...base,
          code,
          message: `${where} is ${value.length} characters long; at least ${element.min} are needed.`,
          expected: `at least ${element.min} characters`,
        });
        return;
      default: {
        const format = formats[element.type];
        this.#report({
          ...base,
          code,
          message: `${where} is ${JSON.stringify(value)}; it must be ${format?.says ?? element.type}.`,
          ...(format ? { expected: format.says } : {}),
        });
      }
    }
  }

  // A broken set with 100 000 lines must not produce 100 000 identical sentences.
  #once(key: string, problem: EnvelopeProblem): void {
    if (this.#reported.has(key)) return;
    this.#reported.add(key);
    this.#report(problem);
  }
}

function ordinal(n: number): string {
  if (n === 2) return 'second';
  if (n === 3) return 'third';
  return `${n}th`;
}
