import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { NONCE, secureHeaders } from 'hono/secure-headers';
import { apiRateLimit } from './auth/api-rate-limit.js';
import { authenticate } from './auth/authenticate.js';
import { createSignInThrottle } from './auth/sign-in-throttle.js';
import { ApiError, type ErrorBody } from './http/api-error.js';
import { openApiDocument } from './http/openapi-document.js';
import { registerRoutes } from './http/register-routes.js';
import type { RouteSpec } from './http/route.js';
import { serveStudio } from './http/studio-assets.js';
import { createWebhookIntake } from './intake/webhook-intake.js';
import { auditRoutes } from './routes/audit-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { catalogRoutes } from './routes/catalog-routes.js';
import { credentialRoutes } from './routes/credential-routes.js';
import { deadLetterRoutes } from './routes/dead-letter-routes.js';
import { deploymentRoutes } from './routes/deployment-routes.js';
import { documentRoutes } from './routes/document-routes.js';
import { eventRoutes } from './routes/event-routes.js';
import { executionRoutes } from './routes/execution-routes.js';
import { flowRoutes } from './routes/flow-routes.js';
import { hookRoutes } from './routes/hook-routes.js';
import { revisionRoutes } from './routes/revision-routes.js';
import { statsRoutes } from './routes/stats-routes.js';
import { systemRoutes } from './routes/system-routes.js';
import { testRunRoutes } from './routes/test-run-routes.js';
import { tokenRoutes } from './routes/token-routes.js';
import { userRoutes } from './routes/user-routes.js';
import type { ServerDeps } from './server-deps.js';

/**
 * The Hono application: every route of the API and the webhook intake, with request ids, body
 * limits and one error format. Tests call `app.request()` on it directly.
 *
 * @example
 * const { app } = createApp(deps);
 * const res = await app.request('/api/flows');
 */
export function createApp(deps: ServerDeps, options: { studioDir?: string } = {}) {
  const intake = createWebhookIntake(deps);
  const throttle = createSignInThrottle(
    {
      failuresPerAccount: deps.auth.signInFailuresPerAccount,
      failuresPerAddress: deps.auth.signInFailuresPerAddress,
      windowSeconds: deps.auth.signInWindowSeconds,
    },
    deps.rateCounters,
  );
  const routes: RouteSpec[] = [
    ...systemRoutes(deps),
    ...authRoutes(deps, throttle),
    ...tokenRoutes(deps),
    ...userRoutes(deps),
    ...flowRoutes(deps),
    ...revisionRoutes(deps),
    ...testRunRoutes(deps),
    ...deploymentRoutes(deps, intake),
    ...executionRoutes(deps),
    ...documentRoutes(deps),
    ...statsRoutes(deps),
    ...deadLetterRoutes(deps),
    ...credentialRoutes(deps),
    ...catalogRoutes(deps),
    ...auditRoutes(deps),
    ...eventRoutes(deps),
    ...hookRoutes(intake, deps.metrics),
  ];

  const app = new Hono();
  app.use(requestId());
  // The studio's pages load no inline script and nothing from other origins; JSON answers are
  // never to be sniffed as HTML or framed. Styles may also come from <style> elements carrying the
  // page's nonce: the code editor (CodeMirror) injects its theme that way.
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", NONCE],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  // CORS is closed unless origins are configured: other sites cannot read the API from a browser.
  if (deps.corsOrigins && deps.corsOrigins.length > 0) {
    app.use('/api/*', cors({ origin: [...deps.corsOrigins], credentials: true, maxAge: 600 }));
  }
  const limit = bodyLimit({
    maxSize: deps.limits.maxBodyBytes,
    onError: () => {
      throw new ApiError(
        413,
        'BODY_TOO_LARGE',
        `The request body is larger than the ${formatBytes(deps.limits.maxBodyBytes)} limit.`,
      );
    },
  });
  app.use('/hooks/*', limit);
  app.use('/api/*', limit);
  // Who is calling, for every route that may need someone; webhooks prove themselves by signature.
  const whoIsCalling = authenticate({ store: deps.store });
  app.use('/api/*', whoIsCalling);
  app.use('/metrics', whoIsCalling);
  app.use('/api/*', apiRateLimit({ requestsPerMinute: deps.auth.apiRequestsPerMinute }, deps.rateCounters));

  app.get('/api/openapi.json', (c) => c.json(openApiDocument(routes, { version: deps.version })));
  registerRoutes(app, routes, deps);
  if (options.studioDir) serveStudio(app, { dir: options.studioDir });

  app.notFound((c) =>
    c.json(
      errorBody(
        'NOT_FOUND',
        `There is no ${c.req.method} ${new URL(c.req.url).pathname} route.`,
        c.get('requestId'),
      ),
      404,
    ),
  );
  app.onError((error, c) => {
    const id = c.get('requestId');
    if (error instanceof ApiError) {
      const body = errorBody(error.code, error.message, id, error.extra);
      const headers: Record<string, string> = error.extra.retryAfterSeconds
        ? { 'retry-after': String(error.extra.retryAfterSeconds) }
        : {};
      return c.json(body, error.status, headers);
    }
    // Anything else is a defect: log it with the request id, tell the caller only the id.
    console.error(
      JSON.stringify({ level: 'error', requestId: id, message: error.message, stack: error.stack }),
    );
    return c.json(
      errorBody(
        'INTERNAL',
        `Waybill could not complete the request; quote request id ${id} when reporting it.`,
        id,
      ),
      500,
    );
  });
  return { app, routes, intake };
}

export type WaybillApp = ReturnType<typeof createApp>['app'];

function errorBody(
  code: string,
  message: string,
  requestId: string,
  extra: ApiError['extra'] = {},
): ErrorBody {
  return {
    error: {
      code,
      message,
      ...(extra.pointer ? { pointer: extra.pointer } : {}),
      ...(extra.problems ? { problems: extra.problems } : {}),
    },
    requestId,
  };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
