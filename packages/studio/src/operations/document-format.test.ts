import { describe, expect, it } from 'vitest';
import {
  ackView,
  controlLabel,
  countLabel,
  directionLabel,
  documentsByNode,
  formatBytes,
  inRunOrder,
} from './document-format.js';
import { formatTime } from './format.js';

const NOW = Date.parse('2024-05-01T12:00:00.000Z');
const outbound = { direction: 'outbound' as const, ackDueAt: null, acknowledgedAt: null };

describe('document format', () => {
  it('calls inbound documents received and outbound ones sent', () => {
    expect(directionLabel('inbound')).toBe('Received');
    expect(directionLabel('outbound')).toBe('Sent');
  });

  it('writes sizes in bytes, then kilobytes and megabytes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(200 * 1024)).toBe('200 KB');
    expect(formatBytes(3.4 * 1024 * 1024)).toBe('3.4 MB');
    expect(formatBytes(Number.NaN)).toBe('—');
  });

  it('names the interchange control number and the group numbers that differ from it', () => {
    expect(controlLabel({ interchangeControl: '000003438', groupControls: ['1421'] })).toBe(
      '000003438 · group 1421',
    );
    expect(controlLabel({ interchangeControl: '500', groupControls: ['500'] })).toBe('500');
    expect(controlLabel({ interchangeControl: '7', groupControls: ['1', '2'] })).toBe('7 · groups 1, 2');
    expect(controlLabel({ interchangeControl: null, groupControls: [] })).toBe('—');
  });

  it('shows a pending acknowledgment with its due time, and as overdue once that time has passed', () => {
    const due = '2024-05-02T12:00:00.000Z';
    expect(ackView({ ...outbound, ackStatus: 'pending', ackDueAt: due }, NOW)).toEqual({
      label: 'Pending',
      tone: 'pending',
      detail: `due ${formatTime(due)}`,
    });
    const past = '2024-05-01T11:59:00.000Z';
    expect(ackView({ ...outbound, ackStatus: 'pending', ackDueAt: past }, NOW)).toEqual({
      label: 'Overdue',
      tone: 'overdue',
      detail: `was due ${formatTime(past)}`,
    });
    expect(ackView({ ...outbound, ackStatus: 'pending' }, NOW)).toMatchObject({
      tone: 'pending',
      detail: '',
    });
  });

  it('words settled acknowledgments with the moment they arrived', () => {
    const at = '2024-05-01T09:00:00.000Z';
    expect(ackView({ ...outbound, ackStatus: 'accepted', acknowledgedAt: at }, NOW)).toEqual({
      label: 'Accepted',
      tone: 'good',
      detail: `on ${formatTime(at)}`,
    });
    expect(ackView({ ...outbound, ackStatus: 'accepted-with-errors' }, NOW).label).toBe(
      'Accepted with errors',
    );
    expect(ackView({ ...outbound, ackStatus: 'partially-accepted' }, NOW).tone).toBe('mixed');
    expect(ackView({ ...outbound, ackStatus: 'rejected' }, NOW).tone).toBe('bad');
  });

  it('expects no acknowledgment of what was received, and says so of a sent document that needs none', () => {
    expect(ackView({ ...outbound, direction: 'inbound', ackStatus: null }, NOW).label).toBe('—');
    expect(ackView({ ...outbound, ackStatus: null }, NOW).label).toBe('Not expected');
  });

  it('counts documents per node in listed order', () => {
    const byNode = documentsByNode([
      { id: 'a', nodeId: 'parse' },
      { id: 'b', nodeId: 'ack' },
      { id: 'c', nodeId: 'parse' },
    ]);
    expect(byNode.get('parse')?.map((d) => d.id)).toEqual(['a', 'c']);
    expect(countLabel(byNode.get('ack')?.length ?? 0)).toBe('1 document');
    expect(countLabel(2)).toBe('2 documents');
  });

  it('puts an execution’s documents in the order they were stored, oldest first', () => {
    const listed = [
      { id: 'sent-2', createdAt: '2024-05-01T10:00:01.000Z' },
      { id: 'sent-1', createdAt: '2024-05-01T10:00:00.500Z' },
      { id: 'received', createdAt: '2024-05-01T10:00:00.500Z' },
    ];
    expect(inRunOrder(listed).map((d) => d.id)).toEqual(['received', 'sent-1', 'sent-2']);
  });
});
