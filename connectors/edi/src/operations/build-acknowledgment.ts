import { Type } from '@sinclair/typebox';
import { defineOperation, userError } from '@waybill/connector-kit';
import { acknowledgeGroup } from '../ack/acknowledge-group.js';
import { build997 } from '../ack/build-997.js';
import { buildContrl } from '../ack/build-contrl.js';
import { supportedSets } from '../sets/registry.js';
import { OutboundInterchangeSchema, ParsedInterchangeSchema } from './support/parsed-schema.js';
import { assertStandard, PARTNER_CREDENTIAL, partnerProfile } from './support/partner.js';
import { writeOutbound } from './support/write-outbound.js';

const STATUS = { A: 'accepted', E: 'accepted-with-errors', P: 'partially-accepted', R: 'rejected' } as const;

/**
 * `edi.acknowledge`: writes the functional acknowledgment of a received interchange for the
 * partner that sent it: a 997 per X12 functional group (AK1–AK9, with AK3/AK4 for each problem
 * found) or an EDIFACT CONTRL, in the partner's envelope with the next control number. Send the
 * output on with Write file, an HTTP request or a Respond node.
 *
 * @example
 * { "id": "ack", "type": "edi.acknowledge", "credential": "xyz-retail", "config": {} }
 * // output: { content: 'ISA*…~GS*FA*…~ST*997*0001~AK1*PO*1421~…', acknowledgments: [{ group: '1421', status: 'accepted' }] }
 */
export const buildAcknowledgmentOperation = defineOperation({
  type: 'edi.acknowledge',
  title: 'Build acknowledgment (997 / CONTRL)',
  description:
    'Writes the 997 or CONTRL that tells the partner which of its groups and sets were accepted, with every error found.',
  icon: 'mail-check',
  effect: 'read',
  idempotency: 'none',
  idempotencyNote:
    'Writes nothing outside Waybill; a retry gets the same control numbers and the stored copy is kept once.',
  configSchema: Type.Object(
    {
      sets: Type.Optional(
        Type.Union([Type.Literal('every-set'), Type.Literal('sets-in-error')], {
          default: 'every-set',
          description:
            'every-set: an AK2/AK5 for every set (what most partners expect); sets-in-error: only for sets with errors.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  inputSchema: ParsedInterchangeSchema,
  outputSchema: Type.Composite([
    OutboundInterchangeSchema,
    Type.Object({
      acknowledgments: Type.Array(Type.Object({ group: Type.String(), status: Type.String() }), {
        description: 'What was said of each group received (X12) or of the interchange (EDIFACT).',
      }),
    }),
  ]),
  credential: PARTNER_CREDENTIAL,
  async run(ctx) {
    const profile = partnerProfile(ctx.credential);
    const received = ctx.input;
    assertStandard(profile, received.standard, ctx.nodeId);
    const now = new Date();
    const interchanges: { groups: Parameters<typeof acknowledgeGroup>[0][] }[] = received.report.interchanges;
    const groups = interchanges.flatMap((i) => i.groups);
    if (groups.length === 0) {
      throw userError({
        code: 'EDI_NOTHING_TO_ACKNOWLEDGE',
        message: `Node "${ctx.nodeId}" found no functional group to acknowledge in interchange ${received.control}.`,
      });
    }
    const supported = supportedSets.filter((s) => s.standard === received.standard).map((s) => s.id);
    if (profile.standard === 'x12') {
      const delimiters = profile.envelope.delimiters;
      const sets = groups.map((group, index) => ({
        standard: 'x12' as const,
        id: '997',
        functionalId: 'FA',
        // build997 gives ST…SE; the envelope writer adds its own around the body.
        body: build997(group, {
          control: index + 1,
          sets: ctx.config.sets ?? 'every-set',
          delimiters,
          supportedSets: supported,
        }).slice(1, -1),
      }));
      const sent = await writeOutbound(ctx, profile, sets, { expectAck: false, now });
      const acknowledgments = groups.map((group) => ({
        group: group.control ?? '',
        status: STATUS[acknowledgeGroup(group, { supportedSets: supported }).status],
      }));
      return { ...sent, acknowledgments };
    }
    const contrl = buildContrl(received, profile.envelope.delimiters);
    const message = { type: 'CONTRL', version: 'D', release: '3', agency: 'UN', body: contrl.body };
    const sent = await writeOutbound(ctx, profile, [{ standard: 'edifact', message }], {
      expectAck: false,
      now,
    });
    return { ...sent, acknowledgments: [{ group: received.control, status: contrl.status }] };
  },
});
