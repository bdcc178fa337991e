import type { RequestHandler } from 'express';
import type { CryptoKey } from 'jose';
import { MongoClient } from 'mongodb';
import { RateLimiterMemory, RateLimiterMongo, RateLimiterRes } from 'rate-limiter-flexible';
import { ANONYMOUS } from '@civic/identity';
import { viewerOf } from '../request-viewer.ts';
import { CALLER_TIERS, callerTier, type CallerTier } from './caller-tier.ts';
import { rateLimited } from './limit-errors.ts';
import { DEFAULT_RATE_QUOTAS, type RateQuotaByTier } from './limit-policy.ts';

export interface RateLimitOptions {
  quotas?: RateQuotaByTier;
  /** A MongoDB server every gateway replica shares, so that they share one quota; counters in this process when absent. */
  mongoUri?: string;
  /** The database of the shared counters (collection `gateway_rate_limits`). */
  mongoDatabase?: string;
}

export const DEFAULT_RATE_LIMIT_DATABASE = 'civic_gateway';

export interface RateLimits {
  /** Counts each GraphQL request against its caller's quota; answers 429 past it. */
  middleware: RequestHandler;
  close(): Promise<void>;
}

/**
 * Rate limits per caller with rate-limiter-flexible: a signed-in caller by subject, an anonymous
 * one by address (`req.ip`: X-Forwarded-For only when the app trusts a proxy). With a shared
 * store, an outage of that store falls back to counters in this process (the library's insurance
 * limiter) rather than refusing every caller.
 */
export async function startRateLimits(options: RateLimitOptions, accessTokenKey: CryptoKey): Promise<RateLimits> {
  const quotas = options.quotas ?? DEFAULT_RATE_QUOTAS;
  const client = options.mongoUri ? await new MongoClient(options.mongoUri).connect() : undefined;
  const limiters = Object.fromEntries(
    CALLER_TIERS.map((tier) => {
      const quota = { keyPrefix: `gateway-${tier}`, points: quotas[tier].requests, duration: quotas[tier].windowSeconds };
      const inProcess = new RateLimiterMemory(quota);
      const limiter = client
        ? new RateLimiterMongo({ ...quota, storeClient: client, dbName: options.mongoDatabase ?? DEFAULT_RATE_LIMIT_DATABASE, tableName: 'gateway_rate_limits', insuranceLimiter: inProcess })
        : inProcess;
      return [tier, limiter];
    }),
  ) as Record<CallerTier, RateLimiterMemory | RateLimiterMongo>;

  const middleware: RequestHandler = async (request, response, next) => {
    // The explorer's page carries no operation; only operations count.
    if (request.method === 'GET' && request.query.query === undefined) return next();
    // A bad token is answered 401 by the context; until then its sender counts as anonymous.
    const viewer = await viewerOf(request, accessTokenKey).catch(() => ANONYMOUS);
    const tier = callerTier(viewer);
    try {
      await limiters[tier].consume(viewer.subject ? `subject:${viewer.subject}` : `address:${request.ip}`);
      next();
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) return next(rejection);
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      response.status(429).set('retry-after', String(retryAfterSeconds)).json({ errors: [rateLimited(tier, retryAfterSeconds)] });
    }
  };
  return {
    middleware,
    async close() {
      await client?.close();
    },
  };
}
