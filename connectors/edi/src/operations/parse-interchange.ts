import { Type } from '@sinclair/typebox';
import { defineOperation } from '@waybill/connector-kit';
import { interchangeInput } from './support/interchange-input.js';
import { ParsedInterchangeSchema } from './support/parsed-schema.js';
import { OPTIONAL_PARTNER_CREDENTIAL } from './support/partner.js';
import { readInterchange } from './support/read-interchange.js';

/**
 * `edi.parse`: reads an X12 or EDIFACT interchange from an upload, a file or text, checks its
 * envelopes, groups each set into its loops, and keeps the exact bytes with the execution.
 *
 * @example
 * { "id": "parse", "type": "edi.parse", "credential": "xyz-retail", "config": {} }
 * // output: { standard: 'x12', control: '000003438', sets: [{ set: '850', body: { BEG: [...] } }], problems: [] }
 */
export const parseInterchangeOperation = defineOperation({
  type: 'edi.parse',
  title: 'Parse EDI',
  description:
    'Reads an X12 or EDIFACT interchange into one document per set, checks its envelopes and keeps the bytes received.',
  icon: 'file-input',
  effect: 'read',
  idempotency: 'none',
  idempotencyNote: 'Reads only; the copy it stores is kept once per step however often it runs.',
  configSchema: Type.Object({}, { additionalProperties: false }),
  outputSchema: ParsedInterchangeSchema,
  credential: OPTIONAL_PARTNER_CREDENTIAL,
  async run(ctx) {
    const source = interchangeInput(ctx.input, ctx.nodeId);
    const parsed = readInterchange(source.text, ctx.nodeId);
    const groupControls = parsed.report.interchanges.flatMap((i) =>
      i.groups.flatMap((g) => (g.control ? [g.control] : [])),
    );
    const { id } = await ctx.documents.record({
      direction: 'inbound',
      fileName:
        source.fileName ??
        `${parsed.standard}-${parsed.control || 'interchange'}.${parsed.standard === 'x12' ? 'x12' : 'edi'}`,
      contentType: parsed.standard === 'x12' ? 'application/edi-x12' : 'application/edifact',
      content: Buffer.from(source.text, source.encoding),
      ...(ctx.credential ? { partner: ctx.credential.id } : {}),
      standard: parsed.standard,
      interchangeControl: parsed.control,
      groupControls,
    });
    ctx.log({
      level: parsed.problems.length > 0 ? 'warn' : 'info',
      message: `Read ${parsed.standard.toUpperCase()} interchange ${parsed.control}: ${parsed.sets.length} set(s) (${[...new Set(parsed.sets.map((s) => s.set))].join(', ') || 'none'}), ${parsed.problems.length} problem(s).`,
    });
    return { ...parsed, ...(source.fileName ? { fileName: source.fileName } : {}), documentId: id };
  },
});
