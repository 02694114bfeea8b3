import { describe, expect, it } from 'vitest';
import { EdiSyntaxError } from '../errors.js';
import type { EdiSegment, ParsedSegment } from '../segment.js';
import { parseX12, parseX12Stream } from './parse.js';

const isa =
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*P*>~';
const text = `${isa}\r\nGS*PO*SENDER*RECEIVER*20240101*1200*1*X*005010~\r\nST*850*0001~\r\nN1*ST*Caf\u00e9 M\u00fcller*9*A^B~\r\nSE*3*0001~\r\nGE*1*1~\r\nIEA*1*000000001~\r\n`;
const bytes = new TextEncoder().encode(text);

/** Segments read their elements lazily, so compare their JSON form. */
const plain = (segment: EdiSegment): unknown => JSON.parse(JSON.stringify(segment));

async function collect(stream: AsyncIterable<ParsedSegment>): Promise<Array<{ tag: string }>> {
  const segments: Array<{ tag: string }> = [];
  for await (const segment of stream) segments.push(segment.toJSON());
  return segments;
}

async function* slowly(chunks: Array<Uint8Array | string>): AsyncGenerator<Uint8Array | string> {
  for (const chunk of chunks) {
    await Promise.resolve();
    yield chunk;
  }
}

describe('parseX12Stream', () => {
  const whole = parseX12(bytes).segments.map(plain);

  it('gives the same segments as the whole parse for a split at every byte position', async () => {
    for (let at = 0; at <= bytes.length; at++) {
      const segments = await collect(parseX12Stream(slowly([bytes.subarray(0, at), bytes.subarray(at)])));
      expect(segments, `split at byte ${at}`).toEqual(whole);
    }
  });

  it('gives the same segments when every byte arrives as its own chunk', async () => {
    const chunks = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
    const stream = parseX12Stream(chunks);
    expect(await collect(stream)).toEqual(whole);
    expect(stream.delimiters).toEqual({
      element: '*',
      component: '>',
      repetition: '^',
      segment: '~',
      lineBreak: '\r\n',
    });
    expect(stream.trailer).toBe('\r\n');
  });

  it('groups the same segments by chunk through batches()', async () => {
    const batches: unknown[][] = [];
    for await (const batch of parseX12Stream([bytes.subarray(0, 150), bytes.subarray(150)]).batches()) {
      batches.push(batch.map(plain));
    }
    expect(batches).toHaveLength(2);
    expect(batches.flat()).toEqual(whole);
  });

  it('splits elements on first read, keeps edits, and serializes them to JSON', () => {
    const segment = parseX12(text).segments[4]!;
    segment.elements[0] = '4';
    expect(segment.elements).toEqual(['4', '0001']);
    segment.elements = ['5', '0001'];
    expect(plain(segment)).toEqual({
      tag: 'SE',
      elements: ['5', '0001'],
      position: 5,
      offset: text.indexOf('SE*'),
    });
  });

  it('accepts text chunks as well as bytes', async () => {
    expect(await collect(parseX12Stream([text.slice(0, 50), text.slice(50)]))).toEqual(whole);
  });

  it('yields segments before the source has ended', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    async function* source() {
      yield text.slice(0, 130);
      await gate;
      yield text.slice(130);
    }
    const iterator = parseX12Stream(source())[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.tag).toBe('ISA');
    release();
    const rest: string[] = [];
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) rest.push(r.value.tag);
    expect(rest).toEqual(['GS', 'ST', 'N1', 'SE', 'GE', 'IEA']);
  });

  it('reports a truncated stream with the same sentence as the whole parse', async () => {
    const truncated = text.slice(0, text.indexOf('IEA') + 5);
    await expect(collect(parseX12Stream([truncated]))).rejects.toThrow(
      `Segment 7 (near character ${text.indexOf('IEA')}) has no terminator "~": the interchange ends inside it.`,
    );
  });

  it('refuses a source that is not iterable and a chunk that is neither bytes nor text', async () => {
    expect(() => parseX12Stream(42 as unknown as string[])).toThrow(EdiSyntaxError);
    expect(() => parseX12Stream('ISA' as unknown as string[])).toThrow(EdiSyntaxError);
    await expect(collect(parseX12Stream([isa, 7 as unknown as string]))).rejects.toThrow(
      'The interchange stream produced a number chunk; expected bytes (Uint8Array) or text.',
    );
  });
});
