import { Type } from '@sinclair/typebox';
import { defineOperation, routeTo, userError } from '@waybill/connector-kit';
import { Read997Error, read997 } from '../ack/read-997.js';
import { x12ElementCodec } from '../document/element-codec.js';
import { writeDocument } from '../document/write-document.js';
import { ParsedInterchangeSchema } from './support/parsed-schema.js';
import { assertStandard, PARTNER_CREDENTIAL, partnerProfile } from './support/partner.js';

/**
 * `edi.recordAcknowledgment`: reads the 997s a partner sent back and marks the interchanges we
 * sent as accepted, accepted with errors or rejected, so they leave the overdue-acknowledgment
 * list. A rejection goes out of `rejected` with the partner's reasons, for a flow to alert on.
 *
 * @example
 * { "id": "ack_in", "type": "edi.recordAcknowledgment", "credential": "xyz-retail", "config": {} }
 */
export const recordAcknowledgmentOperation = defineOperation({
  type: 'edi.recordAcknowledgment',
  title: 'Record acknowledgment',
  description:
    'Reads a received 997 and marks the interchanges it acknowledges; rejections go out of the rejected port.',
  icon: 'check-check',
  effect: 'write',
  idempotency: 'upsert-by-external-id',
  idempotencyNote:
    'Sets the acknowledgment state of the documents the 997 names; repeating it sets the same state.',
  configSchema: Type.Object({}, { additionalProperties: false }),
  inputSchema: ParsedInterchangeSchema,
  outputs: ['accepted', 'rejected'],
  defaultPort: 'accepted',
  credential: PARTNER_CREDENTIAL,
  async run(ctx) {
    const profile = partnerProfile(ctx.credential);
    assertStandard(profile, ctx.input.standard, ctx.nodeId);
    if (profile.standard !== 'x12') {
      throw userError({
        code: 'EDI_ACK_UNSUPPORTED',
        message: `Node "${ctx.nodeId}" reads X12 997s; EDIFACT CONTRL messages are not read yet.`,
      });
    }
    const codec = x12ElementCodec(profile.envelope.delimiters);
    const acks = [];
    for (const set of ctx.input.sets.filter((s) => s.set === '997')) {
      const segments = [
        { tag: 'ST', elements: ['997', set.control] },
        ...writeDocument(set.body, codec),
        { tag: 'SE', elements: ['0', set.control] },
      ];
      try {
        acks.push(read997(segments));
      } catch (error) {
        if (error instanceof Read997Error) {
          throw userError({
            code: 'EDI_ACK_UNREADABLE',
            message: `Node "${ctx.nodeId}" could not read 997 ${set.control}: ${error.message}`,
          });
        }
        throw error;
      }
    }
    if (acks.length === 0) {
      throw userError({
        code: 'EDI_NO_ACK',
        message: `Node "${ctx.nodeId}" found no 997 in interchange ${ctx.input.control}.`,
      });
    }
    const results = [];
    for (const ack of acks) {
      const matched = await ctx.documents.acknowledge({
        partner: profile.id,
        groupControl: ack.groupControl,
        status: ack.status,
      });
      results.push({
        group: ack.groupControl,
        functionalId: ack.functionalId,
        status: ack.status,
        matched,
        message: ack.message,
      });
    }
    const output = { acknowledgments: results };
    return results.some((r) => r.status === 'rejected' || r.status === 'partially-accepted')
      ? routeTo('rejected', output)
      : routeTo('accepted', output);
  },
});
