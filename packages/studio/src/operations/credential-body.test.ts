import { describe, expect, it } from 'vitest';
import { type CredentialForm, credentialBody, parseHosts } from './credential-body.js';

const fields = [
  { name: 'url', label: 'URL', secret: false, required: true },
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

describe('credentialBody', () => {
  it('creates with every typed value', () => {
    expect(credentialBody(form, fields, 'create')).toEqual({
      id: 'odoo-main',
      type: 'odoo',
      name: 'Odoo',
      values: { url: 'http://127.0.0.1:8069' },
      allowedHosts: ['127.0.0.1', 'localhost'],
      maxConcurrency: 4,
    });
  });

  it('leaves untyped secrets unchanged on edit and clears the limit when empty', () => {
    const body = credentialBody({ ...form, values: {}, maxConcurrency: '' }, fields, 'edit');
    expect(body).toEqual({ name: 'Odoo', allowedHosts: ['127.0.0.1', 'localhost'], maxConcurrency: null });
    expect(credentialBody({ ...form, values: { apiKey: 'k' } }, fields, 'edit').values).toEqual({
      apiKey: 'k',
    });
  });

  it('splits hosts on commas, spaces and lines', () => {
    expect(parseHosts(' a.example  b.example,\n\n')).toEqual(['a.example', 'b.example']);
  });
});
