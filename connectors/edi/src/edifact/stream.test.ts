import { describe, expect, it } from 'vitest';
import type { EdiSegment, ParsedSegment } from '../segment.js';
import { parseEdifact, parseEdifactStream } from './parse.js';

/** Segments read their elements lazily, so compare their JSON form. */
const plain = (segment: EdiSegment): unknown => JSON.parse(JSON.stringify(segment));

async function collect(stream: AsyncIterable<ParsedSegment>): Promise<Array<{ tag: string }>> {
  const segments: Array<{ tag: string }> = [];
  for await (const segment of stream) segments.push(segment.toJSON());
  return segments;
}

const withUna =
  "UNA:+,? '\r\nUNB+UNOC:4+S+R+240101:1200+1'\r\nNAD+BY+++O?'NEIL ?+ SONS?:UNIT 5??'\r\nQTY+21:12,5'\r\nUNZ+1+1'\r\n";
const withoutUna = "UNB+UNOA:3+S+R+240101:1200+1'FTX+AAA+++A???'B??'UNZ+1+1'";

describe('parseEdifactStream', () => {
  for (const [title, text] of [
    ['with UNA, escapes and CRLF', withUna],
    ['without UNA', withoutUna],
  ] as const) {
    it(`gives the same segments as the whole parse for a split at every byte position (${title})`, async () => {
      const bytes = new TextEncoder().encode(text);
      const whole = parseEdifact(bytes);
      for (let at = 0; at <= bytes.length; at++) {
        const stream = parseEdifactStream([bytes.subarray(0, at), bytes.subarray(at)]);
        expect(await collect(stream), `split at byte ${at}`).toEqual(whole.segments.map(plain));
        expect(stream.delimiters).toEqual(whole.delimiters);
        expect(stream.syntax).toEqual(whole.syntax);
        expect(stream.trailer).toBe(whole.trailer);
      }
    });
  }

  it('handles a UNA that arrives one character at a time', async () => {
    const stream = parseEdifactStream(withUna.split(''));
    expect((await collect(stream)).map((s) => s.tag)).toEqual(['UNB', 'NAD', 'QTY', 'UNZ']);
    expect(stream.una).toBe("UNA:+,? '");
    expect(stream.delimiters?.decimal).toBe(',');
    expect(stream.delimiters?.repetition).toBeNull();
  });

  it('reports a stream that ends inside a segment', async () => {
    await expect(collect(parseEdifactStream([withoutUna.slice(0, -1)]))).rejects.toThrow(
      /^Segment 3 \(near character 48\) has no terminator/,
    );
  });
});
