import { edifactComponents, edifactEscape } from '../edifact/release.js';
import type { EdifactDelimiters } from '../edifact/types.js';
import type { X12Delimiters } from '../x12/types.js';

/**
 * An element as a document holds it: a string, or the components of a composite as an array.
 * Maps may also write numbers (amounts, quantities) and leave elements out with null.
 */
export type ElementValue = Scalar | readonly Scalar[];

/**
 * Reads raw element text into document values and writes them back, for one interchange's
 * separators. EDIFACT values are unescaped on reading and escaped on writing, so a map never
 * sees or writes release characters.
 *
 * @example
 * const codec = x12ElementCodec(doc.delimiters);
 * codec.read('EA>12'); // ['EA', '12']
 * codec.write(['EA', 12]); // 'EA>12'
 */
export interface ElementCodec {
  read(raw: string): string | string[];
  write(value: ElementValue): string;
}

/** Element text for X12: components split on ISA16; numbers written as they are. */
export function x12ElementCodec(delimiters: Pick<X12Delimiters, 'component'>): ElementCodec {
  const { component } = delimiters;
  const scalar = (value: string | number | null | undefined) =>
    value === null || value === undefined ? '' : String(value);
  return {
    read: (raw) => (raw.includes(component) ? raw.split(component) : raw),
    write: (value) => (isComposite(value) ? trimEmpty(value.map(scalar)).join(component) : scalar(value)),
  };
}

/** Element text for EDIFACT: components unescaped on reading; escaped, with the decimal mark applied to numbers, on writing. */
export function edifactElementCodec(delimiters: EdifactDelimiters): ElementCodec {
  const scalar = (value: string | number | null | undefined) => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number')
      return delimiters.decimal === ',' ? String(value).replace('.', ',') : String(value);
    return edifactEscape(value, delimiters);
  };
  return {
    read: (raw) => {
      const parts = edifactComponents(raw, delimiters);
      return parts.length === 1 ? (parts[0] ?? '') : parts;
    },
    write: (value) =>
      isComposite(value) ? trimEmpty(value.map(scalar)).join(delimiters.component) : scalar(value),
  };
}

type Scalar = string | number | null | undefined;

/** Array.isArray does not narrow readonly arrays, so composites are told apart here. */
function isComposite(value: ElementValue): value is readonly Scalar[] {
  return Array.isArray(value);
}

/** Trailing empty components are left out, as the standards ask. */
function trimEmpty(parts: string[]): string[] {
  let end = parts.length;
  while (end > 0 && parts[end - 1] === '') end--;
  return parts.slice(0, end);
}
