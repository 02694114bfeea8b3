// Helpers for the map tests only (not exported from the index).
import { readFileSync } from 'node:fs';
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { registerCommonFormats } from '@waybill/connector-kit';
import { buildEdifactInterchange } from '../document/build-edifact.js';
import { buildX12Interchange, type X12EnvelopeSettings } from '../document/build-x12.js';
import { edifactElementCodec, x12ElementCodec } from '../document/element-codec.js';
import {
  type EdiSetDocument,
  readEdifactMessages,
  readX12Sets,
  type SetSchemas,
} from '../document/read-sets.js';
import type { SetSchema } from '../document/set-schema.js';
import { writeDocument } from '../document/write-document.js';
import { parseEdifact } from '../edifact/parse.js';
import { defaultEdifactDelimiters } from '../edifact/una.js';
import { validateEdifactEnvelope } from '../validate/edifact-envelope.js';
import type { EnvelopeProblem } from '../validate/report.js';
import { validateX12Envelope } from '../validate/x12-envelope.js';
import { parseX12 } from '../x12/parse.js';
import { loadMapSource } from './load-map.js';
import { runMap } from './run-map.js';

/**
 * A shared sample document (e.g. 'x12/nodex12__850.edi') as latin1 text. The samples are kept
 * in connectors/edi/fixtures as byte-identical copies, so tests run from any clone.
 */
export function sharedSample(path: string): string {
  return readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'latin1');
}

/** A file of connectors/edi/fixtures as latin1 text. */
export function fixture(path: string): string {
  return readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'latin1');
}

const schemasOf = (schemas: SetSchema[]): SetSchemas =>
  Object.fromEntries(schemas.map((s) => [`${s.standard}:${s.id}`, s]));

/** The sets of an X12 or EDIFACT interchange, read with the given set schemas. */
export function readSets(text: string, schemas: SetSchema[]): EdiSetDocument[] {
  return text.trimStart().startsWith('ISA')
    ? readX12Sets(parseX12(text), schemasOf(schemas))
    : readEdifactMessages(parseEdifact(text), schemasOf(schemas));
}

/** Runs a shipped map by id. */
export function runShippedMap(id: string, input: unknown): Promise<unknown> {
  return runMap(loadMapSource(id), input, id);
}

/** Sentences of every way a value breaks a canonical schema (empty when it conforms). */
export function canonicalProblems(schema: TSchema, value: unknown): string[] {
  registerCommonFormats();
  return [...Value.Errors(schema, value)].map((e) => `${e.path}: ${e.message}`);
}

export const testX12Envelope: X12EnvelopeSettings = {
  sender: { qualifier: 'ZZ', id: 'WAYBILL' },
  receiver: { qualifier: 'ZZ', id: 'PARTNER' },
  groupSender: 'WAYBILL',
  groupReceiver: 'PARTNER',
  interchangeVersion: '00401',
  groupVersion: '004010',
  usage: 'T',
  ackRequested: false,
  delimiters: { element: '*', component: '>', repetition: null, segment: '~', lineBreak: '\n' },
};

/**
 * Writes a map's output as a whole X12 interchange with one set, checks its envelope, and returns
 * the text and the set read back with the given schemas.
 */
export function writeX12(body: unknown, set: { id: string; functionalId: string }, schemas: SetSchema[]) {
  const segments = writeDocument(body, x12ElementCodec(testX12Envelope.delimiters));
  const text = buildX12Interchange({
    envelope: testX12Envelope,
    control: 1,
    at: new Date('2025-03-01T08:00:00Z'),
    groups: [
      { functionalId: set.functionalId, control: 1, sets: [{ id: set.id, control: '0001', body: segments }] },
    ],
  });
  const problems: EnvelopeProblem[] = validateX12Envelope(parseX12(text).segments).problems;
  return { text, problems, set: readSets(text, schemas)[0] };
}

/** The same for EDIFACT: one message in a UNB…UNZ interchange with default separators. */
export function writeEdifact(
  body: unknown,
  message: { type: string; release: string },
  schemas: SetSchema[],
) {
  const delimiters = { ...defaultEdifactDelimiters, lineBreak: '\n' };
  const segments = writeDocument(body, edifactElementCodec(delimiters));
  const text = buildEdifactInterchange({
    envelope: {
      sender: { id: 'WAYBILL', qualifier: 'ZZ' },
      receiver: { id: 'PARTNER', qualifier: 'ZZ' },
      syntax: { identifier: 'UNOC', version: 3 },
      writeUna: true,
      test: false,
      delimiters,
    },
    control: '1',
    at: new Date('2025-03-01T08:00:00Z'),
    messages: [
      {
        type: message.type,
        version: 'D',
        release: message.release,
        agency: 'UN',
        association: 'EAN008',
        reference: '1',
        body: segments,
      },
    ],
  });
  const doc = parseEdifact(text);
  const problems = validateEdifactEnvelope(doc.segments, { delimiters: doc.delimiters }).problems;
  return { text, problems, set: readSets(text, schemas)[0] };
}
