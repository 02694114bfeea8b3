import type { Context as HonoContext } from 'hono';
import { checkCredentials, loginUid } from '../auth.js';
import { accessDenied, OdooError, toOdooError } from '../errors.js';
import type { PendingFailure } from '../failure-injection.js';
import { isVals } from '../orm/args.js';
import { executeKw } from '../orm/execute-kw.js';
import type { Database } from '../orm/types.js';
import { consumeFailure, htmlError, injectedException, type SimCore } from '../sim-core.js';
import { versionInfo } from './version.js';

type RpcId = string | number | null;

/** The JSON-RPC 2.0 envelope of an Odoo error (HTTP 200; code 100 for an expired session). */
export function rpcError(db: Database, id: RpcId, error: OdooError): Record<string, unknown> {
  const expired = error.exceptionName === 'odoo.http.SessionExpiredException';
  // Odoo up to 18 sends the arbitrary code 200; 19 sends 0. Clients must read error.data.name instead.
  const code = expired ? 100 : db.major >= 19 ? 0 : 200;
  return {
    jsonrpc: '2.0',
    id,
    error: { code, message: expired ? 'Odoo Session Expired' : 'Odoo Server Error', data: error.serialize() },
  };
}

/** Odoo omits `result` when the method returned None. */
export function rpcResult(id: RpcId, result: unknown): Record<string, unknown> {
  return result === null || result === undefined ? { jsonrpc: '2.0', id } : { jsonrpc: '2.0', id, result };
}

const psycopgMissingDb = (name: unknown) =>
  new OdooError(
    'psycopg2.OperationalError',
    `connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database "${String(name)}" does not exist\n`,
  );

function checkDatabase(db: Database, name: unknown): void {
  if (name !== db.name) throw psycopgMissingDb(name);
}

function common(db: Database, method: string, args: unknown[]): unknown {
  switch (method) {
    case 'version':
      return versionInfo(db);
    case 'login':
    case 'authenticate':
      checkDatabase(db, args[0]);
      return loginUid(db, args[1], args[2]);
    case 'about':
      return 'See http://openerp.com';
    default:
      throw new OdooError('builtins.Exception', `Method not found: ${method}`);
  }
}

function dbService(db: Database, method: string, args: unknown[]): unknown {
  switch (method) {
    case 'list':
      return [db.name];
    case 'db_exist':
      return args[0] === db.name;
    case 'server_version':
      return db.version;
    case 'list_lang':
      return [['en_US', 'English (US)']];
    default:
      // Everything else needs the master password, which the simulator does not have.
      throw accessDenied();
  }
}

/** `object.execute_kw(db, uid, password, model, method, args, kwargs)` and `object.execute(...)`. */
function objectService(db: Database, method: string, args: unknown[]): unknown {
  if (method !== 'execute_kw' && method !== 'execute')
    throw new OdooError('builtins.NameError', `Method not available ${method}`);
  const [dbName, uidArg, password, modelName, methodName] = args;
  checkDatabase(db, dbName);
  const uid = checkCredentials(db, uidArg, password);
  const rest = method === 'execute_kw' ? (Array.isArray(args[5]) ? args[5] : []) : args.slice(5);
  return executeKw(db, uid, modelName, methodName, rest, method === 'execute_kw' ? args[6] : {});
}

// A Map, so "toString" or "__proto__" are unknown services like any other name.
const SERVICES = new Map<string, (db: Database, method: string, args: unknown[]) => unknown>([
  ['common', common],
  ['db', dbService],
  ['object', objectService],
]);

function injectedResponse(c: HonoContext, db: Database, id: RpcId, rule: PendingFailure): Response {
  switch (rule.kind) {
    case 'http-500':
      return c.html(
        htmlError(500, 'Internal Server Error', 'The server encountered an internal error.'),
        500,
      );
    case 'http-429': {
      const seconds = String(rule.retryAfterSeconds ?? 1);
      return c.html(
        htmlError(429, 'Too Many Requests', 'This user has exceeded an allotted request count.'),
        429,
        { 'Retry-After': seconds },
      );
    }
    default:
      return c.json(rpcError(db, id, injectedException(rule)));
  }
}

/** `POST /jsonrpc`: services common, db and object, errors as JSON-RPC error envelopes with HTTP 200. */
export function handleJsonRpc(core: SimCore) {
  return async (c: HonoContext): Promise<Response> => {
    const mimetype = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (mimetype !== 'application/json' && mimetype !== 'application/json-rpc') {
      return c.text(`Bad Request: ${mimetype || 'no'} content type; /jsonrpc takes application/json`, 400);
    }
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return c.text('Invalid JSON data', 400);
    }
    if (!isVals(body)) return c.text('Invalid JSON-RPC data', 400);
    const id: RpcId = typeof body.id === 'string' || typeof body.id === 'number' ? body.id : null;
    const params = isVals(body.params) ? body.params : {};
    const service = typeof params.service === 'string' ? params.service : String(params.service);
    const method = typeof params.method === 'string' ? params.method : String(params.method);
    const args = Array.isArray(params.args) ? params.args : [];
    const db = core.db();
    const call = {
      protocol: 'jsonrpc' as const,
      service,
      model: service === 'object' && typeof args[3] === 'string' ? args[3] : undefined,
      method: service === 'object' && typeof args[4] === 'string' ? args[4] : method,
    };
    const rule = consumeFailure(core, call);
    await core.latency();
    if (rule?.kind === 'timeout') {
      await core.failures.hang(c.req.raw.signal, rule.hangMs ?? 60_000);
      return c.html(htmlError(504, 'Gateway Timeout', 'The upstream server did not answer in time.'), 504);
    }
    const lostAnswer = rule?.kind === 'timeout-after-commit';
    if (rule && !lostAnswer) return injectedResponse(c, db, id, rule);
    const uid = service === 'object' && typeof args[1] === 'number' ? args[1] : undefined;
    try {
      const serve = SERVICES.get(service);
      if (!serve) throw new OdooError('builtins.KeyError', `'${service}'`);
      const result = serve(db, method, args);
      core.log({ ...call, uid, outcome: 'ok' });
      if (lostAnswer) {
        await core.failures.hang(c.req.raw.signal, rule.hangMs ?? 60_000);
        return c.html(htmlError(504, 'Gateway Timeout', 'The upstream server did not answer in time.'), 504);
      }
      return c.json(rpcResult(id, result));
    } catch (error) {
      const odooError = toOdooError(error);
      core.log({ ...call, uid, outcome: 'error', error: `${odooError.exceptionName}: ${odooError.message}` });
      return c.json(rpcError(db, id, odooError));
    }
  };
}
