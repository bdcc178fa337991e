import { hasRole } from '@civic/identity';
import { parseId, requireSignedIn } from '@civic/service-kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { requireAwardSource, requirePointsAmount, requireReason } from '../domain/points.ts';
import { appendPointsEntry } from '../persistence/points-ledger.ts';
import { loadOpenResident } from './access.ts';
import { mayRecordPoints } from '../authorisation.ts';
import { awardPointsOutOfScope, deductPointsOutOfScope } from '../errors.ts';

export const pointsMutations: MutationResolvers = {
  awardPoints: async (_parent, { input }, context) => {
    requireSignedIn(context.viewer);
    parseId('residentId', input.residentId);
    const amount = requirePointsAmount(input.amount);
    const source = requireAwardSource(input.source);
    const reason = requireReason(input.reason);
    const resident = await loadOpenResident(context, 'residentId', input.residentId, 'AWARD_POINTS');
    if (!hasRole(context.viewer, 'SERVICE') && !mayRecordPoints(context.viewer, resident)) throw awardPointsOutOfScope();
    return appendPointsEntry(context.models.PointsEntry, {
      residentId: resident._id,
      amount,
      source,
      reason,
      recordedBy: context.viewer.subject!,
      at: context.clock.now(),
      organisationPath: resident.organisationPath,
      eventId: null,
      eventKind: null,
    });
  },

  deductPoints: async (_parent, { input }, context) => {
    requireSignedIn(context.viewer);
    parseId('residentId', input.residentId);
    const amount = requirePointsAmount(input.amount);
    const reason = requireReason(input.reason);
    const resident = await loadOpenResident(context, 'residentId', input.residentId, 'DEDUCT_POINTS');
    if (!mayRecordPoints(context.viewer, resident)) throw deductPointsOutOfScope();
    return appendPointsEntry(context.models.PointsEntry, {
      residentId: resident._id,
      amount: -amount,
      source: 'DEDUCTION',
      reason,
      recordedBy: context.viewer.subject!,
      at: context.clock.now(),
      organisationPath: resident.organisationPath,
      eventId: null,
      eventKind: null,
    });
  },
};
