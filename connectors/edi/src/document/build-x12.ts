import type { EdiSegment } from '../segment.js';
import { serializeX12Segment } from '../x12/serialize.js';
import type { X12Delimiters } from '../x12/types.js';
import type { EnvelopeParty } from './read-sets.js';

/**
 * How to address an X12 interchange to one trading partner: the parts of a partner profile the
 * envelope needs.
 *
 * @example
 * const envelope: X12EnvelopeSettings = { sender: { qualifier: 'ZZ', id: 'WAYBILL' }, receiver: { qualifier: '01', id: '999999999' },
 *   groupSender: 'WAYBILL', groupReceiver: '999999999', interchangeVersion: '00401', groupVersion: '004010',
 *   usage: 'P', ackRequested: true, delimiters: { element: '*', component: '>', repetition: null, segment: '~', lineBreak: '\n' } };
 */
export interface X12EnvelopeSettings {
  sender: EnvelopeParty;
  receiver: EnvelopeParty;
  /** GS02 / GS03 application codes. */
  groupSender: string;
  groupReceiver: string;
  /** ISA12, e.g. '00401' or '00501'. */
  interchangeVersion: string;
  /** GS08, e.g. '004010' or '005010X222A1'. */
  groupVersion: string;
  /** ISA15. */
  usage: 'P' | 'T';
  /** ISA14: whether the partner is asked for a TA1. */
  ackRequested: boolean;
  delimiters: X12Delimiters;
}

/** One functional group to write: its GS01, GS06, and the bodies of its sets (no ST / SE). */
export interface X12GroupToWrite {
  functionalId: string;
  control: number;
  sets: { id: string; control: string; body: EdiSegment[]; implementationReference?: string }[];
}

/**
 * Writes a whole interchange: ISA with fixed-width fields, one GS…GE per group, ST…SE around each
 * set body with SE01 counted, IEA; control numbers come from the caller (a partner profile's
 * counters), so they never repeat.
 *
 * @example
 * buildX12Interchange({ envelope, control: 42, at: new Date(), groups: [{ functionalId: 'FA', control: 42, sets: [{ id: '997', control: '0001', body }] }] });
 * // 'ISA*00*          *00*          *ZZ*WAYBILL        *…*000000042*1*P*>~\nGS*FA*…'
 */
export function buildX12Interchange(options: {
  envelope: X12EnvelopeSettings;
  control: number;
  at: Date;
  groups: X12GroupToWrite[];
}): string {
  const { envelope, control, at, groups } = options;
  const d = envelope.delimiters;
  const stamp = at.toISOString();
  const date8 = stamp.slice(0, 10).replaceAll('-', '');
  const time4 = stamp.slice(11, 16).replace(':', '');
  const isa = [
    '00',
    ' '.repeat(10),
    '00',
    ' '.repeat(10),
    fixed(envelope.sender.qualifier, 2),
    fixed(envelope.sender.id, 15),
    fixed(envelope.receiver.qualifier, 2),
    fixed(envelope.receiver.id, 15),
    date8.slice(2),
    time4,
    d.repetition ?? 'U',
    fixed(envelope.interchangeVersion, 5),
    String(control).padStart(9, '0'),
    envelope.ackRequested ? '1' : '0',
    envelope.usage,
    d.component,
  ];
  const out: string[] = [serializeX12Segment({ tag: 'ISA', elements: isa }, d)];
  for (const group of groups) {
    const gs = [
      group.functionalId,
      envelope.groupSender,
      envelope.groupReceiver,
      date8,
      time4,
      String(group.control),
      'X',
      envelope.groupVersion,
    ];
    out.push(serializeX12Segment({ tag: 'GS', elements: gs }, d));
    for (const set of group.sets) {
      const st = set.implementationReference
        ? [set.id, set.control, set.implementationReference]
        : [set.id, set.control];
      out.push(serializeX12Segment({ tag: 'ST', elements: st }, d));
      for (const segment of set.body) out.push(serializeX12Segment(segment, d));
      out.push(serializeX12Segment({ tag: 'SE', elements: [String(set.body.length + 2), set.control] }, d));
    }
    out.push(
      serializeX12Segment({ tag: 'GE', elements: [String(group.sets.length), String(group.control)] }, d),
    );
  }
  out.push(
    serializeX12Segment(
      { tag: 'IEA', elements: [String(groups.length), String(control).padStart(9, '0')] },
      d,
    ),
  );
  return out.join('');
}

/** ISA fields are fixed width: padded with spaces, and refused rather than cut when too long. */
function fixed(value: string, width: number): string {
  if (value.length > width) {
    throw new RangeError(`"${value}" is longer than the ${width} characters its ISA field holds.`);
  }
  return value.padEnd(width, ' ');
}
