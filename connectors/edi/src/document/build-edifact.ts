import { edifactEscape } from '../edifact/release.js';
import { serializeEdifactSegment } from '../edifact/serialize.js';
import type { EdifactDelimiters } from '../edifact/types.js';
import type { EdiSegment } from '../segment.js';
import type { EnvelopeParty } from './read-sets.js';

/**
 * How to address an EDIFACT interchange to one partner.
 *
 * @example
 * const envelope: EdifactEnvelopeSettings = { sender: { id: '5412345000013', qualifier: '14' }, receiver: { id: '8711576000012', qualifier: '14' },
 *   syntax: { identifier: 'UNOC', version: 3 }, writeUna: true, test: false, delimiters };
 */
export interface EdifactEnvelopeSettings {
  sender: EnvelopeParty;
  receiver: EnvelopeParty;
  syntax: { identifier: string; version: number };
  /** Whether to write the UNA service string advice (needed when the separators are not the defaults). */
  writeUna: boolean;
  /** UNB 0035 = 1. */
  test: boolean;
  delimiters: EdifactDelimiters;
}

/** One message to write: its UNH identifier and reference, and its body (no UNH / UNT), already escaped. */
export interface EdifactMessageToWrite {
  type: string;
  version: string;
  release: string;
  agency: string;
  association?: string;
  reference: string;
  body: EdiSegment[];
}

/**
 * Writes an EDIFACT interchange: UNA when asked, UNB with the date as YYMMDD (syntax 3) or
 * CCYYMMDD (syntax 4), UNH…UNT around each message with UNT counted, UNZ.
 *
 * @example
 * buildEdifactInterchange({ envelope, control: '17', at: new Date(), messages: [{ type: 'DESADV', version: 'D', release: '96A', agency: 'UN', reference: '1', body }] });
 */
export function buildEdifactInterchange(options: {
  envelope: EdifactEnvelopeSettings;
  control: string;
  at: Date;
  messages: EdifactMessageToWrite[];
}): string {
  const { envelope, control, at, messages } = options;
  const d = envelope.delimiters;
  const c = (...parts: string[]) => {
    let end = parts.length;
    while (end > 0 && parts[end - 1] === '') end--;
    return parts
      .slice(0, end)
      .map((part) => edifactEscape(part, d))
      .join(d.component);
  };
  const stamp = at.toISOString();
  const date = stamp.slice(envelope.syntax.version >= 4 ? 0 : 2, 10).replaceAll('-', '');
  const time = stamp.slice(11, 16).replace(':', '');
  const out: string[] = [];
  if (envelope.writeUna) {
    out.push(
      `UNA${d.component}${d.element}${d.decimal}${d.release ?? ' '}${d.repetition ?? ' '}${d.segment}${d.lineBreak}`,
    );
  }
  const unb = [
    c(envelope.syntax.identifier, String(envelope.syntax.version)),
    c(envelope.sender.id, envelope.sender.qualifier),
    c(envelope.receiver.id, envelope.receiver.qualifier),
    c(date, time),
    c(control),
    ...(envelope.test ? ['', '', '', '', '', '1'] : []),
  ];
  out.push(serializeEdifactSegment({ tag: 'UNB', elements: unb }, d));
  for (const message of messages) {
    const id = c(message.type, message.version, message.release, message.agency, message.association ?? '');
    out.push(serializeEdifactSegment({ tag: 'UNH', elements: [c(message.reference), id] }, d));
    for (const segment of message.body) out.push(serializeEdifactSegment(segment, d));
    out.push(
      serializeEdifactSegment(
        { tag: 'UNT', elements: [String(message.body.length + 2), c(message.reference)] },
        d,
      ),
    );
  }
  out.push(serializeEdifactSegment({ tag: 'UNZ', elements: [String(messages.length), c(control)] }, d));
  return out.join('');
}
