import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './retry-delay.js';

describe('retryDelayMs', () => {
  it('doubles per attempt, from half to all of the exponential value', () => {
    const options = { baseMs: 1000, maxMs: 60_000 };
    expect(retryDelayMs(1, { ...options, random: () => 0 })).toBe(500);
    expect(retryDelayMs(1, { ...options, random: () => 1 })).toBe(1000);
    expect(retryDelayMs(3, { ...options, random: () => 1 })).toBe(4000);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(retryDelayMs(500, { baseMs: 1000, maxMs: 60_000, random: () => 1 })).toBe(60_000);
  });

  it('treats an attempt count of zero like the first attempt', () => {
    expect(retryDelayMs(0, { baseMs: 1000, maxMs: 60_000, random: () => 1 })).toBe(1000);
  });
});
