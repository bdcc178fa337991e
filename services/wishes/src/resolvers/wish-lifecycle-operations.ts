import { Types } from 'mongoose';
import { isStaff } from '@civic/identity';
import { parseId, requireIntInRange, requireSignedIn, toObjectIds, signedInSubject, staffCovers, unknownId } from '@civic/service-kit';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { TEXT_LIMITS } from '../domain/vocabulary.ts';
import { fetchGrid } from '../graph/organisations.ts';
import { fetchResident } from '../graph/residents.ts';
import { isRequester, requireManager, requireRequesterOrStaff } from '../authorisation.ts';
import { changeWish } from '../persistence/wish-changes.ts';
import { submittedWish } from '../persistence/submitted-wish.ts';
import { publication } from './publication.ts';
import { loadWish, noteText, optionalNote, wishText } from '../inputs/wish-input.ts';
import {
  confirmOthersWish,
  gridInAnotherCommunity,
  publishOutOfScope,
  recordForSomeoneElse,
  recordInAnotherCommunity,
  rejectOutOfScope,
  reopenOthersWish,
  submitWithoutResidentRecord,
  withdrawOthersWish,
} from '../errors.ts';

/** Submission, publication or rejection, withdrawal, and the requester's feedback. */
export const wishLifecycleMutations: MutationResolvers = {
  submitWish: async (_parent, { input }, { viewer, graph, models, clock }) => {
    requireSignedIn(viewer);
    const text = wishText(input);
    const communityId = parseId('communityId', input.communityId);
    const gridId = parseId('gridId', input.gridId);
    const requesterId = input.requesterId ? parseId('requesterId', input.requesterId) : null;
    if (!requesterId && !viewer.residentId) throw submitWithoutResidentRecord();
    if (requesterId && !isStaff(viewer)) throw recordForSomeoneElse();

    // The grid must belong to the community: asked of the organisations department, not its database.
    const grid = await fetchGrid(graph, gridId.toHexString());
    if (!grid) throw unknownId('gridId', 'grid');
    if (grid.community.id !== communityId.toHexString()) throw gridInAnotherCommunity();
    if (requesterId) {
      if (!staffCovers(viewer, grid.organisationPath)) throw recordInAnotherCommunity();
      if (!(await fetchResident(graph, requesterId.toHexString()))) throw unknownId('requesterId', 'resident');
    }

    const now = clock.now();
    const actor = signedInSubject(viewer);
    const wish = submittedWish({
      _id: new Types.ObjectId(),
      kind: input.kind,
      category: input.category,
      ...text,
      urgency: input.urgency ?? 'NORMAL',
      channel: input.channel,
      requesterId: requesterId ?? new Types.ObjectId(viewer.residentId!),
      recordedBy: actor,
      communityId,
      gridId,
      organisationPath: toObjectIds(grid.organisationPath),
      submittedAt: now,
    });
    await models.Wish.create(wish);
    return wish;
  },

  publishWish: async (_parent, { id }, context) => {
    const wish = await loadWish(context.loaders, id);
    requireManager(context.viewer, wish.organisationPath, publishOutOfScope);
    const now = context.clock.now();
    const change = await publication(wish, now, context);
    return changeWish(context.models, wish, { ...change, actor: signedInSubject(context.viewer), at: now });
  },

  rejectWish: async (_parent, { id, reason }, { viewer, loaders, models, clock }) => {
    const rejectionReason = noteText('reason', reason);
    const wish = await loadWish(loaders, id);
    requireManager(viewer, wish.organisationPath, rejectOutOfScope);
    return changeWish(models, wish, { steps: [{ action: 'REJECT', note: rejectionReason }], actor: signedInSubject(viewer), at: clock.now(), set: { rejectionReason } });
  },

  withdrawWish: async (_parent, { id }, { viewer, loaders, models, clock }) => {
    requireSignedIn(viewer);
    const wish = await loadWish(loaders, id);
    if (!isRequester(viewer, wish)) throw withdrawOthersWish();
    return changeWish(models, wish, { steps: [{ action: 'WITHDRAW' }], actor: signedInSubject(viewer), at: clock.now(), set: { openedAt: null } });
  },

  confirmWish: async (_parent, { id, rating, comment }, { viewer, loaders, models, clock }) => {
    const score = requireIntInRange('rating', rating, 1, 5);
    const remark = optionalNote('comment', comment, TEXT_LIMITS.comment);
    const wish = await loadWish(loaders, id);
    requireRequesterOrStaff(viewer, wish, confirmOthersWish);
    const now = clock.now();
    return changeWish(models, wish, {
      steps: [{ action: 'CONFIRM', note: remark }],
      actor: signedInSubject(viewer),
      at: now,
      set: { feedback: { rating: score, comment: remark, automatic: false, at: now }, autoConfirmAt: null },
    });
  },

  reopenWish: async (_parent, { id, reason }, { viewer, loaders, models, clock }) => {
    const note = noteText('reason', reason);
    const wish = await loadWish(loaders, id);
    requireRequesterOrStaff(viewer, wish, reopenOthersWish);
    return changeWish(models, wish, {
      steps: [{ action: 'REOPEN', note }],
      actor: signedInSubject(viewer),
      at: clock.now(),
      set: { completedAt: null, closedOnTime: null, autoConfirmAt: null, outcome: null },
    });
  },
};
