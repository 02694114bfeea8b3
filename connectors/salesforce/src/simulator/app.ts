import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { controlRoutes, type SimControl } from './control-routes.js';
import { errorResponse, notFound, SalesforceApiError } from './errors.js';
import { failureAnswer } from './failure-injection.js';
import { tokenRoutes } from './oauth/token-route.js';
import { compositeRoutes } from './rest/composite-route.js';
import { orgRoutes } from './rest/org-routes.js';
import { queryRoutes } from './rest/query-routes.js';
import { apiVersionOf, invalidSession } from './rest/request.js';
import { sobjectRoutes } from './rest/sobject-routes.js';
import type { SimCore } from './sim-core.js';

/**
 * The simulator's HTTP surface: the OAuth token endpoint, the REST data API under
 * `/services/data`, and the simulator-only `/__sim/` routes. Every `/services/` request is logged
 * and may be failed by a rule; every data request (the version list aside) needs a valid token
 * and counts against the org's daily allowance, reported in `Sforce-Limit-Info` as Salesforce
 * does. Composite subrequests run on the data routes directly, so a composite costs one call.
 */
export function createSimulatorApp(core: SimCore, control: SimControl): Hono {
  const app = new Hono();
  app.onError((error, c) => errorResponse(c, error));
  app.notFound((c) => errorResponse(c, notFound()));
  app.use('/services/*', logAndInject(core));
  app.use('/services/data/*', authorise(core));

  const data = new Hono();
  data.onError((error, c) => errorResponse(c, error));
  data.notFound((c) => errorResponse(c, notFound()));
  data.route('/', orgRoutes(core));
  data.route('/', sobjectRoutes(core));
  data.route('/', queryRoutes(core));

  app.route('/', tokenRoutes(core));
  app.route('/', compositeRoutes(core, data));
  app.route('/', data);
  app.route('/__sim', controlRoutes(control));
  return app;
}

function logAndInject(core: SimCore): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    const path = new URL(c.req.url).pathname;
    const rule = core.failures.take(method, path);
    if (rule && !rule.afterCommit) {
      if (rule.kind === 'session-expired') core.sessions.expire(c.req.header('authorization'));
      core.log({
        method,
        path,
        status: failureAnswer(rule).status,
        outcome: 'injected',
        errorCode: rule.kind,
      });
      return injected(rule);
    }
    await next();
    if (rule) {
      core.log({
        method,
        path,
        status: failureAnswer(rule).status,
        outcome: 'injected',
        errorCode: rule.kind,
      });
      c.res = undefined;
      c.res = injected(rule);
      return;
    }
    const status = c.res.status;
    core.log({
      method,
      path,
      status,
      outcome: status >= 400 ? 'error' : 'ok',
      ...(status >= 400 ? { errorCode: await errorCodeOf(c.res) } : {}),
    });
  };
}

function authorise(core: SimCore): MiddlewareHandler {
  return async (c, next) => {
    const [, , , segment] = new URL(c.req.url).pathname.split('/');
    // The version list needs no token, as in Salesforce.
    if (segment === undefined || segment === '') return next();
    apiVersionOf(segment);
    if (!core.sessions.fromHeader(c.req.header('authorization'))) {
      const error = invalidSession();
      return c.json(error.errors, 401, { 'www-authenticate': 'Token' });
    }
    core.usage.used += 1;
    if (core.usage.used > core.usage.max) {
      throw new SalesforceApiError(403, [
        { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
      ]);
    }
    await next();
    c.res.headers.set('sforce-limit-info', `api-usage=${core.usage.used}/${core.usage.max}`);
  };
}

function injected(rule: Parameters<typeof failureAnswer>[0]): Response {
  const answer = failureAnswer(rule);
  return new Response(JSON.stringify(answer.errors), {
    status: answer.status,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...answer.headers },
  });
}

async function errorCodeOf(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.clone().json();
    const first: unknown = Array.isArray(body) ? body[0] : body;
    if (typeof first !== 'object' || first === null) return undefined;
    if ('errorCode' in first && typeof first.errorCode === 'string') return first.errorCode;
    if ('error' in first && typeof first.error === 'string') return first.error;
  } catch {
    // A 204 or a non-JSON body has no code to log.
  }
  return undefined;
}
