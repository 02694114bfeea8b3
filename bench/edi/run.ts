import { cpus } from 'node:os';
import { type ParsedSegment, parseX12Stream, validateX12Envelope, x12Element } from '@waybill/connector-edi';

/**
 * EDI benchmark: streams a synthetic X12 850 interchange of about 100 MB (many purchase orders in
 * one functional group) through parseX12Stream on one core and prints throughput and peak RSS.
 * The target from issue 7 is at least 50 MB/s and under 300 MB of memory. Prints figures; asserts nothing.
 *
 * The interchange is never held whole: a ~1 MB block of complete transaction sets is encoded once
 * and the source yields it repeatedly in 64 KiB slices, so chunk boundaries fall at arbitrary places
 * inside segments (as they do when reading a file) and generating costs almost nothing.
 */

const TARGET_BYTES = Number(process.env.BENCH_EDI_MB ?? 100) * 1_000_000;
const CHUNK_BYTES = 64 * 1024;
const encoder = new TextEncoder();

const isa =
  'ISA*00*          *00*          *ZZ*BUYER          *ZZ*SUPPLIER       *240101*1200*^*00501*000000001*0*P*>~\n';
// One functional group per repeat of the generated block, so ST02 stays unique within each group.
const gs = (group: number) => `GS*PO*BUYER*SUPPLIER*20240101*1200*${group}*X*005010~\n`;
const ge = (sets: number, group: number) => `GE*${sets}*${group}~\n`;

/** One 850 purchase order with ten lines, close to the node-x12 sample in shape. */
function purchaseOrder(n: number): string {
  const control = String(n).padStart(9, '0');
  const lines: string[] = [
    `ST*850*${control}`,
    `BEG*00*SA*PO${control}**20240101`,
    'REF*DP*038',
    'ITD*14*3*2**45**46',
    'DTM*002*20240115',
    'TD5*A*92*P3**SEE ROUTING GUIDE',
    'N1*ST*XYZ RETAIL*9*0003947268292',
    'N3*31875 SOLON RD',
    'N4*SOLON*OH*44139',
  ];
  for (let line = 1; line <= 10; line++) {
    lines.push(`PO1*${line}*${10 * line}*EA*9.25*TE*CB*065322-${line}*PR*RO*VN*AB${line}`);
    lines.push(`PID*F****WIDGET ${line}`);
  }
  lines.push('CTT*10');
  lines.push(`SE*${lines.length + 1}*${control}`);
  return `${lines.join('~\n')}~\n`;
}

function block(): { bytes: Uint8Array; sets: number } {
  let text = '';
  let sets = 0;
  while (text.length < 1_000_000) text += purchaseOrder(++sets);
  return { bytes: encoder.encode(text), sets };
}

/** The generated interchange: a block of purchase orders repeated, one group per repeat. */
interface Input {
  body: Uint8Array;
  repeats: number;
  setsPerBlock: number;
  trailer: Uint8Array;
  /** Bytes in the whole interchange. */
  total: number;
}

async function* interchange({ body, repeats, trailer, setsPerBlock }: Input) {
  yield encoder.encode(isa);
  for (let r = 0; r < repeats; r++) {
    yield encoder.encode(gs(r + 1));
    for (let at = 0; at < body.length; at += CHUNK_BYTES) yield body.subarray(at, at + CHUNK_BYTES);
    yield encoder.encode(ge(setsPerBlock, r + 1));
  }
  yield trailer;
}

