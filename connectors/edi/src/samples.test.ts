import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseEdifact, parseEdifactStream } from './edifact/parse.js';
import { serializeEdifact } from './edifact/serialize.js';
import type { EdiSegment, ParsedSegment } from './segment.js';
import { parseX12, parseX12Stream } from './x12/parse.js';
import { serializeX12 } from './x12/serialize.js';

const fixture = (path: string) => readFile(new URL(`../fixtures/${path}`, import.meta.url));

async function collect(stream: AsyncIterable<ParsedSegment>): Promise<unknown[]> {
  const segments: ParsedSegment[] = [];
  for await (const segment of stream) segments.push(segment);
  return segments.map(plain);
}

/** Segments read their elements lazily, so compare their JSON form. */
const plain = (segment: EdiSegment): unknown => JSON.parse(JSON.stringify(segment));

function chunksOf(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

describe('the X12 sample documents', () => {
  for (const name of ['nodex12__850.edi', 'nodex12__855.edi']) {
    it(`${name} parses and serializes back to the same bytes`, async () => {
      const bytes = await fixture(`x12/${name}`);
      const doc = parseX12(bytes);
      expect(doc.segments[0]?.tag).toBe('ISA');
      expect(doc.segments.at(-1)?.tag).toBe('IEA');
      expect(doc.delimiters).toMatchObject({ element: '*', component: '>', repetition: null, segment: '~' });
      expect(doc.delimiters.lineBreak).toBe('\n');
      expect(Buffer.from(serializeX12(doc), 'utf8').equals(bytes)).toBe(true);
    });

    it(`${name} gives the same segments when streamed in 7-byte chunks`, async () => {
      const bytes = await fixture(`x12/${name}`);
      const streamed = await collect(parseX12Stream(chunksOf(bytes, 7)));
      expect(streamed).toEqual(parseX12(bytes).segments.map(plain));
    });
  }

  it('the 850 keeps its 33-segment transaction set and ends without a final line break', async () => {
    const doc = parseX12(await fixture('x12/nodex12__850.edi'));
    const st = doc.segments.findIndex((s) => s.tag === 'ST');
    const se = doc.segments.findIndex((s) => s.tag === 'SE');
    expect(se - st + 1).toBe(33);
    expect(doc.segments[se]?.elements).toEqual(['33', '000000010']);
    expect(doc.trailer).toBe('');
  });
});

describe('the EDIFACT sample document', () => {
  it('pydifact__order.edi parses and serializes back to the same bytes', async () => {
    const bytes = await fixture('edifact/pydifact__order.edi');
    const doc = parseEdifact(bytes);
    expect(doc.una).toBe("UNA:+,? '");
    expect(doc.delimiters).toMatchObject({ decimal: ',', release: '?', segment: "'", lineBreak: '\n' });
    expect(doc.syntax).toEqual({ identifier: 'UNOA', version: 4 });
    expect(doc.segments.map((s) => s.tag).slice(0, 3)).toEqual(['UNB', 'UNH', 'BGM']);
    expect(doc.segments.at(-1)?.tag).toBe('UNT');
    expect(Buffer.from(serializeEdifact(doc), 'utf8').equals(bytes)).toBe(true);
  });

  it('pydifact__order.edi gives the same segments when streamed in 5-byte chunks', async () => {
    const bytes = await fixture('edifact/pydifact__order.edi');
    const stream = parseEdifactStream(chunksOf(bytes, 5));
    expect(await collect(stream)).toEqual(parseEdifact(bytes).segments.map(plain));
    expect(stream.una).toBe("UNA:+,? '");
    expect(stream.syntax?.version).toBe(4);
  });
});
