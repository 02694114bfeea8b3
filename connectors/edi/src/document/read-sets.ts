import { edifactComponents } from '../edifact/release.js';
import type { EdifactDocument } from '../edifact/types.js';
import type { EdiSegment } from '../segment.js';
import type { X12Document } from '../x12/types.js';
import { edifactElementCodec, x12ElementCodec } from './element-codec.js';
import { type DocumentNode, readDocument } from './read-document.js';
import type { SetSchema } from './set-schema.js';

/** A party as the envelope names it: its id and the qualifier that says what kind of id it is. */
export interface EnvelopeParty {
  id: string;
  qualifier: string;
}

/**
 * One transaction set (X12) or message (EDIFACT) with the envelope around it, ready for a map:
 * maps read `body`, and reach the sender, dates and control numbers through the rest.
 *
 * @example
 * const [po] = readX12Sets(parseX12(text), setSchemas);
 * po.set; // '850'
 * po.body.BEG[0].BEG03; // '08292233294'
 */
export interface EdiSetDocument {
  standard: 'x12' | 'edifact';
  /** ST01 ('850') or the UNH message type ('ORDERS'). */
  set: string;
  /** ST02 or UNH 0062. */
  control: string;
  /** GS08 ('004010VICS') or the UNH version and release ('D:96A'). */
  version: string;
  /** X12 GS01; EDIFACT: the UNH association code when given (e.g. 'EAN008'). */
  functionalId: string;
  interchange: {
    control: string;
    sender: EnvelopeParty;
    receiver: EnvelopeParty;
    /** As written: YYMMDD (ISA09) or YYMMDD / CCYYMMDD (UNB S004). */
    date: string;
    time: string;
    /** X12 ISA15: 'P' production, 'T' test; EDIFACT: 'T' when UNB 0035 is 1. */
    usage: string;
  };
  /** The functional group (X12 GS); undefined for EDIFACT messages outside a UNG group. */
  group?: { control: string; sender: string; receiver: string; date: string; time: string };
  body: DocumentNode;
}

/** Set schemas by `<standard>:<set id>`, e.g. `x12:850`, `edifact:ORDERS`. */
export type SetSchemas = Readonly<Record<string, SetSchema>>;

/**
 * Every transaction set of an X12 interchange, in order, each with its envelope and its body
 * grouped into loops by its schema (sets without one keep their segments flat).
 *
 * @example
 * readX12Sets(parseX12(text), setSchemas).map((s) => s.set); // ['850']
 */
export function readX12Sets(doc: X12Document, schemas: SetSchemas): EdiSetDocument[] {
  const codec = x12ElementCodec(doc.delimiters);
  const sets: EdiSetDocument[] = [];
  let isa: EdiSegment | undefined;
  let gs: EdiSegment | undefined;
  let body: EdiSegment[] | undefined;
  let st: EdiSegment | undefined;
  for (const segment of doc.segments) {
    if (segment.tag === 'ISA') isa = segment;
    else if (segment.tag === 'GS') gs = segment;
    else if (segment.tag === 'ST') {
      st = segment;
      body = [];
    } else if (segment.tag === 'SE' && st && body) {
      const e = (s: EdiSegment | undefined, i: number) => s?.elements[i - 1]?.trim() ?? '';
      const id = e(st, 1);
      sets.push({
        standard: 'x12',
        set: id,
        control: e(st, 2),
        version: e(gs, 8),
        functionalId: e(gs, 1),
        interchange: {
          control: e(isa, 13),
          sender: { qualifier: e(isa, 5), id: e(isa, 6) },
          receiver: { qualifier: e(isa, 7), id: e(isa, 8) },
          date: e(isa, 9),
          time: e(isa, 10),
          usage: e(isa, 15),
        },
        ...(gs
          ? {
              group: {
                control: e(gs, 6),
                sender: e(gs, 2),
                receiver: e(gs, 3),
                date: e(gs, 4),
                time: e(gs, 5),
              },
            }
          : {}),
        body: readDocument(body, schemas[`x12:${id}`], codec),
      });
      st = undefined;
      body = undefined;
    } else if (segment.tag === 'GE') gs = undefined;
    else body?.push(segment);
  }
  return sets;
}

/**
 * Every message of an EDIFACT interchange, in order, with the UNB envelope and its body grouped
 * by its schema. Element values are unescaped; composites are lists of components.
 *
 * @example
 * readEdifactMessages(parseEdifact(text), setSchemas)[0]?.set; // 'ORDERS'
 */
export function readEdifactMessages(doc: EdifactDocument, schemas: SetSchemas): EdiSetDocument[] {
  const codec = edifactElementCodec(doc.delimiters);
  const parts = (s: EdiSegment | undefined, i: number) =>
    edifactComponents(s?.elements[i - 1] ?? '', doc.delimiters);
  const messages: EdiSetDocument[] = [];
  let unb: EdiSegment | undefined;
  let ung: EdiSegment | undefined;
  let unh: EdiSegment | undefined;
  let body: EdiSegment[] | undefined;
  for (const segment of doc.segments) {
    if (segment.tag === 'UNB') unb = segment;
    else if (segment.tag === 'UNG') ung = segment;
    else if (segment.tag === 'UNE') ung = undefined;
    else if (segment.tag === 'UNH') {
      unh = segment;
      body = [];
    } else if (segment.tag === 'UNT' && unh && body) {
      const type = parts(unh, 2);
      const [date = '', time = ''] = parts(unb, 4);
      const party = (i: number): EnvelopeParty => {
        const [id = '', qualifier = ''] = parts(unb, i);
        return { id, qualifier };
      };
      const id = type[0] ?? '';
      messages.push({
        standard: 'edifact',
        set: id,
        control: parts(unh, 1)[0] ?? '',
        version: [type[1], type[2]].filter(Boolean).join(':'),
        functionalId: type[4] ?? '',
        interchange: {
          control: parts(unb, 5)[0] ?? '',
          sender: party(2),
          receiver: party(3),
          date,
          time,
          usage: parts(unb, 11)[0] === '1' ? 'T' : 'P',
        },
        ...(ung
          ? {
              group: {
                control: parts(ung, 5)[0] ?? '',
                sender: parts(ung, 2)[0] ?? '',
                receiver: parts(ung, 3)[0] ?? '',
                date: parts(ung, 4)[0] ?? '',
                time: parts(ung, 4)[1] ?? '',
              },
            }
          : {}),
        body: readDocument(body, schemas[`edifact:${id}`], codec),
      });
      unh = undefined;
      body = undefined;
    } else body?.push(segment);
  }
  return messages;
}
