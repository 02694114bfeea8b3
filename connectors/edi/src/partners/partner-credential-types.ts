import {
  type CredentialField,
  type CredentialTestResult,
  defineCredentialType,
} from '@waybill/connector-kit';
import { readEdifactProfile, readX12Profile } from './partner-profile.js';

/**
 * Trading-partner profiles are credentials: they are per partner, managed by admins and
 * partner engineers, scoped to a partner account, audited, and picked on a node like any other
 * credential. None of their fields is secret, so the credentials page shows and edits them all.
 * The profile's id is what control-number counters and stored interchanges are keyed by.
 */

const text = (name: string, label: string, description: string, required = false): CredentialField => ({
  name,
  label,
  secret: false,
  required,
  description,
});

const shared: CredentialField[] = [
  text('partnerName', 'Partner name', 'Shown in alerts and on stored interchanges, e.g. "XYZ Retail".'),
  text(
    'acknowledgments',
    'Acknowledgments expected',
    'yes: every interchange sent must be acknowledged (997 / CONTRL); an overdue one raises an alert. no: none is expected. Default yes.',
  ),
  text(
    'ackDueHours',
    'Acknowledgment due within (hours)',
    'How long the partner has to acknowledge; default 24.',
  ),
  text(
    'firstControlNumber',
    'First control number',
    'Where this profile starts counting interchange control numbers (e.g. to carry on from a previous translator); default 1. Numbers never repeat.',
  ),
  text(
    'lineBreak',
    'Line break after each segment',
    'none, lf or crlf; default lf. Some partners require none.',
  ),
];

/**
 * An X12 trading partner: the ISA/GS ids and qualifiers on both sides, version and separators.
 *
 * @example
 * { ourQualifier: 'ZZ', ourId: 'WAYBILL', partnerQualifier: '01', partnerId: '999999999', version: '00401', groupVersion: '004010' }
 */
export const x12PartnerCredential = defineCredentialType({
  type: 'edi-x12-partner',
  title: 'EDI X12 trading partner',
  description: 'Interchange ids, version and separators for one X12 trading partner.',
  fields: [
    text(
      'ourQualifier',
      'Our ISA qualifier',
      'ISA05 when we send, e.g. ZZ (mutually defined), 01 (DUNS), 12 (phone).',
      true,
    ),
    text('ourId', 'Our ISA id', 'ISA06 when we send (at most 15 characters).', true),
    text('partnerQualifier', 'Partner ISA qualifier', 'ISA07 when we send; ISA05 when they send.', true),
    text(
      'partnerId',
      'Partner ISA id',
      'ISA08 when we send; ISA06 when they send (at most 15 characters).',
      true,
    ),
    text('ourGroupId', 'Our GS id', 'GS02 when we send; defaults to our ISA id.'),
    text('partnerGroupId', 'Partner GS id', 'GS03 when we send; defaults to the partner ISA id.'),
    text('version', 'ISA version', 'ISA12: 00401 (default) or 00501.'),
    text('groupVersion', 'GS version', 'GS08, e.g. 004010 (default), 004010VICS, 005010.'),
    text('usage', 'Usage', 'ISA15: P production (default) or T test.'),
    text('elementSeparator', 'Element separator', 'Default *.'),
    text('componentSeparator', 'Component separator', 'ISA16; default >.'),
    text('repetitionSeparator', 'Repetition separator', 'ISA11 from version 00402 on; default ^.'),
    text('segmentTerminator', 'Segment terminator', 'Default ~.'),
    ...shared,
  ],
  test: async ({ values }) => verdict(() => readX12Profile('test', values)),
});

/**
 * An EDIFACT trading partner: UNB ids and qualifiers, syntax and service characters.
 *
 * @example
 * { ourId: '5412345000013', ourQualifier: '14', partnerId: '8711576000012', partnerQualifier: '14', syntaxIdentifier: 'UNOC', syntaxVersion: '3' }
 */
export const edifactPartnerCredential = defineCredentialType({
  type: 'edi-edifact-partner',
  title: 'EDIFACT trading partner',
  description: 'UNB ids, syntax level and service characters for one EDIFACT trading partner.',
  fields: [
    text('ourId', 'Our UNB id', 'UNB S002 when we send, e.g. our GLN.', true),
    text('ourQualifier', 'Our id qualifier', 'e.g. 14 (GLN), ZZ (mutually defined).'),
    text('partnerId', 'Partner UNB id', 'UNB S003 when we send.', true),
    text('partnerQualifier', 'Partner id qualifier', 'e.g. 14 (GLN).'),
    text('syntaxIdentifier', 'Syntax identifier', 'UNOA, UNOB, UNOC (default) or UNOW.'),
    text('syntaxVersion', 'Syntax version', '3 (default) or 4.'),
    text('decimalMark', 'Decimal mark', '. (default) or ,.'),
    text('test', 'Test interchanges', 'yes to mark interchanges sent as tests (UNB 0035 = 1).'),
    ...shared,
  ],
  test: async ({ values }) => verdict(() => readEdifactProfile('test', values)),
});

function verdict(read: () => { name: string }): CredentialTestResult {
  try {
    const profile = read();
    return {
      ok: true,
      message: `The profile for ${profile.name} is complete and its envelope can be written.`,
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
