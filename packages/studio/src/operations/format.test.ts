import { describe, expect, it } from 'vitest';
import {
  compactJson,
  executionDuration,
  formatDuration,
  isoToLocalInput,
  localInputToIso,
  shortHash,
} from './format.js';

describe('format', () => {
  it('formats durations by size', () => {
    expect(formatDuration(12)).toBe('12 ms');
    expect(formatDuration(1530)).toBe('1.5 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(null)).toBe('—');
  });

  it('takes the recorded duration, else start to finish', () => {
    expect(executionDuration({ durationMs: 5, startedAt: null, finishedAt: null })).toBe(5);
    expect(
      executionDuration({ startedAt: '2024-01-01T00:00:00.000Z', finishedAt: '2024-01-01T00:00:02.000Z' }),
    ).toBe(2000);
    expect(executionDuration({ startedAt: '2024-01-01T00:00:00.000Z', finishedAt: null })).toBeNull();
  });

  it('round-trips datetime-local values through ISO', () => {
    const iso = localInputToIso('2024-05-01T10:30');
    expect(isoToLocalInput(iso)).toBe('2024-05-01T10:30');
    expect(localInputToIso('')).toBe('');
    expect(isoToLocalInput('nonsense')).toBe('');
  });

  it('keeps table JSON short', () => {
    expect(compactJson({ a: 1 })).toBe('{"a":1}');
    expect(compactJson('x'.repeat(500), 10)).toHaveLength(10);
    expect(compactJson(null)).toBe('');
    expect(shortHash('a'.repeat(64))).toBe('a'.repeat(12));
  });
});
