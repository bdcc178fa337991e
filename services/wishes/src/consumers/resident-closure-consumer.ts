import type { EventConsumer } from '@civic/events';
import { closedResidentOf, type SubgraphServices } from '@civic/service-kit';
import { Types } from 'mongoose';
import type { Models } from '../models/index.ts';
import { wishWithoutResident } from '../domain/resident-closure.ts';
import { SCORED_WISH_FIELDS, type ScoredWish } from '../domain/scorecard-contribution.ts';
import { recordScorecardChange } from '../persistence/scorecard-rollups.ts';

export const RESIDENT_CLOSURE_CONSUMER = 'wishes-resident-closure';

/**
 * A closed account leaves every wish it took part in with its shape and without the person
 * (domain/resident-closure.ts): as requester, claimant, one who served, a grid's possible claimant,
 * or an actor on the timeline. Each wish is rewritten on the version it was read in, so a change
 * made meanwhile is a conflict and the event applies again on the new version.
 *
 * A resident claimant's wishes move to the stand-in in the scorecard rollups too, and the
 * resident's own rollups, left at zero, go.
 *
 * Timeline actors, servedBy and the grid's claimants have no index of their own, so this reads
 * the collection through; a closure is rare, and it runs off any request's path.
 */
export const residentClosureConsumer: EventConsumer<SubgraphServices<Models>> = {
  name: RESIDENT_CLOSURE_CONSUMER,
  kinds: ['resident.closed'],
  async apply(event, { models }, session) {
    const residentId = closedResidentOf(event);
    const actor = { $regex: `(^|:)${residentId.toHexString()}$` };
    const wishes = await models.Wish.find(
      { $or: [{ requesterId: residentId }, { claimantId: residentId }, { servedBy: residentId }, { gridClaimantIds: residentId }, { recordedBy: actor }, { 'timeline.actor': actor }] },
      { ...SCORED_WISH_FIELDS, requesterId: 1, description: 1, recordedBy: 1, claimantKind: 1, servedBy: 1, gridClaimantIds: 1, closedAccountIds: 1, version: 1 },
      { session },
    ).lean();
    for (const wish of wishes) {
      const update = wishWithoutResident(wish, residentId, new Types.ObjectId());
      if (!update) continue;
      const { matchedCount } = await models.Wish.updateOne({ _id: wish._id, version: wish.version }, { $set: update, $inc: { version: 1 } }, { session });
      if (matchedCount === 0) throw new Error(`wish ${wish._id.toHexString()} changed while its closed resident was removed`);
      await recordScorecardChange(models, session, wish as ScoredWish, { ...wish, ...update } as ScoredWish);
    }
    await models.ScorecardRollup.deleteMany({ side: 'CLAIMANT', unitId: residentId }, { session });
  },
};
