import type { EnvelopeReport, ValidatedSegment } from './report.js';

/** A validator fed one segment at a time, so it never needs the whole interchange. */
export interface PushValidator {
  push(segment: ValidatedSegment): void;
  end(): EnvelopeReport;
}

/** Any source of segments: an array, a generator, or a streaming parser. */
export type SegmentSource = Iterable<ValidatedSegment> | AsyncIterable<ValidatedSegment>;

function isAsync(source: SegmentSource): source is AsyncIterable<ValidatedSegment> {
  return typeof (source as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';
}

/**
 * Feeds every segment of a source to a validator: synchronously for an iterable, and as a promise
 * for an async iterable (a streaming parser), where it prefers `batches()` when the source has it
 * because that costs one promise per chunk instead of one per segment.
 *
 * @example
 * const report = await drive(parseX12Stream(file), new X12EnvelopeValidator());
 */
export function drive(
  source: SegmentSource,
  validator: PushValidator,
): EnvelopeReport | Promise<EnvelopeReport> {
  if (!isAsync(source)) {
    for (const segment of source) validator.push(segment);
    return validator.end();
  }
  return (async () => {
    const batched = source as Partial<{ batches(): AsyncIterable<ValidatedSegment[]> }>;
    if (typeof batched.batches === 'function') {
      for await (const batch of batched.batches()) for (const segment of batch) validator.push(segment);
    } else {
      for await (const segment of source) validator.push(segment);
    }
    return validator.end();
  })();
}
