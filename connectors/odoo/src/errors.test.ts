import { toErrorInfo } from '@waybill/connector-kit';
import { describe, expect, it } from 'vitest';
import { classifyOdooException, json2StatusError, odooFaultError, stripDebug } from './errors.js';

const site = { model: 'sale.order', method: 'create', host: 'erp.example.com', status: 200 };

describe('Odoo error mapping', () => {
  it.each([
    ['odoo.exceptions.AccessError', 'ODOO_ACCESS_ERROR'],
    ['odoo.exceptions.AccessDenied', 'ODOO_ACCESS_DENIED'],
    ['odoo.exceptions.ValidationError', 'ODOO_VALIDATION_ERROR'],
    ['odoo.exceptions.UserError', 'ODOO_USER_ERROR'],
    ['odoo.exceptions.MissingError', 'ODOO_MISSING_RECORD'],
    ['builtins.ValueError', 'ODOO_INVALID_REQUEST'],
  ])('treats %s as a user error that is not retried', (name, code) => {
    expect(classifyOdooException(name)).toEqual({ kind: 'user', code, retryable: false });
  });

  it('treats unknown server failures as retryable connector errors, and programming errors as final', () => {
    expect(classifyOdooException('psycopg2.errors.SerializationFailure')).toEqual({
      kind: 'connector',
      code: 'ODOO_SERVER_ERROR',
      retryable: true,
    });
    expect(classifyOdooException('builtins.KeyError')).toMatchObject({ kind: 'connector', retryable: false });
    expect(classifyOdooException(undefined)).toMatchObject({ kind: 'connector', retryable: true });
  });

  it("carries Odoo's message as the sentence and keeps the call site, never the traceback", () => {
    const error = toErrorInfo(
      odooFaultError(
        {
          name: 'odoo.exceptions.AccessError',
          message: "You are not allowed to create 'Sales Order' records",
        },
        { ...site, body: '{"error":{"data":{"message":"x"}}}' },
      ),
    );
    expect(error).toMatchObject({
      kind: 'user',
      code: 'ODOO_ACCESS_ERROR',
      retryable: false,
      message: "You are not allowed to create 'Sales Order' records.",
      upstream: { status: 200, code: 'odoo.exceptions.AccessError' },
      details: { model: 'sale.order', method: 'create', exception: 'odoo.exceptions.AccessError' },
    });
  });

  it('falls back to the first exception argument, then to a sentence naming the call', () => {
    expect(
      odooFaultError({ name: 'odoo.exceptions.UserError', arguments: ['Nothing to invoice'] }, site).message,
    ).toBe('Nothing to invoice.');
    expect(odooFaultError({ name: 'builtins.RuntimeError' }, site).message).toBe(
      'Odoo at erp.example.com failed on sale.order.create with builtins.RuntimeError.',
    );
  });

  it('removes the traceback from the body excerpt', () => {
    const body = JSON.stringify({
      name: 'builtins.ValueError',
      message: 'Invalid field',
      debug: 'Traceback (most recent call last)…',
    });
    expect(stripDebug(body)).toBe('{"name":"builtins.ValueError","message":"Invalid field"}');
    expect(stripDebug('<html>502</html>')).toBe('<html>502</html>');
  });

  it('maps a JSON-2 error body by exception name and keeps the HTTP status', () => {
    const error = toErrorInfo(
      json2StatusError(
        {
          status: 404,
          url: new URL('https://erp.example.com/json/2/sale.order/write'),
          headers: {},
          body: JSON.stringify({
            name: 'odoo.exceptions.MissingError',
            message: 'Record does not exist or has been deleted.',
            arguments: ['Record does not exist or has been deleted.'],
            context: {},
            debug: 'Traceback…',
          }),
        },
        { model: 'sale.order', method: 'write' },
      ),
    );
    expect(error).toMatchObject({
      kind: 'user',
      code: 'ODOO_MISSING_RECORD',
      message: 'Record does not exist or has been deleted.',
      upstream: { status: 404, code: 'odoo.exceptions.MissingError' },
    });
    expect(error.upstream?.body).not.toContain('Traceback');
  });

  it('maps a JSON-2 401 (invalid API key) to a user error', () => {
    const error = json2StatusError(
      {
        status: 401,
        url: new URL('https://erp.example.com/json/2/res.partner/search'),
        headers: {},
        body: '{"name":"werkzeug.exceptions.Unauthorized","message":"Invalid apikey","arguments":["Invalid apikey",401]}',
      },
      {},
    );
    expect(toErrorInfo(error)).toMatchObject({
      kind: 'user',
      code: 'ODOO_ACCESS_DENIED',
      message:
        'Odoo at erp.example.com did not accept the API key (Invalid apikey.); check the API key in the credential, and that its user is active.',
    });
  });

  it('keeps 429 and bare gateway failures retryable with the Retry-After delay', () => {
    const url = new URL('https://erp.example.com/json/2/res.partner/search');
    expect(
      toErrorInfo(
        json2StatusError({ status: 429, url, headers: { 'retry-after': '7' }, body: 'slow down' }, {}),
      ),
    ).toMatchObject({ kind: 'connector', code: 'RATE_LIMITED', retryable: true, retryAfterMs: 7000 });
    expect(
      toErrorInfo(
        json2StatusError(
          { status: 503, url, headers: { 'retry-after': '2' }, body: '<html>busy</html>' },
          {},
        ),
      ),
    ).toMatchObject({ kind: 'connector', code: 'HTTP_503', retryable: true, retryAfterMs: 2000 });
  });

  it('keeps a 5xx with an Odoo exception retryable unless the exception says otherwise', () => {
    const url = new URL('https://erp.example.com/json/2/sale.order/action_confirm');
    // The same 500 each time; only the Odoo exception in the body differs.
    const serverError = (body: string) => json2StatusError({ status: 500, url, headers: {}, body }, {});
    const serialization = serverError(
      '{"name":"psycopg2.errors.SerializationFailure","message":"could not serialize access"}',
    );
    expect(toErrorInfo(serialization)).toMatchObject({
      kind: 'connector',
      code: 'ODOO_SERVER_ERROR',
      retryable: true,
    });
    const invalidField = serverError(
      '{"name":"builtins.ValueError","message":"Invalid field \'foo\' on model \'sale.order\'"}',
    );
    expect(toErrorInfo(invalidField)).toMatchObject({
      kind: 'user',
      code: 'ODOO_INVALID_REQUEST',
      retryable: false,
    });
  });
});
