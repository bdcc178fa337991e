import type { WishOutcomeResolvers } from '../generated/resolvers-types.ts';

/** A wish's outcome: its partners as Organisation references; it names no resident, so whoever reads the wish reads it. */
export const WishOutcome: WishOutcomeResolvers = {
  partners: (outcome) => outcome.partnerIds.map((id) => ({ id: id.toHexString() })),
};
