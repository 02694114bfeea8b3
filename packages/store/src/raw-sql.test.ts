import { describe, expect, it } from 'vitest';
import { inDialect, placeholders, statementsBy } from './raw-sql.js';

describe('precompiled SQL', () => {
  it('keeps ? placeholders on SQLite and numbers them $1… on PostgreSQL', () => {
    const text = 'update jobs set lease_until = ? where id in (?, ?)';
    expect(inDialect('sqlite', text)).toBe(text);
    expect(inDialect('postgres', text)).toBe('update jobs set lease_until = $1 where id in ($2, $3)');
  });

  it('builds a placeholder list of the length asked for', () => {
    expect(placeholders(1)).toBe('?');
    expect(placeholders(3)).toBe('?, ?, ?');
  });

  it('builds each statement text once per key and numbers it for the dialect', () => {
    let builds = 0;
    const complete = statementsBy('postgres', (count: number) => {
      builds += 1;
      return `delete from jobs where id in (${placeholders(count)})`;
    });
    expect(complete(2)).toBe('delete from jobs where id in ($1, $2)');
    expect(complete(2)).toBe('delete from jobs where id in ($1, $2)');
    expect(complete(1)).toBe('delete from jobs where id in ($1)');
    expect(builds).toBe(2);
  });
});
