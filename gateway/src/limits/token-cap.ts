import type { RequestHandler } from 'express';
import type { CryptoKey } from 'jose';
import { ANONYMOUS } from '@civic/identity';
import { refusalBody } from '../http/refusal.ts';
import { viewerOf } from '../request-viewer.ts';
import { callerTier } from './caller-tier.ts';
import { overCap } from './limit-errors.ts';
import type { QueryCapsByTier } from './limit-policy.ts';
import { countTokens } from './query-shape.ts';

/**
 * Refuses a document with more tokens than its caller's role may send, before Apollo Server
 * parses and validates it (its plugins cannot refuse a request before parsing with an error of
 * their own), so a huge document costs no more than reading its tokens up to the cap.
 */
export function tokenCapMiddleware(caps: QueryCapsByTier, accessTokenKey: CryptoKey): RequestHandler {
  return async (request, response, next) => {
    const query: unknown = request.method === 'GET' ? request.query.query : (request.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string') return next();
    // A bad token is answered 401 by the context; its document is measured as an anonymous one.
    const tier = callerTier(await viewerOf(request, accessTokenKey).catch(() => ANONYMOUS));
    const maximum = caps[tier].maxTokens;
    if (countTokens(query, maximum) <= maximum) return next();
    response.status(400).json(refusalBody(overCap(tier, 'tokens', maximum)));
  };
}
