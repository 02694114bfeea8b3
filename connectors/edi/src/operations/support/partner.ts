import { userError } from '@waybill/connector-kit';
import { edifactPartnerCredential, x12PartnerCredential } from '../../partners/partner-credential-types.js';
import { type PartnerProfile, readEdifactProfile, readX12Profile } from '../../partners/partner-profile.js';

/** The credential EDI nodes take: a trading-partner profile of either standard. */
export const PARTNER_CREDENTIAL = {
  types: [x12PartnerCredential, edifactPartnerCredential],
  required: true,
} as const;

/** The same, for nodes that also work without one (reading an interchange from anyone). */
export const OPTIONAL_PARTNER_CREDENTIAL = {
  types: [x12PartnerCredential, edifactPartnerCredential],
  required: false,
} as const;

type PartnerCredential = { id: string; type: string; values: Readonly<Record<string, string | undefined>> };

/**
 * The partner profile of a node's credential.
 *
 * @example
 * const profile = partnerProfile(ctx.credential); // { standard: 'x12', envelope: {…}, acknowledgments: true, … }
 */
export function partnerProfile(credential: PartnerCredential): PartnerProfile {
  return credential.type === 'edi-edifact-partner'
    ? readEdifactProfile(credential.id, credential.values)
    : readX12Profile(credential.id, credential.values);
}

/** Refuses a profile of the other standard than the document's, with a sentence. */
export function assertStandard(profile: PartnerProfile, standard: 'x12' | 'edifact', nodeId: string): void {
  if (profile.standard !== standard) {
    throw userError({
      code: 'EDI_WRONG_PROFILE',
      message: `Node "${nodeId}" handles ${standard.toUpperCase()}, but its trading-partner profile "${profile.id}" is for ${profile.standard.toUpperCase()}; pick the partner's ${standard.toUpperCase()} profile.`,
    });
  }
}
