import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRuntime, type TestRuntime } from './testing/test-runtime.js';

describe('credential settings', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime('sqlite');
  });
  afterAll(() => t?.close());

  it('shows the fields a credential type marks as not secret, and never a secret one', async () => {
    const created = await t.call('POST', '/api/credentials', {
      id: 'odoo-settings',
      type: 'odoo-jsonrpc',
      name: 'Odoo',
      values: { url: 'https://erp.example.com', database: 'prod', login: 'bot', password: 'p4ssw0rd-secret' },
    });
    expect(created.status).toBe(201);
    expect(created.body.settings).toEqual({ url: 'https://erp.example.com', database: 'prod', login: 'bot' });
    const read = await t.call('GET', '/api/credentials/odoo-settings');
    expect(read.body.settings).toEqual({ url: 'https://erp.example.com', database: 'prod', login: 'bot' });
    const changed = await t.call('PATCH', '/api/credentials/odoo-settings', { values: { login: 'robot' } });
    expect(changed.body.settings).toMatchObject({ login: 'robot' });
    const list = await t.call('GET', '/api/credentials');
    expect(JSON.stringify([created.body, read.body, changed.body, list.body])).not.toContain(
      'p4ssw0rd-secret',
    );
  });

  it('shows every field of a trading-partner profile, and nothing of a type this build does not know', async () => {
    await t.call('POST', '/api/credentials', {
      id: 'xyz-retail',
      type: 'edi-x12-partner',
      name: 'XYZ Retail',
      values: { ourQualifier: '01', ourId: '999999999', partnerQualifier: '12', partnerId: '4405197800' },
    });
    expect((await t.call('GET', '/api/credentials/xyz-retail')).body.settings).toEqual({
      ourQualifier: '01',
      ourId: '999999999',
      partnerQualifier: '12',
      partnerId: '4405197800',
    });
    const unknown = await t.call('POST', '/api/credentials', {
      id: 'mystery',
      type: 'not-installed',
      name: 'Mystery',
      values: { hint: 'shh' },
    });
    expect(unknown.status).toBe(201);
    expect(unknown.body.settings).toEqual({});
  });
});
