import { splitReleased } from './split-released.js';

/**
 * One segment: its tag and its data elements as raw text (components, repetitions and EDIFACT
 * release characters left in place), so that serializing it gives back the exact input.
 * `elements[0]` is the first data element (X12 `ST01`, EDIFACT `UNH` 0062).
 */
export interface EdiSegment {
  tag: string;
  elements: string[];
}

/** The separators a parsed segment needs to split its elements when they are first read. */
export interface ElementSyntax {
  element: string;
  release: string | null;
}

/**
 * A segment as read from an interchange, with where it was found (for error sentences and
 * validation). Its elements are split from the raw text the first time they are read: a 100 MB
 * interchange has millions of segments, and envelope checks or a filter by tag never need most of
 * them split. `toJSON` gives the plain `{ tag, elements, position, offset }` form.
 *
 * @example
 * const segment = parseX12(text).segments[2]!;
 * segment.tag; // 'ST'
 * segment.elements; // ['850', '000000010'] (split now, then kept)
 */
export class ParsedSegment implements EdiSegment {
  tag: string;
  /** 1-based position in the interchange, counting every segment including ISA/UNB (not UNA). */
  readonly position: number;
  /** Character offset of the segment's first character. */
  readonly offset: number;
  #body: string | undefined;
  #syntax: ElementSyntax;
  #elements: string[] | undefined;

  /** @param body the text after the tag's element separator, or undefined for a tag-only segment */
  constructor(
    tag: string,
    body: string | undefined,
    syntax: ElementSyntax,
    position: number,
    offset: number,
  ) {
    this.tag = tag;
    this.position = position;
    this.offset = offset;
    this.#body = body;
    this.#syntax = syntax;
  }

  get elements(): string[] {
    if (this.#elements === undefined) {
      const body = this.#body;
      this.#elements =
        body === undefined ? [] : splitReleased(body, this.#syntax.element, this.#syntax.release);
      this.#body = undefined;
    }
    return this.#elements;
  }

  set elements(elements: string[]) {
    this.#elements = elements;
    this.#body = undefined;
  }

  toJSON(): { tag: string; elements: string[]; position: number; offset: number } {
    return { tag: this.tag, elements: this.elements, position: this.position, offset: this.offset };
  }
}

/**
 * The text of a segment without its terminator.
 *
 * @example
 * formatSegment({ tag: 'REF', elements: ['DP', '038'] }, '*'); // 'REF*DP*038'
 */
export function formatSegment(segment: EdiSegment, elementSeparator: string): string {
  return segment.elements.length === 0
    ? segment.tag
    : segment.tag + elementSeparator + segment.elements.join(elementSeparator);
}
