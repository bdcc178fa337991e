import { hasRole } from '@civic/identity';
import { requireSignedIn } from '@civic/service-kit';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { requireRuleTerms } from '../domain/points-rules.ts';
import { recordRuleChange, rulesInForce } from '../persistence/points-rules.ts';
import { setPointsRuleNotAdmin } from '../errors.ts';
import { kindOfPointsEvent } from './points-rule.ts';

export const pointsRulesQueries: QueryResolvers = {
  pointsRules: (_parent, _args, context) => rulesInForce(context.models, context.clock.now()),
};

export const pointsRulesMutations: MutationResolvers = {
  setPointsRule: async (_parent, { input }, context) => {
    requireSignedIn(context.viewer);
    if (!hasRole(context.viewer, 'STREET_ADMIN', 'DISTRICT_ADMIN')) throw setPointsRuleNotAdmin();
    const terms = requireRuleTerms({ points: input.points, dailyCap: input.dailyCap, monthlyCap: input.monthlyCap });
    return recordRuleChange(context.models, kindOfPointsEvent(input.event), terms, context.viewer.subject!, context.clock.now());
  },
};
