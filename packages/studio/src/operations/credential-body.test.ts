import { describe, expect, it } from 'vitest';
import type { CredentialMeta } from '../api/types.js';
import { type CredentialForm, credentialBody, initialCredentialForm, parseHosts } from './credential-body.js';

const fields = [
  { name: 'url', label: 'URL', secret: false, required: true },
  { name: 'login', label: 'Login', secret: false, required: false },
  { name: 'apiKey', label: 'API key', secret: true, required: true },
];

const form: CredentialForm = {
  id: ' odoo-main ',
  type: 'odoo',
  name: 'Odoo',
  values: { url: 'http://127.0.0.1:8069', apiKey: '' },
  allowedHosts: '127.0.0.1, localhost\nlocalhost',
  maxConcurrency: '4',
};

const stored: CredentialMeta = {
  id: 'odoo-main',
  type: 'odoo',
  name: 'Odoo',
  allowedHosts: ['127.0.0.1', 'localhost'],
  maxConcurrency: 4,
  partnerId: null,
  createdAt: '2024-05-01T00:00:00.000Z',
  updatedAt: '2024-05-01T00:00:00.000Z',
  settings: { url: 'http://127.0.0.1:8069', login: 'bot' },
};

describe('credentialBody', () => {
  it('creates with every typed value', () => {
    expect(credentialBody(form, fields)).toEqual({
      id: 'odoo-main',
      type: 'odoo',
      name: 'Odoo',
      values: { url: 'http://127.0.0.1:8069' },
      allowedHosts: ['127.0.0.1', 'localhost'],
      maxConcurrency: 4,
    });
  });

  it('prefills a change with the stored settings and leaves the secrets blank', () => {
    const initial = initialCredentialForm('http-bearer', stored);
    expect(initial).toEqual({
      id: 'odoo-main',
      type: 'odoo',
      name: 'Odoo',
      values: { url: 'http://127.0.0.1:8069', login: 'bot' },
      allowedHosts: '127.0.0.1\nlocalhost',
      maxConcurrency: '4',
    });
    // Saved untouched, nothing is sent: the secret left blank stays as stored.
    expect(credentialBody(initial, fields, stored)).toEqual({});
  });

  it('sends only the settings that changed, null for one cleared, and a secret only when typed', () => {
    const initial = initialCredentialForm('odoo', stored);
    const edited = { ...initial, values: { ...initial.values, url: 'https://erp.example.com', login: '' } };
    expect(credentialBody(edited, fields, stored)).toEqual({
      values: { url: 'https://erp.example.com', login: null },
    });
    const rekeyed = { ...initial, values: { ...initial.values, apiKey: 'new-key' } };
    expect(credentialBody(rekeyed, fields, stored)).toEqual({ values: { apiKey: 'new-key' } });
  });

  it('sends the name, hosts and limit only when they changed, and null to clear the limit', () => {
    const initial = initialCredentialForm('odoo', stored);
    expect(
      credentialBody(
        { ...initial, name: ' Odoo prod ', allowedHosts: '', maxConcurrency: '' },
        fields,
        stored,
      ),
    ).toEqual({ name: 'Odoo prod', allowedHosts: [], maxConcurrency: null });
  });

  it('sends only typed values of a credential whose settings the server did not return', () => {
    const { settings: _, ...older } = stored;
    const initial = initialCredentialForm('odoo', older);
    expect(initial.values).toEqual({});
    expect(credentialBody(initial, fields, older)).toEqual({});
    expect(credentialBody({ ...initial, values: { login: 'ops' } }, fields, older)).toEqual({
      values: { login: 'ops' },
    });
  });

  it('splits hosts on commas, spaces and lines', () => {
    expect(parseHosts(' a.example  b.example,\n\n')).toEqual(['a.example', 'b.example']);
  });
});
