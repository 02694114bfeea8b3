import { Type } from '@sinclair/typebox';
import { defineOperation, routeTo } from '@waybill/connector-kit';
import { setSchemas } from '../sets/registry.js';
import { ParsedInterchangeSchema } from './support/parsed-schema.js';
import { OPTIONAL_PARTNER_CREDENTIAL, partnerProfile } from './support/partner.js';

/**
 * `edi.validate`: sends a parsed interchange to `valid` or `invalid`. Invalid means an envelope
 * or segment problem the parser found, a set Waybill has no structure for (when asked), a set
 * other than the expected ones, or, with a partner profile, an interchange not from that partner
 * to us. The output is the interchange with every problem as a sentence in `problems`.
 *
 * @example
 * { "id": "check", "type": "edi.validate", "credential": "xyz-retail", "config": { "expectSets": ["850"] } }
 */
export const validateInterchangeOperation = defineOperation({
  type: 'edi.validate',
  title: 'Validate EDI',
  description:
    'Checks envelopes, segments, the partner ids and the set types of a parsed interchange, and routes it to valid or invalid.',
  icon: 'shield-check',
  effect: 'read',
  idempotency: 'none',
  idempotencyNote: 'Reads only.',
  configSchema: Type.Object(
    {
      expectSets: Type.Optional(
        Type.Array(Type.String({ minLength: 2 }), {
          description: 'Set ids accepted here, e.g. ["850"]; others are invalid. Empty: any.',
        }),
      ),
      requireKnownSets: Type.Optional(
        Type.Boolean({
          default: true,
          description: 'Invalid when a set is of a type Waybill has no structure for.',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  inputSchema: ParsedInterchangeSchema,
  outputSchema: ParsedInterchangeSchema,
  outputs: ['valid', 'invalid'],
  defaultPort: 'valid',
  credential: OPTIONAL_PARTNER_CREDENTIAL,
  async run(ctx) {
    const interchange = ctx.input;
    const problems = [...interchange.problems];
    if (ctx.credential) {
      const profile = partnerProfile(ctx.credential);
      if (profile.standard !== interchange.standard) {
        problems.push(
          `The interchange is ${interchange.standard.toUpperCase()}, but the profile "${profile.id}" is for ${profile.standard.toUpperCase()}.`,
        );
      } else {
        const partner = profile.envelope.receiver;
        const us = profile.envelope.sender;
        const same = (a: { id: string; qualifier: string }, b: { id: string; qualifier: string }) =>
          a.id.trim() === b.id.trim() &&
          (a.qualifier === '' || b.qualifier === '' || a.qualifier.trim() === b.qualifier.trim());
        if (!same(interchange.sender, partner)) {
          problems.push(
            `The interchange is from ${interchange.sender.qualifier}/${interchange.sender.id}, not from ${profile.name} (${partner.qualifier}/${partner.id}).`,
          );
        }
        if (!same(interchange.receiver, us)) {
          problems.push(
            `The interchange is addressed to ${interchange.receiver.qualifier}/${interchange.receiver.id}, not to us (${us.qualifier}/${us.id}).`,
          );
        }
      }
    }
    const expected = ctx.config.expectSets ?? [];
    for (const set of interchange.sets) {
      const name = `${set.set} ${set.control}`;
      if (expected.length > 0 && !expected.includes(set.set)) {
        problems.push(`Set ${name} is not one this flow takes (${expected.join(', ')}).`);
      } else if ((ctx.config.requireKnownSets ?? true) && !setSchemas[`${interchange.standard}:${set.set}`]) {
        problems.push(`Set ${name} is of a type Waybill has no structure for.`);
      }
    }
    if (interchange.sets.length === 0) problems.push('The interchange holds no transaction set.');
    const output = { ...interchange, problems };
    return problems.length === 0 ? routeTo('valid', output) : routeTo('invalid', output);
  },
});
