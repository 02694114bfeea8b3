import { userError } from '@waybill/connector-kit';
import type { EdifactEnvelopeSettings } from '../document/build-edifact.js';
import type { X12EnvelopeSettings } from '../document/build-x12.js';
import { defaultEdifactDelimiters } from '../edifact/una.js';

/** What every profile says about acknowledgments and numbering, whatever the standard. */
export interface ProfileBasics {
  /** The credential id: counters and stored interchanges are keyed by it. */
  id: string;
  name: string;
  acknowledgments: boolean;
  ackDueHours: number;
  firstControlNumber: number;
}

export interface X12Profile extends ProfileBasics {
  standard: 'x12';
  envelope: X12EnvelopeSettings;
}

export interface EdifactProfile extends ProfileBasics {
  standard: 'edifact';
  envelope: EdifactEnvelopeSettings;
}

export type PartnerProfile = X12Profile | EdifactProfile;

type Values = Readonly<Record<string, string | undefined>>;

/**
 * Reads an X12 partner credential into envelope settings, with every mistake reported as a
 * sentence naming the field.
 *
 * @example
 * readX12Profile('xyz-retail', { ourQualifier: 'ZZ', ourId: 'WAYBILL', partnerQualifier: '01', partnerId: '999999999' }).envelope.interchangeVersion; // '00401'
 */
export function readX12Profile(id: string, values: Values): X12Profile {
  const field = (name: string, fallback: string) => {
    const value = values[name]?.trim();
    return value === undefined || value === '' ? fallback : value;
  };
  const required = (name: string, label: string, max: number) => {
    const value = field(name, '');
    if (value === '') throw invalid(id, `${label} (${name}) is empty.`);
    if (value.length > max)
      throw invalid(id, `${label} (${name}) "${value}" is longer than ${max} characters.`);
    return value;
  };
  const version = field('version', '00401');
  if (!/^\d{5}$/.test(version))
    throw invalid(id, `The ISA version (version) "${version}" must be five digits, e.g. 00401.`);
  const usage = field('usage', 'P');
  if (usage !== 'P' && usage !== 'T') throw invalid(id, `Usage (usage) must be P or T, not "${usage}".`);
  const delimiters = {
    element: separator(id, values, 'elementSeparator', '*'),
    component: separator(id, values, 'componentSeparator', '>'),
    repetition: version >= '00402' ? separator(id, values, 'repetitionSeparator', '^') : null,
    segment: separator(id, values, 'segmentTerminator', '~'),
    lineBreak: lineBreakOf(id, values),
  };
  const used = [delimiters.element, delimiters.component, delimiters.repetition, delimiters.segment].filter(
    (d) => d !== null,
  );
  if (new Set(used).size !== used.length) {
    throw invalid(
      id,
      `The separators must all differ; they are ${used.map((d) => JSON.stringify(d)).join(', ')}.`,
    );
  }
  const ourId = required('ourId', 'Our ISA id', 15);
  const partnerId = required('partnerId', 'The partner ISA id', 15);
  return {
    standard: 'x12',
    ...basics(id, values, field('partnerName', partnerId)),
    envelope: {
      sender: { qualifier: required('ourQualifier', 'Our ISA qualifier', 2), id: ourId },
      receiver: { qualifier: required('partnerQualifier', 'The partner ISA qualifier', 2), id: partnerId },
      groupSender: field('ourGroupId', ourId),
      groupReceiver: field('partnerGroupId', partnerId),
      interchangeVersion: version,
      groupVersion: field('groupVersion', '004010'),
      usage,
      ackRequested: false,
      delimiters,
    },
  };
}

/**
 * Reads an EDIFACT partner credential into envelope settings.
 *
 * @example
 * readEdifactProfile('acme-nl', { ourId: '5412345000013', partnerId: '8711576000012' }).envelope.syntax; // { identifier: 'UNOC', version: 3 }
 */
export function readEdifactProfile(id: string, values: Values): EdifactProfile {
  const field = (name: string, fallback: string) => {
    const value = values[name]?.trim();
    return value === undefined || value === '' ? fallback : value;
  };
  const ourId = field('ourId', '');
  const partnerId = field('partnerId', '');
  if (ourId === '') throw invalid(id, 'Our UNB id (ourId) is empty.');
  if (partnerId === '') throw invalid(id, 'The partner UNB id (partnerId) is empty.');
  const version = Number(field('syntaxVersion', '3'));
  if (version !== 3 && version !== 4)
    throw invalid(id, `The syntax version (syntaxVersion) must be 3 or 4, not "${values.syntaxVersion}".`);
  const decimal = field('decimalMark', '.');
  if (decimal !== '.' && decimal !== ',')
    throw invalid(id, `The decimal mark (decimalMark) must be "." or ",".`);
  return {
    standard: 'edifact',
    ...basics(id, values, field('partnerName', partnerId)),
    envelope: {
      sender: { id: ourId, qualifier: field('ourQualifier', '') },
      receiver: { id: partnerId, qualifier: field('partnerQualifier', '') },
      syntax: { identifier: field('syntaxIdentifier', 'UNOC'), version },
      writeUna: true,
      test: field('test', 'no') === 'yes',
      delimiters: {
        ...defaultEdifactDelimiters,
        decimal,
        repetition: version === 4 ? '*' : null,
        lineBreak: lineBreakOf(id, values),
      },
    },
  };
}

function basics(id: string, values: Values, name: string): ProfileBasics {
  const number = (field: string, fallback: number, label: string) => {
    const raw = values[field]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1)
      throw invalid(id, `${label} (${field}) must be a whole number of at least 1, not "${raw}".`);
    return value;
  };
  const acks = values.acknowledgments?.trim() || 'yes';
  if (acks !== 'yes' && acks !== 'no')
    throw invalid(id, `Acknowledgments expected (acknowledgments) must be yes or no, not "${acks}".`);
  return {
    id,
    name,
    acknowledgments: acks === 'yes',
    ackDueHours: number('ackDueHours', 24, 'Acknowledgment due within'),
    firstControlNumber: number('firstControlNumber', 1, 'The first control number'),
  };
}

function separator(id: string, values: Values, name: string, fallback: string): string {
  const raw = values[name];
  const value = raw === undefined || raw === '' ? fallback : raw;
  if (value.length !== 1 || /[A-Za-z0-9 ]/.test(value)) {
    throw invalid(
      id,
      `The ${name} must be one character that is not a letter, digit or space, not ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

function lineBreakOf(id: string, values: Values): string {
  const value = values.lineBreak?.trim() || 'lf';
  if (value === 'none') return '';
  if (value === 'lf') return '\n';
  if (value === 'crlf') return '\r\n';
  throw invalid(id, `The line break (lineBreak) must be none, lf or crlf, not "${value}".`);
}

function invalid(id: string, sentence: string) {
  return userError({
    code: 'EDI_PROFILE_INVALID',
    message: `The trading-partner profile "${id}" is not usable: ${sentence}`,
  });
}
