import { Type } from '@sinclair/typebox';
import { defineOperation, userError } from '@waybill/connector-kit';
import { edifactElementCodec, x12ElementCodec } from '../document/element-codec.js';
import { EdiDocumentError, writeDocument } from '../document/write-document.js';
import { shippedMap } from '../maps/map-catalog.js';
import { setSchemas } from '../sets/registry.js';
import { mapConfigSchema, runConfiguredMap } from './support/map-config.js';
import { OutboundInterchangeSchema } from './support/parsed-schema.js';
import { assertStandard, PARTNER_CREDENTIAL, partnerProfile } from './support/partner.js';
import { writeOutbound } from './support/write-outbound.js';

const ConfigSchema = Type.Composite([
  mapConfigSchema('from-canonical', 'order-to-x12-855'),
  Type.Object({
    set: Type.Optional(
      Type.String({
        minLength: 2,
        description: 'The set or message written (e.g. "855"); the shipped map\'s when absent.',
      }),
    ),
    release: Type.Optional(
      Type.String({ description: 'EDIFACT directory release for UNH, e.g. "96A" (default).' }),
    ),
  }),
]);

/**
 * `edi.build`: writes an outbound interchange for a trading partner from canonical data: the map
 * gives the set's body, the partner profile the envelope and separators, the partner's counter
 * the control numbers. The bytes are stored with the execution, awaiting the partner's
 * acknowledgment when its profile expects one.
 *
 * @example
 * { "id": "ack_855", "type": "edi.build", "credential": "xyz-retail", "config": { "map": "order-to-x12-855" } }
 * // input: { order: {…}, acknowledgment: { status: 'accepted', date: '2025-03-01' } }
 */
export const buildInterchangeOperation = defineOperation({
  type: 'edi.build',
  title: 'Build EDI',
  description:
    'Writes an X12 or EDIFACT interchange for a trading partner from canonical data, with its control numbers and envelope.',
  icon: 'file-output',
  effect: 'read',
  idempotency: 'none',
  idempotencyNote:
    'Writes nothing outside Waybill; a retry gets the same control numbers and the stored copy is kept once.',
  configSchema: Type.Object(ConfigSchema.properties, { additionalProperties: false }),
  outputSchema: OutboundInterchangeSchema,
  credential: PARTNER_CREDENTIAL,
  async run(ctx) {
    const profile = partnerProfile(ctx.credential);
    const map = shippedMap(ctx.config.map);
    const setId = ctx.config.set ?? map?.set ?? '';
    const standard = map?.standard ?? profile.standard;
    assertStandard(profile, standard, ctx.nodeId);
    const now = new Date();
    const context =
      typeof ctx.input === 'object' && ctx.input !== null
        ? {
            today: now.toISOString().slice(0, 10),
            partner: { id: profile.id, name: profile.name },
            ...ctx.input,
          }
        : ctx.input;
    const body = await runConfiguredMap(ctx.config, context, ctx.nodeId);
    try {
      if (profile.standard === 'x12') {
        const segments = writeDocument(body, x12ElementCodec(profile.envelope.delimiters));
        const functionalId = setSchemas[`x12:${setId}`]?.functionalId;
        if (!functionalId) {
          throw userError({
            code: 'EDI_UNKNOWN_SET',
            message: `Node "${ctx.nodeId}" does not know the functional group of X12 set "${setId}".`,
          });
        }
        return await writeOutbound(
          ctx,
          profile,
          [{ standard: 'x12', id: setId, functionalId, body: segments }],
          { expectAck: true, now },
        );
      }
      const segments = writeDocument(body, edifactElementCodec(profile.envelope.delimiters));
      const message = {
        type: setId,
        version: 'D',
        release: ctx.config.release ?? '96A',
        agency: 'UN',
        association: 'EAN008',
        body: segments,
      };
      return await writeOutbound(ctx, profile, [{ standard: 'edifact', message }], { expectAck: true, now });
    } catch (error) {
      if (error instanceof EdiDocumentError) {
        throw userError({
          code: 'EDI_MAP_OUTPUT',
          message: `The map of node "${ctx.nodeId}" built something that is not ${setId}: ${error.message}`,
          details: { path: error.path },
        });
      }
      throw error;
    }
  },
});
