import { join } from 'node:path';
import express, { type Request, type Router } from 'express';
import { serveStatic } from 'ruru/static';
import { EXPLORER_ASSETS_PATH, RURU_ASSETS_PATH, explorerPage } from './explorer-page.ts';

// Everything the page loads comes from the gateway itself; the browser is told to refuse the rest.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // Ruru's page starts with small inline scripts and its components set inline styles.
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
].join('; ');

/**
 * The explorer: `GET <endpoint>` from a browser answers the page; its files (Ruru's prebuilt
 * bundle from the `ruru` package, and ours in public/) are served under /explorer/. Every other
 * request passes on to the GraphQL server.
 */
export function explorerRoutes(endpoint: string): Router {
  const page = explorerPage(endpoint);
  const router = express.Router();
  router.use(serveStatic(RURU_ASSETS_PATH));
  router.use(EXPLORER_ASSETS_PATH, express.static(join(import.meta.dirname, 'public'), { index: false }));
  router.get(endpoint, (request, response, next) => {
    if (!wantsPage(request)) return next();
    response.set('content-security-policy', CONTENT_SECURITY_POLICY).type('html').send(page);
  });
  return router;
}

/** A browser asking for a page (HTML preferred to JSON), not a GraphQL GET carrying a query. */
function wantsPage(request: Request): boolean {
  return request.query.query === undefined && request.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}
