import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { hashSecret, looksLike, newSecret } from './secret-tokens.js';

describe('password hashes', () => {
  it('verifies the right password and refuses a wrong one, with a fresh salt every time', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$15\$8\$1\$/);
    expect(stored).not.toContain('horse');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
    expect(await hashPassword('correct horse battery staple')).not.toBe(stored);
  });

  it('treats the same text in another Unicode form as the same password', async () => {
    const stored = await hashPassword('Ame\u0301lie-passw0rd!');
    expect(await verifyPassword('Am\u00e9lie-passw0rd!', stored)).toBe(true);
  });

  it('matches nothing against a missing, malformed or over-costly hash instead of throwing', async () => {
    expect(await verifyPassword('x', null)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$30$8$1$AAAA$AAAA')).toBe(false);
  });

  it('states the minimum a new password must meet', () => {
    expect(passwordProblem('short')).toBe('A password needs at least 12 characters.');
    expect(passwordProblem('long enough password')).toBeUndefined();
  });
});

describe('bearer secrets', () => {
  it('makes recognisable random secrets whose hash is what gets stored', () => {
    const a = newSecret('api-token');
    const b = newSecret('api-token');
    expect(a.secret).toMatch(/^wbt_[A-Za-z0-9_-]{43}$/);
    expect(a.secret).not.toBe(b.secret);
    expect(a.hash).toBe(hashSecret(a.secret));
    expect(a.hash).not.toContain(a.secret.slice(4));
    expect(looksLike('api-token', a.secret)).toBe(true);
    expect(looksLike('session', a.secret)).toBe(false);
    expect(looksLike('api-token', 'wbt_short')).toBe(false);
  });
});
