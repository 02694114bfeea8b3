import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseX12Stream } from '../x12/parse.js';
import { X12EnvelopeValidator } from './x12-envelope.js';

// Measuring retained memory needs a full collection; this is the documented way to get one in a test.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const isa =
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*P*>~\n';
const sets = 40;
const linesPerSet = 5_000;

/** A 850 interchange of about 16 MB, produced chunk by chunk so the test never holds it either. */
function* interchange(): Generator<string> {
  yield `${isa}GS*PO*SENDER*RECEIVER*20240101*1200*1*X*005010~\n`;
  for (let s = 1; s <= sets; s++) {
    const control = String(s).padStart(4, '0');
    let chunk = `ST*850*${control}~\nBEG*00*SA*PO-${control}**20240101~\n`;
    for (let line = 1; line <= linesPerSet; line++) {
      chunk += `PO1*${line}*12*EA*9.25**VN*WIDGET-${line}*UP*012345678905~\nPID*F****SMALL WIDGET ${line}~\n`;
    }
    yield `${chunk}CTT*${linesPerSet}~\nSE*${linesPerSet * 2 + 4}*${control}~\n`;
  }
  yield `GE*${sets}*1~\nIEA*1*000000001~\n`;
}

describe('envelope validation on the streaming parser', () => {
  it('validates a 16 MB interchange with memory that stays flat', async () => {
    let bytes = 0;
    function* counted(): Generator<string> {
      for (const chunk of interchange()) {
        bytes += chunk.length;
        yield chunk;
      }
    }
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = 0;
    let segments = 0;
    const validator = new X12EnvelopeValidator();
    for await (const batch of parseX12Stream(counted()).batches()) {
      for (const segment of batch) validator.push(segment);
      segments += batch.length;
      // Once per set: a full collection, then what is still held.
      if (batch.length > 1) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      }
    }
    const report = validator.end();
    expect(bytes).toBeGreaterThan(15_000_000);
    expect(segments).toBe(sets * (linesPerSet * 2 + 4) + 4);
    expect(report.problems).toEqual([]);
    expect(report.interchanges[0]?.groups[0]?.sets).toHaveLength(sets);
    // Holding the segments would take well over 100 MB; what stays is one chunk and the report.
    expect(peak).toBeLessThan(8_000_000);
  });
});
