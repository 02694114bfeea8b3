import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { parseConfig } from './bootstrap/config.js';
import { createTestRuntime, type TestRuntime } from './testing/test-runtime.js';

describe('request hardening', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime('sqlite');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends security headers with a content security policy that allows no inline script', async () => {
    const res = await t.app.request('/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('keeps CORS closed by default: another site gets no permission to read the API', async () => {
    const preflight = await t.app.request('/api/flows', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const read = await t.app.request('/api/flows', { headers: { origin: 'https://evil.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets only the configured origins read the API cross-site', async () => {
    const { app } = createApp({ ...t.deps, corsOrigins: ['https://studio.example.com'] });
    const allowed = await app.request('/api/flows', { headers: { origin: 'https://studio.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://studio.example.com');
    const other = await app.request('/api/flows', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('reads the allowed origins from WAYBILL_CORS_ORIGINS and refuses anything but bare origins', () => {
    expect(
      parseConfig({ WAYBILL_CORS_ORIGINS: 'https://studio.example.com, http://localhost:5173' }).corsOrigins,
    ).toEqual(['https://studio.example.com', 'http://localhost:5173']);
    expect(parseConfig({}).corsOrigins).toEqual([]);
    expect(() => parseConfig({ WAYBILL_CORS_ORIGINS: 'https://studio.example.com/app' })).toThrow(
      /give only scheme, host and port/,
    );
    expect(() => parseConfig({ WAYBILL_CORS_ORIGINS: 'not a url' })).toThrow(/not an origin/);
  });
});
