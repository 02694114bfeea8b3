import { describe, expect, it } from 'vitest';
import { errorSignature, normaliseErrorMessage } from './error-signature.js';

describe('normaliseErrorMessage', () => {
  it('groups messages that differ only in their numbers', () => {
    expect(normaliseErrorMessage('Order #1001 failed')).toBe('Order #<n> failed');
    expect(normaliseErrorMessage('Order #1002 failed')).toBe(normaliseErrorMessage('Order #1001 failed'));
    expect(normaliseErrorMessage('Total 12.50 exceeds 1,000.00')).toBe('Total <n> exceeds <n>');
  });

  it('replaces quoted values but leaves apostrophes in words alone', () => {
    expect(normaliseErrorMessage('SKU "AB-12" is unknown')).toBe('SKU <s> is unknown');
    expect(normaliseErrorMessage("Partner 'Acme Corp' was not found")).toBe('Partner <s> was not found');
    expect(normaliseErrorMessage('Field `email` is required')).toBe('Field <s> is required');
    expect(normaliseErrorMessage("The customer's address can't be used")).toBe(
      "The customer's address can't be used",
    );
  });

  it('replaces request ids and UUIDs as a whole rather than digit by digit', () => {
    expect(normaliseErrorMessage('Request 3f2a9c0b-1d2e-4f5a-8b9c-0d1e2f3a4b5c timed out')).toBe(
      'Request <id> timed out',
    );
    expect(normaliseErrorMessage('Trace 9f8e7d6c5b4a3f2e rejected')).toBe(
      normaliseErrorMessage('Trace 0a1b2c3d4e5f6a7b rejected'),
    );
  });

  it('collapses whitespace and bounds the length', () => {
    expect(normaliseErrorMessage('  too \n many   spaces ')).toBe('too many spaces');
    expect(normaliseErrorMessage('x'.repeat(1000))).toHaveLength(300);
  });
});

describe('errorSignature', () => {
  it('joins flow, node, code and normalised message, with an empty node when there is none', () => {
    expect(errorSignature('orders', 'push', 'ODOO_REJECTED', 'Order #1001 failed')).toBe(
      'orders|push|ODOO_REJECTED|Order #<n> failed',
    );
    expect(errorSignature('orders', undefined, 'WORKER_LOST', 'Lost')).toBe('orders||WORKER_LOST|Lost');
  });
});
