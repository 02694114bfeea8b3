import { describe, expect, it } from 'vitest';
import { documentQuery, EMPTY_DOCUMENT_FILTERS, parseDocumentFilters } from './document-filters.js';

describe('document filters', () => {
  it('reads partner, direction, acknowledgment and control number from the URL and writes them back', () => {
    const filters = parseDocumentFilters(
      '?partner=xyz-retail&direction=outbound&ack=overdue&control=%20500%20',
    );
    expect(filters).toEqual({ partner: 'xyz-retail', direction: 'outbound', ack: 'overdue', control: '500' });
    expect(documentQuery(filters)).toEqual({
      partner: 'xyz-retail',
      direction: 'outbound',
      ack: 'overdue',
      control: '500',
    });
  });

  it('drops a direction or acknowledgment the server would refuse, so an old link still lists documents', () => {
    expect(parseDocumentFilters('direction=sideways&ack=late')).toEqual(EMPTY_DOCUMENT_FILTERS);
  });

  it('sends no filter that is not set', () => {
    expect(documentQuery(EMPTY_DOCUMENT_FILTERS)).toEqual({});
    expect(documentQuery({ ...EMPTY_DOCUMENT_FILTERS, control: '  ' })).toEqual({});
  });
});
