import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { getOperationAST } from 'graphql';
import { ANONYMOUS } from '@civic/identity';
import type { GatewayContext } from '../gateway-context.ts';
import { callerTier } from '../limits/caller-tier.ts';
import type { QueryCapsByTier } from '../limits/limit-policy.ts';
import { enforceOperationLimits, limitedSupergraph } from '../limits/operation-limits.ts';

/**
 * The Apollo runtime's caps and cost budgets by role on Hive Gateway, checked before the operation
 * is planned and executed (the token cap, counted before parsing, is the Apollo runtime's only).
 */
export function queryLimitsPlugin(supergraphSdl: string, caps: QueryCapsByTier): GatewayPlugin<GatewayContext> {
  const supergraph = limitedSupergraph(supergraphSdl);
  return {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      const tier = callerTier(args.contextValue.viewer ?? ANONYMOUS);
      enforceOperationLimits(supergraph, { tier, caps: caps[tier] }, { document: args.document, operation, variables: args.variableValues });
    },
  };
}
