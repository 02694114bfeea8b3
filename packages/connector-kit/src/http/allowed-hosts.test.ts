import { describe, expect, it } from 'vitest';
import { effectivePort, isHostAllowed, parseAllowedHost } from './allowed-hosts.js';

describe('allowed hosts', () => {
  it.each([
    ['127.0.0.1', { host: '127.0.0.1' }],
    ['LocalHost:8069', { host: 'localhost', port: '8069' }],
    ['[::1]:3000', { host: '[::1]', port: '3000' }],
    ['::1', { host: '[::1]' }],
    ['https://api.example.com/v1', { host: 'api.example.com' }],
    ['http://sim.local:80', { host: 'sim.local', port: '80' }],
    ['127.1', { host: '127.0.0.1' }],
    ['odoo.internal.', { host: 'odoo.internal' }],
  ])('reads "%s"', (entry, expected) => {
    expect(parseAllowedHost(entry)).toEqual(expected);
  });

  it.each(['', 'host:port', '[::1', 'a b'])('ignores the unusable entry "%s"', (entry) => {
    expect(parseAllowedHost(entry)).toBeUndefined();
  });

  it('matches the host exactly, not its subdomains or parents', () => {
    const allowed = ['odoo.internal'];
    expect(isHostAllowed(new URL('http://odoo.internal:8069/'), allowed)).toBe(true);
    expect(isHostAllowed(new URL('http://ODOO.internal./'), allowed)).toBe(true);
    expect(isHostAllowed(new URL('http://evil.odoo.internal/'), allowed)).toBe(false);
    expect(isHostAllowed(new URL('http://internal/'), allowed)).toBe(false);
  });

  it('matches a port-specific entry only on that port, default ports included', () => {
    expect(isHostAllowed(new URL('http://sim.local/'), ['sim.local:80'])).toBe(true);
    expect(isHostAllowed(new URL('https://sim.local/'), ['sim.local:80'])).toBe(false);
    expect(isHostAllowed(new URL('http://sim.local:8080/'), ['sim.local:80'])).toBe(false);
  });

  it('compares IP addresses in their normal form', () => {
    expect(isHostAllowed(new URL('http://2130706433/'), ['127.0.0.1'])).toBe(true);
    expect(isHostAllowed(new URL('http://[0:0::1]/'), ['::1'])).toBe(true);
  });

  it('knows default ports', () => {
    expect(effectivePort(new URL('https://a.example/'))).toBe('443');
    expect(effectivePort(new URL('http://a.example/'))).toBe('80');
    expect(effectivePort(new URL('http://a.example:8080/'))).toBe('8080');
  });
});
