import { CALLER_TIERS, type CallerTier } from './caller-tier.ts';
import { DEFAULT_QUERY_CAPS, DEFAULT_RATE_QUOTAS, type QueryCapsByTier, type RateQuotaByTier } from './limit-policy.ts';
import type { RateLimitOptions } from './rate-limits.ts';

export interface LimitsConfig {
  queryCaps: QueryCapsByTier;
  rateLimits: RateLimitOptions | null;
  trustProxy?: boolean | number | string;
}

/**
 * The gateway's limits from its environment:
 * QUERY_COST_BUDGETS (`anonymous=2500,analyst=200000`: cost budgets of the roles named),
 * RATE_LIMITS (`off`, or requests per window of the roles named), RATE_LIMIT_WINDOW_SECONDS,
 * RATE_LIMIT_MONGODB_URI and RATE_LIMIT_MONGODB_DATABASE (a store shared by replicas), and
 * TRUST_PROXY (express's `trust proxy`: `true`, a hop count, or addresses). A malformed value
 * stops the gateway at start, naming the variable.
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): LimitsConfig {
  const budgets = perTier(env, 'QUERY_COST_BUDGETS');
  const queryCaps = Object.fromEntries(
    CALLER_TIERS.map((tier) => [tier, { ...DEFAULT_QUERY_CAPS[tier], costBudget: budgets[tier] ?? DEFAULT_QUERY_CAPS[tier].costBudget }]),
  ) as QueryCapsByTier;
  return { queryCaps, rateLimits: env.RATE_LIMITS === 'off' ? null : rateLimitsFromEnv(env), ...trustProxyFromEnv(env.TRUST_PROXY) };
}

function rateLimitsFromEnv(env: NodeJS.ProcessEnv): RateLimitOptions {
  const requests = perTier(env, 'RATE_LIMITS');
  const window = env.RATE_LIMIT_WINDOW_SECONDS === undefined ? undefined : wholeNumber('RATE_LIMIT_WINDOW_SECONDS', env.RATE_LIMIT_WINDOW_SECONDS);
  const quotas = Object.fromEntries(
    CALLER_TIERS.map((tier) => [
      tier,
      { requests: requests[tier] ?? DEFAULT_RATE_QUOTAS[tier].requests, windowSeconds: window ?? DEFAULT_RATE_QUOTAS[tier].windowSeconds },
    ]),
  ) as RateQuotaByTier;
  return { quotas, mongoUri: env.RATE_LIMIT_MONGODB_URI || undefined, mongoDatabase: env.RATE_LIMIT_MONGODB_DATABASE || undefined };
}

function perTier(env: NodeJS.ProcessEnv, variable: string): Partial<Record<CallerTier, number>> {
  const value = env[variable]?.trim();
  if (!value) return {};
  const entries = value.split(',').map((entry) => {
    const [tier, amount] = entry.split('=').map((part) => part.trim());
    if (!tier || !(CALLER_TIERS as readonly string[]).includes(tier) || amount === undefined) {
      throw new Error(`${variable} must list role=number pairs of ${CALLER_TIERS.join(', ')}; got "${entry}"`);
    }
    return [tier, wholeNumber(variable, amount)];
  });
  return Object.fromEntries(entries) as Partial<Record<CallerTier, number>>;
}

function wholeNumber(variable: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`${variable} must be whole numbers above 0; got "${value}"`);
  return number;
}

function trustProxyFromEnv(value: string | undefined): Pick<LimitsConfig, 'trustProxy'> {
  if (!value) return {};
  if (value === 'true' || value === 'false') return { trustProxy: value === 'true' };
  return { trustProxy: /^\d+$/.test(value) ? Number(value) : value };
}
