import { Cron } from 'croner';

export type MissedRunPolicy = 'skip' | 'runOnce' | 'runAll';

/** A run this late is still on time; anything later was missed (the scheduler was down). */
export const ON_TIME_MS = 60_000;
/** runAll never starts more than this many catch-up runs at once. */
export const MAX_CATCH_UP = 100;

export interface DueRuns {
  /** Scheduled times to start a run for, oldest first. */
  fire: Date[];
  /** How many due times were passed over (skipped or folded into one run). */
  missed: number;
  /** The newest due time considered: the schedule's cursor from now on. */
  cursor: Date;
}

/**
 * Which runs of a cron schedule are due between the last one considered (`since`, exclusive) and
 * `now`, and what to do about runs missed while nothing was running the schedule.
 *
 * @example
 * dueRuns({ cron: '0 * * * *', timezone: 'UTC', policy: 'runOnce' }, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T03:00:30Z'));
 * // { fire: [2026-01-01T03:00:00Z], missed: 2, cursor: 2026-01-01T03:00:00Z }
 */
export function dueRuns(
  schedule: { cron: string; timezone: string; policy: MissedRunPolicy },
  since: Date,
  now: Date,
): DueRuns {
  const cron = new Cron(schedule.cron, { timezone: schedule.timezone, paused: true });
  const due: Date[] = [];
  let next = cron.nextRun(since);
  // Keep one more than the cap so runAll knows it was capped; older ones only count as missed.
  let total = 0;
  while (next && next.getTime() <= now.getTime()) {
    total += 1;
    due.push(next);
    if (due.length > MAX_CATCH_UP + 1) due.shift();
    next = cron.nextRun(next);
  }
  const latest = due.at(-1);
  if (!latest) return { fire: [], missed: 0, cursor: since };
  const onTime = now.getTime() - latest.getTime() <= ON_TIME_MS;
  switch (schedule.policy) {
    case 'skip':
      return { fire: onTime ? [latest] : [], missed: onTime ? total - 1 : total, cursor: latest };
    case 'runOnce':
      return { fire: [latest], missed: total - 1, cursor: latest };
    case 'runAll': {
      const fire = due.slice(-MAX_CATCH_UP);
      return { fire, missed: total - fire.length, cursor: latest };
    }
  }
}
