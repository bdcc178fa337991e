import type { RequestHandler } from 'express';
import type { JSONWebKeySet } from 'jose';

// Verifiers cache it; a key they do not know yet makes them fetch it again (jose's createRemoteJWKSet does).
const CACHE_SECONDS = 300;

/** Serves the public key set subgraphs, a partner's included, verify forwarded viewers with. */
export function serveJwks(jwks: JSONWebKeySet): RequestHandler {
  return (_request, response) => {
    response.set('cache-control', `public, max-age=${CACHE_SECONDS}`).json(jwks);
  };
}
