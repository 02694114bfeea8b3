import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

// Paths the API, the intake and the probes own; everything else may be a studio page.
const NOT_STUDIO = /^\/(api|hooks|metrics|healthz|readyz)(\/|$)/;

/**
 * Serves the built studio (packages/studio/dist): hashed assets cached for a year, and
 * index.html for every other GET a browser makes, so deep links like /flows/orders load the app.
 * Without a build, pages say how to make one.
 *
 * @example
 * serveStudio(app, { dir: '/srv/waybill/packages/studio/dist' });
 */
export function serveStudio(app: Hono, options: { dir: string }): void {
  const index = join(options.dir, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (c) =>
      c.text('The studio is not built: run "pnpm build", then reload. The API is at /api/openapi.json.', 503),
    );
    return;
  }
  app.use(
    '/assets/*',
    serveStatic({
      root: options.dir,
      onFound: (_path, c) => c.header('cache-control', 'public, max-age=31536000, immutable'),
    }),
  );
  // Read once: the build does not change under a running server, and every page load needs it.
  let page: Promise<string> | undefined;
  app.get('*', async (c, next) => {
    const path = new URL(c.req.url).pathname;
    if (NOT_STUDIO.test(path) || path.startsWith('/assets/')) return next();
    page ??= readFile(index, 'utf8');
    const html = await page;
    c.header('cache-control', 'no-cache');
    // The studio hands this response's style nonce to CodeMirror (EditorView.cspNonce).
    const nonce = c.get('secureHeadersNonce') ?? '';
    return c.html(html.replace('<head>', `<head>\n    <meta name="csp-nonce" content="${nonce}" />`));
  });
}
