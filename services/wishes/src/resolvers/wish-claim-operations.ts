import { Types } from 'mongoose';
import { hexIds, toObjectIds, signedInSubject } from '@civic/service-kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { claimLevelAt, claimRefusal } from '../domain/claiming.ts';
import { organisationClaimant } from '../graph/organisations.ts';
import { residentClaimant } from '../graph/residents.ts';
import { requireClaimant } from '../authorisation.ts';
import { claimRefused, handBackWishOfAnotherClaimant } from '../errors.ts';
import { changeWish, planSteps } from '../persistence/wish-changes.ts';
import { loadWish, noteText } from '../inputs/wish-input.ts';
import { openingForClaims } from './publication.ts';

/** Claiming a micro-wish and handing it back. */
export const wishClaimMutations: MutationResolvers = {
  claimWish: async (_parent, { id, asOrganisationId }, { viewer, graph, loaders, models, clock }) => {
    const wish = await loadWish(loaders, id);
    const now = clock.now();
    const actor = signedInSubject(viewer);
    planSteps(wish, { steps: [{ action: 'CLAIM' }], actor, at: now });
    const claimant = asOrganisationId ? await organisationClaimant(graph, viewer, asOrganisationId) : await residentClaimant(graph, viewer);
    const level = claimLevelAt(wish.openedAt ?? wish.createdAt, now, await loaders.claimWindows.load(wish.communityId.toHexString()));
    const target = { requesterId: wish.requesterId.toHexString(), organisationPath: hexIds(wish.organisationPath), gridClaimantIds: hexIds(wish.gridClaimantIds) };
    const refusal = claimRefusal(target, claimant, level);
    if (refusal) throw claimRefused(refusal);
    // Conditional on the version read: of many concurrent claims exactly one wins, the rest get CONFLICT.
    return changeWish(models, wish, {
      steps: [{ action: 'CLAIM', note: claimant.kind === 'ORGANISATION' ? claimant.id : null }],
      actor,
      at: now,
      set: {
        claimantKind: claimant.kind,
        claimantId: new Types.ObjectId(claimant.id),
        claimantPath: toObjectIds(claimant.path),
        takenAt: now,
      },
    });
  },

  handBackWish: async (_parent, { id, reason }, context) => {
    const { viewer, loaders, models, clock } = context;
    const note = noteText('reason', reason);
    const wish = await loadWish(loaders, id);
    requireClaimant(viewer, wish, handBackWishOfAnotherClaimant);
    const now = clock.now();
    const actor = signedInSubject(viewer);
    planSteps(wish, { steps: [{ action: 'HAND_BACK' }], actor, at: now });
    // Open again to the micro-grid's claimants of today, and the claim windows count afresh from now.
    return changeWish(models, wish, {
      steps: [{ action: 'HAND_BACK', note }],
      actor,
      at: now,
      set: { claimantKind: null, claimantId: null, claimantPath: [], servedBy: [], takenAt: null, ...(await openingForClaims(wish, now, context)) },
    });
  },
};
