import { signedInSubject } from '@civic/service-kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { requireSpendingRequest } from '../domain/points-spending.ts';
import { refundPoints, spendPoints } from '../persistence/points-spending.ts';
import { requirePointsSpender } from '../authorisation.ts';
import { loadOpenResident, loadResident } from './access.ts';

/** Spending points for priority and giving them back: steps of the resources service's saga. */
export const pointsSpendingMutations: MutationResolvers = {
  spendPoints: async (_parent, { input }, context) => {
    requirePointsSpender(context.viewer);
    const request = requireSpendingRequest(input);
    const { organisationPath } = await loadOpenResident(context, 'residentId', request.residentId, 'SPEND_POINTS');
    return spendPoints(context.models, { ...request, recordedBy: signedInSubject(context.viewer), at: context.clock.now(), organisationPath });
  },

  refundPoints: async (_parent, { input }, context) => {
    requirePointsSpender(context.viewer);
    const request = requireSpendingRequest(input);
    const { organisationPath } = await loadResident(context, 'residentId', request.residentId);
    return refundPoints(context.models, { ...request, recordedBy: signedInSubject(context.viewer), at: context.clock.now(), organisationPath });
  },
};
