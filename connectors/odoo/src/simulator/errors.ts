/**
 * Odoo exceptions as they cross the wire. Both protocols serialise them with `odoo.http.serialize_exception`
 * (name, message, arguments, context, debug); they differ only in the envelope and the HTTP status.
 */
export const ODOO_EXCEPTION_NAMES = [
  'odoo.exceptions.UserError',
  'odoo.exceptions.ValidationError',
  'odoo.exceptions.AccessError',
  'odoo.exceptions.AccessDenied',
  'odoo.exceptions.MissingError',
  'odoo.exceptions.RedirectWarning',
  'odoo.http.SessionExpiredException',
  'builtins.ValueError',
  'builtins.TypeError',
  'builtins.AttributeError',
  'builtins.IndexError',
  'builtins.KeyError',
  'builtins.NameError',
  'builtins.Exception',
  'psycopg2.OperationalError',
  'psycopg2.errors.SerializationFailure',
  'werkzeug.exceptions.BadRequest',
  'werkzeug.exceptions.Unauthorized',
  'werkzeug.exceptions.Forbidden',
  'werkzeug.exceptions.NotFound',
  'werkzeug.exceptions.MethodNotAllowed',
  'werkzeug.exceptions.UnprocessableEntity',
  'werkzeug.exceptions.TooManyRequests',
] as const;

/**
 * Fully qualified Python exception names, as they appear in `data.name` / the JSON-2 body.
 *
 * @example
 * const name: OdooExceptionName = 'odoo.exceptions.ValidationError';
 */
export type OdooExceptionName = (typeof ODOO_EXCEPTION_NAMES)[number];

export const isOdooExceptionName = (value: unknown): value is OdooExceptionName =>
  ODOO_EXCEPTION_NAMES.some((name) => name === value);

/**
 * The JSON object Odoo sends for an exception (`error.data` in JSON-RPC, the whole body in JSON-2).
 *
 * @example
 * const body: SerializedException = new OdooError('odoo.exceptions.UserError', 'Nope').serialize();
 * body.arguments; // ['Nope']
 */
export interface SerializedException {
  name: OdooExceptionName;
  message: string;
  arguments: unknown[];
  context: Record<string, unknown>;
  debug: string;
}

// `http_status` of each class in odoo/exceptions.py (UserError and subclasses default to 422) and the
// werkzeug codes; anything else is an unexpected server error, hence 500.
const HTTP_STATUS: Partial<Record<OdooExceptionName, number>> = {
  'odoo.exceptions.UserError': 422,
  'odoo.exceptions.ValidationError': 422,
  'odoo.exceptions.RedirectWarning': 422,
  'odoo.exceptions.AccessError': 403,
  'odoo.exceptions.AccessDenied': 403,
  'odoo.exceptions.MissingError': 404,
  'odoo.http.SessionExpiredException': 403,
  'werkzeug.exceptions.BadRequest': 400,
  'werkzeug.exceptions.Unauthorized': 401,
  'werkzeug.exceptions.Forbidden': 403,
  'werkzeug.exceptions.NotFound': 404,
  'werkzeug.exceptions.MethodNotAllowed': 405,
  'werkzeug.exceptions.UnprocessableEntity': 422,
  'werkzeug.exceptions.TooManyRequests': 429,
};

/**
 * An exception raised by the simulated server; protocols turn it into their error shape, and in-process
 * `sim.execute` throws it as is.
 *
 * @example
 * try {
 *   sim.execute('sale.order', '_create_invoices', [[1]]);
 * } catch (error) {
 *   if (error instanceof OdooError) error.exceptionName; // 'odoo.exceptions.AccessError'
 * }
 */
export class OdooError extends Error {
  readonly exceptionName: OdooExceptionName;
  readonly args: unknown[];

  constructor(exceptionName: OdooExceptionName, message: string, args?: unknown[]) {
    super(message);
    this.name = 'OdooError';
    this.exceptionName = exceptionName;
    this.args = args ?? [message];
  }

  /** The status JSON-2 answers with, following the exception's `http_status`. */
  get httpStatus(): number {
    return HTTP_STATUS[this.exceptionName] ?? 500;
  }

  serialize(): SerializedException {
    return {
      name: this.exceptionName,
      message: this.message,
      arguments: this.args,
      context: {},
      debug: fakeTraceback(this.exceptionName, this.message),
    };
  }
}

/** werkzeug HTTP exceptions carry `(description, code)` as their arguments once serialised by JSON-2. */
export function httpError(name: OdooExceptionName, description: string): OdooError {
  return new OdooError(name, description, [description, HTTP_STATUS[name] ?? 500]);
}

export const userError = (message: string) => new OdooError('odoo.exceptions.UserError', message);
export const validationError = (message: string) => new OdooError('odoo.exceptions.ValidationError', message);
export const accessError = (message: string) => new OdooError('odoo.exceptions.AccessError', message);
export const valueError = (message: string) => new OdooError('builtins.ValueError', message);
export const typeError = (message: string) => new OdooError('builtins.TypeError', message);
export const accessDenied = () => new OdooError('odoo.exceptions.AccessDenied', 'Access Denied');

/** Any thrown value as an OdooError; a bug in the simulator shows up as Python would show a KeyError. */
export function toOdooError(error: unknown): OdooError {
  if (error instanceof OdooError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new OdooError('builtins.KeyError', `simulator internal error: ${message}`);
}

// A plausible traceback: clients log `debug`, and some parse its last line for the exception class.
function fakeTraceback(name: OdooExceptionName, message: string): string {
  const lastLine = name === 'odoo.exceptions.AccessDenied' ? `${name}: Access Denied` : `${name}: ${message}`;
  return [
    'Traceback (most recent call last):',
    '  File "/usr/lib/python3/dist-packages/odoo/http.py", line 2208, in _transactioning',
    '    return service_model.retrying(func, env=self.env)',
    '  File "/usr/lib/python3/dist-packages/odoo/service/model.py", line 156, in retrying',
    '    result = func()',
    '  File "/usr/lib/python3/dist-packages/odoo/api.py", line 533, in call_kw',
    '    result = getattr(recs, name)(*args, **kwargs)',
    lastLine,
    '',
  ].join('\n');
}
