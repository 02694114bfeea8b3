import { describe, expect, it } from 'vitest';
import { query } from '../api/client.js';
import { EMPTY_FILTERS, executionQuery, hasFilters, parseExecutionFilters } from './execution-filters.js';

describe('execution filters', () => {
  it('reads the URL query string', () => {
    const filters = parseExecutionFilters(
      '?flowId=orders&status=failed&status=bogus&status=queued&businessKey=PO-1*&q=%20acme%20',
    );
    expect(filters.flowId).toBe('orders');
    expect(filters.status).toEqual(['queued', 'failed']);
    expect(filters.businessKey).toBe('PO-1*');
    expect(filters.q).toBe('acme');
    expect(filters.revision).toBe('');
  });

  it('accepts comma-separated statuses and no question mark', () => {
    expect(parseExecutionFilters('status=failed,running').status).toEqual(['running', 'failed']);
  });

  it('drops empty values from the API query and round-trips through the URL', () => {
    const filters = {
      ...EMPTY_FILTERS,
      flowId: 'orders',
      status: ['failed' as const],
      from: '2024-05-01T00:00:00.000Z',
    };
    const values = executionQuery(filters);
    expect(values).toEqual({ flowId: 'orders', status: ['failed'], from: '2024-05-01T00:00:00.000Z' });
    expect(parseExecutionFilters(query(values))).toEqual(filters);
  });

  it('knows when nothing is filtered', () => {
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasFilters({ ...EMPTY_FILTERS, q: 'x' })).toBe(true);
  });
});
