import { edifactEscape } from '../edifact/release.js';
import type { EdifactDelimiters } from '../edifact/types.js';
import type { EdiSegment } from '../segment.js';
import type { EnvelopeReport } from '../validate/report.js';

/**
 * The body of an EDIFACT CONTRL (syntax and service report) for a received interchange: UCI for
 * the interchange (action 7 acknowledged, 4 rejected) and a UCM per message with its own action,
 * so the partner learns which messages to send again. Segment and element detail (UCS/UCD) is
 * left out: partners act on the message actions, and the sentences stay in Waybill's history.
 *
 * @example
 * buildContrl(parsed, delimiters).body[0]; // { tag: 'UCI', elements: ['807', '12345678:8', 'WBDZDD:ZZ', '7'] }
 */
export function buildContrl(
  received: {
    control: string;
    sender: { id: string; qualifier: string };
    receiver: { id: string; qualifier: string };
    report: EnvelopeReport;
    /** The messages as read, for their full identifiers (type, version, release, association). */
    sets?: readonly { control: string; set: string; version: string; functionalId: string }[];
  },
  delimiters: EdifactDelimiters,
): { body: EdiSegment[]; status: 'accepted' | 'rejected' | 'partially-accepted' } {
  const c = (...parts: string[]) =>
    parts
      .filter((part, index) => part !== '' || index === 0)
      .map((part) => edifactEscape(part, delimiters))
      .join(delimiters.component);
  const interchange = received.report.interchanges[0];
  const messages = interchange?.groups.flatMap((g) => g.sets) ?? [];
  const envelopeBroken = (interchange?.problems.length ?? 1) > 0;
  const rejected = messages.filter((m) => m.problems.length > 0).length;
  const action = envelopeBroken || (messages.length > 0 && rejected === messages.length) ? '4' : '7';
  const body: EdiSegment[] = [
    {
      tag: 'UCI',
      elements: [
        c(received.control),
        c(received.sender.id, received.sender.qualifier),
        c(received.receiver.id, received.receiver.qualifier),
        action,
      ],
    },
  ];
  for (const message of messages) {
    const read = received.sets?.find((set) => set.control === message.control && set.set === message.id);
    // S009 as received: type, version and release, agency (always UN for the directories we read), association.
    const identifier = read
      ? c(read.set, ...read.version.split(':'), 'UN', read.functionalId)
      : c(message.id);
    body.push({
      tag: 'UCM',
      elements: [c(message.control), identifier, message.problems.length > 0 ? '4' : '7'],
    });
  }
  const status = action === '4' ? 'rejected' : rejected > 0 ? 'partially-accepted' : 'accepted';
  return { body, status };
}
