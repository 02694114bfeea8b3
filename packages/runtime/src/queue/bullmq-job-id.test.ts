import { describe, expect, it } from 'vitest';
import { toBullmqJobId } from './bullmq-job-id.js';

describe('toBullmqJobId', () => {
  it('keeps ordinary job ids as they are', () => {
    expect(toBullmqJobId('01HV7-exec-12')).toBe('01HV7-exec-12');
    expect(toBullmqJobId('007')).toBe('007');
  });

  it('turns ids BullMQ refuses into ids it accepts', () => {
    for (const id of ['42', '-3', 'a:b', 'a:b:c:d', '', '1:2']) {
      const mapped = toBullmqJobId(id);
      expect(mapped).not.toContain(':');
      expect(`${Number.parseInt(mapped, 10)}`).not.toBe(mapped);
      expect(mapped).not.toBe('');
    }
  });

  it('never maps two different job ids to the same BullMQ id', () => {
    const ids = ['42', '%42', '%2542', 'a:b', 'a%3Ab', 'a%253Ab', '', '%', '%25', '1', '%1'];
    const mapped = new Set(ids.map(toBullmqJobId));
    expect(mapped.size).toBe(ids.length);
  });
});
