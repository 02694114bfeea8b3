import { describe, expect, it } from 'vitest';
import { fillHours, layoutChart, niceCeiling } from './chart-layout.js';

describe('layoutChart', () => {
  it('stacks statuses bottom up in a fixed order', () => {
    const layout = layoutChart(
      [
        { start: '2024-05-01T10:00:00.000Z', counts: { failed: 2, succeeded: 8 } },
        { start: '2024-05-01T11:00:00.000Z', counts: {} },
      ],
      { width: 200, height: 100 },
    );
    expect(layout.max).toBe(10);
    expect(layout.statuses).toEqual(['succeeded', 'failed']);
    const [first, second] = layout.bars;
    expect(first?.total).toBe(10);
    expect(first?.segments.map((s) => [s.status, s.y, s.height])).toEqual([
      ['succeeded', 20, 80],
      ['failed', 0, 20],
    ]);
    expect(first?.x).toBe(10);
    expect(first?.segments[0]?.width).toBe(80);
    expect(second?.segments).toEqual([]);
  });

  it('keeps statuses it does not know', () => {
    const layout = layoutChart([{ start: 's', counts: { lost: 1 } }], { width: 10, height: 10 });
    expect(layout.statuses).toEqual(['lost']);
  });

  it('rounds the scale up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 11, 240].map(niceCeiling)).toEqual([1, 1, 5, 10, 20, 500]);
  });
});

describe('fillHours', () => {
  it('adds the hours the server left out', () => {
    const filled = fillHours(
      '2024-05-01T10:20:00.000Z',
      [{ start: '2024-05-01T11:00:00.000Z', counts: { failed: 1 } }],
      Date.parse('2024-05-01T12:05:00.000Z'),
    );
    expect(filled).toEqual([
      { start: '2024-05-01T10:00:00.000Z', counts: {} },
      { start: '2024-05-01T11:00:00.000Z', counts: { failed: 1 } },
      { start: '2024-05-01T12:00:00.000Z', counts: {} },
    ]);
  });

  it('keeps the buckets as they are when since is not a date', () => {
    const buckets = [{ start: 'x', counts: {} }];
    expect(fillHours('nonsense', buckets, 0)).toBe(buckets);
  });
});
