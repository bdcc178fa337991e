import { GraphQLError } from 'graphql';
import type { CallerTier } from './caller-tier.ts';
import type { OperationShape } from './query-shape.ts';

export type CapName = keyof OperationShape | 'tokens' | 'expandedFields';

const CAP_WORDS: Record<CapName, string> = {
  depth: 'levels of nesting',
  aliases: 'aliases',
  rootFields: 'root fields',
  tokens: 'tokens',
  directives: 'directives',
  expandedFields: 'fields once its fragments are expanded',
};

/** The operation costs more than the caller's budget (HTTP 400, nothing was sent to any subgraph). */
export function overBudget(tier: CallerTier, cost: number, budget: number): GraphQLError {
  return new GraphQLError(`The query costs ${cost} points; the budget of a caller of role ${tier} is ${budget}`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', cost, budget, role: tier, http: { status: 400 } },
  });
}

/** The operation is larger than one of the caller's caps; `found` is absent when counting stopped at the cap (tokens, expanded fields). */
export function overCap(tier: CallerTier, limit: CapName, maximum: number, found?: number): GraphQLError {
  const measured = found === undefined ? `more than ${maximum}` : String(found);
  return new GraphQLError(`The query has ${measured} ${CAP_WORDS[limit]}; a caller of role ${tier} may send ${maximum}`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, maximum, ...(found === undefined ? {} : { found }), role: tier, http: { status: 400 } },
  });
}

/** The caller sent more requests than its quota allows in the current window (HTTP 429). */
export function rateLimited(tier: CallerTier, retryAfterSeconds: number) {
  return {
    message: `Too many requests for a caller of role ${tier}; retry after ${retryAfterSeconds} s`,
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds, role: tier },
  };
}
