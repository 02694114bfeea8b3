import { type DocumentLog, type SequenceCounter, userError } from '@waybill/connector-kit';
import { buildEdifactInterchange, type EdifactMessageToWrite } from '../../document/build-edifact.js';
import { buildX12Interchange } from '../../document/build-x12.js';
import type { PartnerProfile } from '../../partners/partner-profile.js';
import type { EdiSegment } from '../../segment.js';

/** What the nodes that write EDI give back. */
export interface OutboundInterchange {
  standard: 'x12' | 'edifact';
  partner: string;
  fileName: string;
  /** The interchange text; its latin1 encoding is the bytes stored and sent. */
  content: string;
  encoding: 'latin1';
  size: number;
  interchangeControl: string;
  groupControl?: string;
  setControls: string[];
  /** The stored copy, for download from the execution. */
  documentId: string;
  /** When the partner's acknowledgment is due; absent when none is expected. */
  ackDueAt?: string;
}

const MAX_X12_CONTROL = 999_999_999;

/** One set or message to write. */
export type OutboundSet =
  | { standard: 'x12'; id: string; functionalId: string; body: EdiSegment[] }
  | { standard: 'edifact'; message: Omit<EdifactMessageToWrite, 'reference'> };

/**
 * Numbers, writes and stores one outbound interchange: the next control number of the partner's
 * counter (the same number again when the step is retried), the envelope from the profile, and
 * the exact bytes kept with the execution, marked as awaiting acknowledgment when the profile
 * expects one and `expectAck` allows.
 *
 * @example
 * const sent = await writeOutbound(ctx, profile, [{ standard: 'x12', id: '855', functionalId: 'PR', body }], { expectAck: true, now: new Date() });
 */
export async function writeOutbound(
  ctx: { sequences: SequenceCounter; documents: DocumentLog; nodeId: string },
  profile: PartnerProfile,
  sets: OutboundSet[],
  options: { expectAck: boolean; now: Date },
): Promise<OutboundInterchange> {
  const counted = await ctx.sequences.next(`edi:${profile.id}:interchange`, {
    start: profile.firstControlNumber,
  });
  // ISA13 holds nine digits; after 999,999,999 the count starts again at 1, as translators do.
  const number = ((counted - 1) % MAX_X12_CONTROL) + 1;
  const setControls = sets.map((_, index) => String(index + 1).padStart(4, '0'));
  let content: string;
  let interchangeControl: string;
  let groupControl: string | undefined;
  if (profile.standard === 'x12') {
    const x12Sets = sets.flatMap((s, index) =>
      s.standard === 'x12'
        ? [{ id: s.id, control: setControls[index] ?? '0001', body: s.body, functionalId: s.functionalId }]
        : [],
    );
    const functionalIds = new Set(x12Sets.map((s) => s.functionalId));
    if (x12Sets.length !== sets.length || functionalIds.size !== 1) {
      throw userError({
        code: 'EDI_MIXED_SETS',
        message: `Node "${ctx.nodeId}" can only write X12 sets of one functional group into one interchange.`,
      });
    }
    interchangeControl = String(number).padStart(9, '0');
    groupControl = String(number);
    content = buildX12Interchange({
      envelope: profile.envelope,
      control: number,
      at: options.now,
      groups: [{ functionalId: [...functionalIds][0] ?? '', control: number, sets: x12Sets }],
    });
  } else {
    const messages = sets.flatMap((s, index) =>
      s.standard === 'edifact' ? [{ ...s.message, reference: String(index + 1) }] : [],
    );
    if (messages.length !== sets.length) {
      throw userError({
        code: 'EDI_MIXED_SETS',
        message: `Node "${ctx.nodeId}" cannot write X12 sets into an EDIFACT interchange.`,
      });
    }
    interchangeControl = String(number);
    content = buildEdifactInterchange({
      envelope: profile.envelope,
      control: interchangeControl,
      at: options.now,
      messages,
    });
  }
  const bytes = Buffer.from(content, 'latin1');
  const ackDueAt =
    options.expectAck && profile.acknowledgments
      ? new Date(options.now.getTime() + profile.ackDueHours * 3_600_000).toISOString()
      : undefined;
  const fileName = `${profile.id}-${interchangeControl}.${profile.standard === 'x12' ? 'x12' : 'edi'}`;
  const { id } = await ctx.documents.record({
    direction: 'outbound',
    fileName,
    contentType: profile.standard === 'x12' ? 'application/edi-x12' : 'application/edifact',
    content: bytes,
    partner: profile.id,
    standard: profile.standard,
    interchangeControl,
    ...(groupControl ? { groupControls: [groupControl] } : {}),
    ...(ackDueAt ? { ackDueAt } : {}),
  });
  return {
    standard: profile.standard,
    partner: profile.id,
    fileName,
    content,
    encoding: 'latin1',
    size: bytes.byteLength,
    interchangeControl,
    ...(groupControl ? { groupControl } : {}),
    setControls,
    documentId: id,
    ...(ackDueAt ? { ackDueAt } : {}),
  };
}
