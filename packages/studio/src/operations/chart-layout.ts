import type { Stats } from './types.js';

/** Statuses in stacking order (bottom first), each with the CSS class that colours it. */
export const CHART_STATUSES = ['succeeded', 'failed', 'cancelled', 'waiting', 'running', 'queued'] as const;

export interface BarSegment {
  status: string;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ChartLayout {
  bars: Array<{ start: string; x: number; width: number; total: number; segments: BarSegment[] }>;
  /** The count the top of the plot area stands for (a round number at or above the largest bar). */
  max: number;
  /** Statuses that occur at all, for the legend. */
  statuses: string[];
}

/**
 * Stacked bars, one per bucket, in a plot area of the given size (SVG user units, y down).
 * Statuses the chart does not know are stacked on top in the order they appear.
 *
 * @example
 * layoutChart(stats.buckets, { width: 720, height: 200 }).bars[0].segments; // [{ status: 'succeeded', … }]
 */
export function layoutChart(buckets: Stats['buckets'], size: { width: number; height: number }): ChartLayout {
  const known: string[] = [...CHART_STATUSES];
  const extra = [...new Set(buckets.flatMap((b) => Object.keys(b.counts)))].filter((s) => !known.includes(s));
  const order = [...known, ...extra];
  const totals = buckets.map((b) => order.reduce((sum, status) => sum + (b.counts[status] ?? 0), 0));
  const max = niceCeiling(Math.max(0, ...totals));
  const slot = buckets.length > 0 ? size.width / buckets.length : 0;
  const width = Math.max(1, slot * 0.8);
  const bars = buckets.map((bucket, index) => {
    const x = index * slot + (slot - width) / 2;
    let top = size.height;
    const segments: BarSegment[] = [];
    for (const status of order) {
      const count = bucket.counts[status] ?? 0;
      if (count <= 0) continue;
      const height = max > 0 ? (count / max) * size.height : 0;
      top -= height;
      segments.push({ status, count, x, y: top, width, height });
    }
    return { start: bucket.start, x, width, total: totals[index] ?? 0, segments };
  });
  const statuses = order.filter((status) => buckets.some((b) => (b.counts[status] ?? 0) > 0));
  return { bars, max, statuses };
}

/** 1, 2 or 5 times a power of ten, at or above n (at least 1). */
export function niceCeiling(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}

const HOUR = 3_600_000;

/**
 * Every hour from `since` to `now`, with the server's counts where it has a bucket: the server may
 * leave out hours without executions, and a chart with gaps closed up would misstate the time axis.
 *
 * @example
 * fillHours('2024-05-01T10:20:00Z', [{ start: '2024-05-01T11:00:00Z', counts: { failed: 1 } }], Date.parse('2024-05-01T12:05:00Z'));
 * // 10:00 (empty), 11:00 (1 failed), 12:00 (empty)
 */
export function fillHours(since: string, buckets: Stats['buckets'], now: number): Stats['buckets'] {
  const first = Math.floor(Date.parse(since) / HOUR) * HOUR;
  const last = Math.floor(now / HOUR) * HOUR;
  if (!Number.isFinite(first) || last < first || (last - first) / HOUR > 24 * 62) return buckets;
  const byHour = new Map<number, Stats['buckets'][number]['counts']>();
  for (const bucket of buckets) {
    const hour = Math.floor(Date.parse(bucket.start) / HOUR) * HOUR;
    const known = byHour.get(hour) ?? {};
    for (const [status, count] of Object.entries(bucket.counts))
      known[status] = (known[status] ?? 0) + (count ?? 0);
    byHour.set(hour, known);
  }
  const filled: Stats['buckets'] = [];
  for (let hour = first; hour <= last; hour += HOUR) {
    filled.push({ start: new Date(hour).toISOString(), counts: byHour.get(hour) ?? {} });
  }
  return filled;
}
