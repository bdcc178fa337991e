import type { PointsAccountResolvers } from '../generated/resolvers-types.ts';

/** The balance is open to any signed-in viewer (points rank people); the lines only to those who see PII. */
export const PointsAccount: PointsAccountResolvers = {
  balance: (account, _args, context) => context.loaders.pointsBalance.load(account.residentId),
  entries: (account, { first, after }, context) =>
    account.entriesVisible ? context.loaders.pointsEntriesByResident.load({ parentId: account.residentId, first, after }) : null,
};
