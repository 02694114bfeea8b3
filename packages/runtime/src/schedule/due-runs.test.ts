import { describe, expect, it } from 'vitest';
import { dueRuns, MAX_CATCH_UP } from './due-runs.js';

const at = (iso: string) => new Date(iso);
const hourly = (policy: 'skip' | 'runOnce' | 'runAll') => ({ cron: '0 * * * *', timezone: 'UTC', policy });

describe('dueRuns', () => {
  it('fires nothing before the next scheduled time', () => {
    expect(dueRuns(hourly('runOnce'), at('2026-01-01T00:00:00Z'), at('2026-01-01T00:59:59Z'))).toEqual({
      fire: [],
      missed: 0,
      cursor: at('2026-01-01T00:00:00Z'),
    });
  });

  it('fires the run that has just come due', () => {
    const plan = dueRuns(hourly('skip'), at('2026-01-01T00:00:00Z'), at('2026-01-01T01:00:02Z'));
    expect(plan).toEqual({
      fire: [at('2026-01-01T01:00:00Z')],
      missed: 0,
      cursor: at('2026-01-01T01:00:00Z'),
    });
  });

  it('after downtime, skips missed runs, folds them into one, or runs each, as the policy says', () => {
    const since = at('2026-01-01T00:00:00Z');
    const now = at('2026-01-01T03:20:00Z');
    expect(dueRuns(hourly('skip'), since, now)).toEqual({
      fire: [],
      missed: 3,
      cursor: at('2026-01-01T03:00:00Z'),
    });
    expect(dueRuns(hourly('runOnce'), since, now)).toEqual({
      fire: [at('2026-01-01T03:00:00Z')],
      missed: 2,
      cursor: at('2026-01-01T03:00:00Z'),
    });
    expect(dueRuns(hourly('runAll'), since, now).fire).toEqual([
      at('2026-01-01T01:00:00Z'),
      at('2026-01-01T02:00:00Z'),
      at('2026-01-01T03:00:00Z'),
    ]);
  });

  it('caps catch-up runs and counts the rest as missed', () => {
    const plan = dueRuns(
      { cron: '* * * * *', timezone: 'UTC', policy: 'runAll' },
      at('2026-01-01T00:00:00Z'),
      at('2026-01-01T05:00:00Z'),
    );
    expect(plan.fire).toHaveLength(MAX_CATCH_UP);
    expect(plan.missed).toBe(300 - MAX_CATCH_UP);
    expect(plan.fire.at(-1)).toEqual(at('2026-01-01T05:00:00Z'));
  });

  it('reads the cron in the schedule’s time zone, across a daylight-saving change', () => {
    const daily6 = { cron: '0 6 * * *', timezone: 'Europe/Berlin', policy: 'runAll' as const };
    // Berlin moves to summer time on 29 March 2026: 06:00 is 05:00Z before and 04:00Z after.
    const plan = dueRuns(daily6, at('2026-03-28T00:00:00Z'), at('2026-03-30T12:00:00Z'));
    expect(plan.fire).toEqual([
      at('2026-03-28T05:00:00Z'),
      at('2026-03-29T04:00:00Z'),
      at('2026-03-30T04:00:00Z'),
    ]);
  });
});
