import { describe, expect, it } from 'vitest';
import { query } from '../api/client.js';
import { auditQuery, EMPTY_AUDIT_FILTERS, parseAuditFilters } from './audit-filters.js';

describe('audit filters', () => {
  it('round-trips through the URL and drops empty values', () => {
    const filters = { ...EMPTY_AUDIT_FILTERS, actor: 'ana@acme.test', action: 'flow.deploy' };
    expect(auditQuery(filters)).toEqual({ actor: 'ana@acme.test', action: 'flow.deploy' });
    expect(query(auditQuery(filters))).toBe('?actor=ana%40acme.test&action=flow.deploy');
    expect(parseAuditFilters(query(auditQuery(filters)))).toEqual(filters);
  });

  it('ignores unknown parameters', () => {
    expect(parseAuditFilters('cursor=abc&targetId=%20x%20')).toEqual({
      ...EMPTY_AUDIT_FILTERS,
      targetId: 'x',
    });
  });
});
