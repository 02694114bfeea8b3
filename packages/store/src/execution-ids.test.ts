import { describe, expect, it } from 'vitest';
import { createExecutionIdGenerator, executionIdTime } from './execution-ids.js';

describe('createExecutionIdGenerator', () => {
  it('makes ex_-prefixed ids that carry their millisecond timestamp', () => {
    const id = createExecutionIdGenerator()(1_700_000_000_123);
    expect(id).toMatch(/^ex_[0-9a-f]{28}$/);
    expect(executionIdTime(id)).toBe(1_700_000_000_123);
  });

  it('makes strictly increasing ids within one millisecond and when the clock steps back', () => {
    const next = createExecutionIdGenerator();
    const ids = [next(1000), next(1000), next(1000), next(999), next(1001)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts ids from different milliseconds by time', () => {
    const a = createExecutionIdGenerator()(5_000);
    const b = createExecutionIdGenerator()(4_999);
    expect(b < a).toBe(true);
  });

  it('reads no time from an id it did not make', () => {
    expect(executionIdTime('run_123')).toBeUndefined();
  });
});
