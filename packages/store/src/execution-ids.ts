import { randomBytes } from 'node:crypto';

const RANDOM_MAX = (1n << 64n) - 1n;

/**
 * Makes execution ids: `ex_` + 12 hex digits of the millisecond timestamp + 16 random hex digits.
 * They sort by creation time as text, and within one process strictly increase even inside one
 * millisecond (the random part counts up, as in monotonic ULIDs), so ids make a stable
 * tie-breaker for "newest first" lists.
 *
 * @example
 * const nextId = createExecutionIdGenerator();
 * nextId(Date.now()); // 'ex_0191a2b3c4d5e6f708192a3b4c5d'
 */
export function createExecutionIdGenerator(): (nowMs: number) => string {
  let lastMs = -1;
  let lastRandom = 0n;
  return (nowMs: number): string => {
    let ms = Math.max(Math.floor(nowMs), 0);
    let random: bigint;
    if (ms <= lastMs) {
      // Same millisecond, or the clock stepped back: keep the last time and count up.
      ms = lastMs;
      random = lastRandom + 1n;
      if (random > RANDOM_MAX) {
        ms += 1;
        random = freshRandom();
      }
    } else {
      random = freshRandom();
    }
    lastMs = ms;
    lastRandom = random;
    return `ex_${ms.toString(16).padStart(12, '0')}${random.toString(16).padStart(16, '0')}`;
  };
}

/** Room left to count up within a millisecond: the top bit starts clear. */
function freshRandom(): bigint {
  return randomBytes(8).readBigUInt64BE() >> 1n;
}

/**
 * The millisecond timestamp an execution id was made at, or undefined for a malformed id.
 *
 * @example
 * executionIdTime('ex_0191a2b3c4d5e6f708192a3b4c5d'); // 1724...
 */
export function executionIdTime(id: string): number | undefined {
  const match = /^ex_([0-9a-f]{12})[0-9a-f]{16}$/.exec(id);
  return match?.[1] ? Number.parseInt(match[1], 16) : undefined;
}
