import type { PointsAccountResolvers } from '../generated/resolvers-types.ts';

/** Reached only through Resident.points, which is null for viewers who may not read the resident's facts. */
export const PointsAccount: PointsAccountResolvers = {
  balance: (account, _args, context) => context.loaders.pointsBalance.load(account.residentId),
  entries: (account, { first, after }, context) => context.loaders.pointsEntriesByResident.load({ parentId: account.residentId, first, after }),
};
