import type { CallerTier } from './caller-tier.ts';

/** What one operation of a caller may ask for. */
export interface QueryCaps {
  /** Cost points of one operation (see query-cost.ts). */
  costBudget: number;
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxTokens: number;
  maxDirectives: number;
}

/** How many requests a caller may send per window. */
export interface RateQuota {
  requests: number;
  windowSeconds: number;
}

export type QueryCapsByTier = Record<CallerTier, QueryCaps>;
export type RateQuotaByTier = Record<CallerTier, RateQuota>;

// Anonymous callers read public lists; staff page through their subtree; analysts run ad-hoc
// reports (a larger budget at a lower rate); services are the graph's own departments.
export const DEFAULT_QUERY_CAPS: QueryCapsByTier = {
  anonymous: { costBudget: 2_500, maxDepth: 12, maxAliases: 10, maxRootFields: 10, maxTokens: 1_000, maxDirectives: 10 },
  resident: { costBudget: 5_000, maxDepth: 12, maxAliases: 15, maxRootFields: 15, maxTokens: 2_000, maxDirectives: 20 },
  staff: { costBudget: 25_000, maxDepth: 15, maxAliases: 30, maxRootFields: 30, maxTokens: 4_000, maxDirectives: 30 },
  analyst: { costBudget: 100_000, maxDepth: 15, maxAliases: 50, maxRootFields: 50, maxTokens: 8_000, maxDirectives: 50 },
  service: { costBudget: 100_000, maxDepth: 15, maxAliases: 50, maxRootFields: 50, maxTokens: 8_000, maxDirectives: 50 },
};

export const DEFAULT_RATE_WINDOW_SECONDS = 60;

export const DEFAULT_RATE_QUOTAS: RateQuotaByTier = {
  anonymous: { requests: 120, windowSeconds: DEFAULT_RATE_WINDOW_SECONDS },
  resident: { requests: 300, windowSeconds: DEFAULT_RATE_WINDOW_SECONDS },
  staff: { requests: 600, windowSeconds: DEFAULT_RATE_WINDOW_SECONDS },
  analyst: { requests: 60, windowSeconds: DEFAULT_RATE_WINDOW_SECONDS },
  service: { requests: 6_000, windowSeconds: DEFAULT_RATE_WINDOW_SECONDS },
};
