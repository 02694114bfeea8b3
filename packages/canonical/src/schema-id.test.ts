import { describe, expect, it } from 'vitest';
import { canonicalSchemaId } from './schema-id.js';

describe('canonicalSchemaId', () => {
  it('names version 1 when no version is given', () => {
    expect(canonicalSchemaId('order')).toBe('https://waybill.dev/schemas/canonical/order/v1.json');
  });

  it('names the version it is given', () => {
    expect(canonicalSchemaId('return', 2)).toBe('https://waybill.dev/schemas/canonical/return/v2.json');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses the version %s', (version) => {
    expect(() => canonicalSchemaId('order', version)).toThrow(RangeError);
  });
});