const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1_000_000)} MB`;

type Mode = 'one-by-one' | 'batches';

interface Run {
  label: string;
  mode: Mode;
  /** Which segments have their elements split: envelope ones only (as validation reads), or all. */
  split: 'envelope' | 'all';
}

const envelope = new Set(['ISA', 'GS', 'ST', 'SE', 'GE', 'IEA']);

async function measure(run: Run, input: Input) {
  const { total } = input;
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let segments = 0;
  let transactionSets = 0;
  let elements = 0;
  const visit = (segment: ParsedSegment) => {
    segments++;
    // Touch the data so the work cannot be skipped; SE01 is what envelope validation compares.
    if (run.split === 'all' || envelope.has(segment.tag)) elements += segment.elements.length;
    if (segment.tag === 'SE') transactionSets += Number(x12Element(segment, 1)) > 0 ? 1 : 0;
    // A parse on one core never yields to timers, so RSS is sampled inline.
    if ((segments & 0xffff) === 0) peak = Math.max(peak, process.memoryUsage().rss);
  };
  const stream = parseX12Stream(interchange(input));
  const started = performance.now();
  if (run.mode === 'batches') {
    for await (const batch of stream.batches()) for (const segment of batch) visit(segment);
  } else {
    for await (const segment of stream) visit(segment);
  }
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`\n${run.label}`);
  console.log(
    `  ${fmt(segments, 0)} segments, ${fmt(transactionSets, 0)} transaction sets, ${fmt(elements, 0)} elements split, in ${fmt(seconds, 2)} s`,
  );
  console.log(`  throughput on one core: ${fmt(total / 1_000_000 / seconds)} MB/s (target ≥ 50 MB/s)`);
  console.log(`  peak RSS: ${mb(peak)} (target < 300 MB; ${mb(baseline)} before the run)`);
}

/**
 * Parse and validate: the envelope validator reading the stream (ISA13/IEA02, IEA01, GS06/GE02,
 * GE01, ST02/SE02, SE01 and the header-segment rules of every set), as `edi.parse` does.
 */
async function measureValidation(input: Input) {
  const { total } = input;
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  const started = performance.now();
  const report = await validateX12Envelope(parseX12Stream(interchange(input)));
  const seconds = (performance.now() - started) / 1000;
  const peak = Math.max(baseline, process.memoryUsage().rss);
  const sets = report.interchanges.flatMap((i) => i.groups.flatMap((g) => g.sets)).length;
  console.log(
    '\nvalidateX12Envelope(parseX12Stream(...)): parse and validate every envelope, set header and line item:',
  );
  console.log(
    `  ${fmt(sets, 0)} transaction sets checked, ${fmt(report.problems.length, 0)} problems, in ${fmt(seconds, 2)} s`,
  );
  console.log(`  throughput on one core: ${fmt(total / 1_000_000 / seconds)} MB/s (target ≥ 50 MB/s)`);
  console.log(
    `  RSS after the run: ${mb(peak)} (target < 300 MB; ${mb(baseline)} before the run; the report keeps one entry per set)`,
  );
}

async function main() {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Waybill EDI benchmark · Node ${process.version} · ${cpu}`);
  const { bytes: body, sets: setsPerBlock } = block();
  const repeats = Math.max(1, Math.round(TARGET_BYTES / body.length));
  const sets = setsPerBlock * repeats;
  const trailer = encoder.encode(`IEA*${repeats}*000000001~\n`);
  let groupBytes = 0;
  for (let r = 1; r <= repeats; r++) groupBytes += encoder.encode(gs(r) + ge(setsPerBlock, r)).length;
  const total = encoder.encode(isa).length + groupBytes + body.length * repeats + trailer.length;
  const input: Input = { body, repeats, setsPerBlock, trailer, total };
  console.log(
    `Input: one X12 850 interchange of ${mb(total)} (${fmt(sets, 0)} purchase orders, LF after each segment), streamed in 64 KiB chunks; MB = 10^6 bytes.`,
  );
  console.log('Segments split their elements when first read; RSS is sampled every 65,536 segments.');

  // Warm up the parser's code paths so the timed runs measure steady state.
  for await (const segment of parseX12Stream(interchange({ ...input, repeats: 3 }))) void segment.elements;

  const runs: Run[] = [
    {
      label:
        'parseX12Stream, one segment at a time, elements split for envelope segments only (what validation reads):',
      mode: 'one-by-one',
      split: 'envelope',
    },
    {
      label: 'parseX12Stream(...).batches(), a batch per chunk, elements split for envelope segments only:',
      mode: 'batches',
      split: 'envelope',
    },
    {
      label: 'parseX12Stream, one segment at a time, every element of every segment split (a full mapping):',
      mode: 'one-by-one',
      split: 'all',
    },
    {
      label: 'parseX12Stream(...).batches(), every element of every segment split:',
      mode: 'batches',
      split: 'all',
    },
  ];
  for (const run of runs) await measure(run, input);
  await measureValidation(input);
}

await main();
