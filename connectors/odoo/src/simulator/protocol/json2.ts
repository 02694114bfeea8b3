import type { Context as HonoContext } from 'hono';
import { uidForApiKey } from '../auth.js';
import { httpError, OdooError, toOdooError } from '../errors.js';
import type { PendingFailure } from '../failure-injection.js';
import { asIds, isVals } from '../orm/args.js';
import { bindArguments, invoke, resolveMethod } from '../orm/dispatch.js';
import { findModel } from '../orm/registry.js';
import { consumeFailure, injectedException, type SimCore } from '../sim-core.js';

const NOT_FOUND_URL =
  'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.';

/** A JSON-2 error response: the serialised exception as the body, its http_status as the status. */
export function json2Error(error: OdooError, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(error.serialize()), {
    status: error.httpStatus,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

const unauthorized = (description: string) =>
  json2Error(httpError('werkzeug.exceptions.Unauthorized', description), { 'WWW-Authenticate': 'Bearer' });

function injectedResponse(rule: PendingFailure): Response {
  switch (rule.kind) {
    case 'http-500':
      return json2Error(
        new OdooError(
          'psycopg2.OperationalError',
          rule.message ?? 'server closed the connection unexpectedly\n',
        ),
      );
    case 'http-429':
      return json2Error(
        httpError(
          'werkzeug.exceptions.TooManyRequests',
          'This user has exceeded an allotted request count. Try again later.',
        ),
        {
          'Retry-After': String(rule.retryAfterSeconds ?? 1),
        },
      );
    default:
      return json2Error(injectedException(rule));
  }
}

/** The catch-all `/json/2/<path>` route of Odoo 19 (wrong method or path shape). */
export function handleJson2Fallback(core: SimCore) {
  return (c: HonoContext): Response => {
    if (core.db().major < 19) return c.html(NOT_FOUND_URL, 404);
    return json2Error(
      httpError('werkzeug.exceptions.NotFound', 'Did you mean POST /json/2/<model>/<method>?'),
    );
  };
}

/** `POST /json/2/<model>/<method>` (Odoo 19+): bearer API key, named arguments, HTTP status errors. */
export function handleJson2(core: SimCore) {
  return async (c: HonoContext): Promise<Response> => {
    const db = core.db();
    if (db.major < 19) return c.html(NOT_FOUND_URL, 404);
    if (c.req.method !== 'POST') return handleJson2Fallback(core)(c);
    const modelName = c.req.param('model') ?? '';
    const methodName = c.req.param('method') ?? '';
    const database = c.req.header('x-odoo-database');
    if (database !== undefined && database !== db.name)
      return json2Error(httpError('werkzeug.exceptions.NotFound', NOT_FOUND_URL));
    const token = /^bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
    if (!token) return unauthorized('User not authenticated, use the "Authorization" header');
    const uid = uidForApiKey(db, token);
    if (uid === undefined) return unauthorized('Invalid apikey');
    const text = await c.req.text();
    let params: Record<string, unknown> = {};
    if (text.length > 0) {
      const mimetype = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (mimetype !== 'application/json') {
        return json2Error(
          httpError(
            'werkzeug.exceptions.BadRequest',
            "State-changing json2 requests must use the 'application/json' Content-Type (CSRF protection).",
          ),
        );
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        const detail = error instanceof Error ? error.message : 'invalid JSON';
        return json2Error(
          httpError('werkzeug.exceptions.BadRequest', `could not parse the body as json: ${detail}`),
        );
      }
      if (!isVals(body))
        return json2Error(
          httpError('werkzeug.exceptions.BadRequest', 'could not parse the body, expecting a json object'),
        );
      params = body;
    }
    const call = { protocol: 'json2' as const, model: modelName, method: methodName };
    const rule = consumeFailure(core, call);
    await core.latency();
    if (rule?.kind === 'timeout') {
      await core.failures.hang(c.req.raw.signal, rule.hangMs ?? 60_000);
      return c.html('<h1>Gateway Timeout</h1>', 504);
    }
    const lostAnswer = rule?.kind === 'timeout-after-commit';
    if (rule && !lostAnswer) return injectedResponse(rule);
    try {
      const result = runJson2(core, uid, modelName, methodName, params);
      core.log({ ...call, uid, outcome: 'ok' });
      if (lostAnswer) {
        await core.failures.hang(c.req.raw.signal, rule.hangMs ?? 60_000);
        return c.html('<h1>Gateway Timeout</h1>', 504);
      }
      return c.json(result ?? null);
    } catch (error) {
      const odooError = toOdooError(error);
      core.log({ ...call, uid, outcome: 'error', error: `${odooError.exceptionName}: ${odooError.message}` });
      return json2Error(odooError);
    }
  };
}

function runJson2(
  core: SimCore,
  uid: number,
  modelName: string,
  methodName: string,
  params: Record<string, unknown>,
): unknown {
  const db = core.db();
  const { ids: rawIds, context: rawContext, ...kwargs } = params;
  const model = findModel(db, modelName);
  if (!model) throw httpError('werkzeug.exceptions.NotFound', `the model '${modelName}' does not exist`);
  let method: ReturnType<typeof resolveMethod>;
  try {
    method = resolveMethod(model, methodName);
  } catch (error) {
    if (error instanceof OdooError && error.exceptionName === 'builtins.AttributeError') {
      throw httpError('werkzeug.exceptions.NotFound', error.message);
    }
    throw error;
  }
  const ids = asIds(rawIds);
  if (method.apiModel && ids.length > 0) {
    throw httpError(
      'werkzeug.exceptions.UnprocessableEntity',
      `cannot call ${modelName}.${methodName} with ids`,
    );
  }
  let bound: Record<string, unknown>;
  try {
    bound = bindArguments(model, methodName, method, [], kwargs, 'bind');
  } catch (error) {
    if (error instanceof OdooError) throw httpError('werkzeug.exceptions.UnprocessableEntity', error.message);
    throw error;
  }
  const context = isVals(rawContext) ? rawContext : {};
  // A returned recordset becomes its ids, so create always answers a list here.
  return invoke(db, uid, context, model, method, ids, bound);
}
