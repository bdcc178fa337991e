import { Types, type ClientSession, type mongo } from 'mongoose';
import type { Models } from '../models/index.ts';
import { scorecardChange, type RollupIncrement, type ScoredWish } from '../domain/scorecard-contribution.ts';

/**
 * Moves the scorecard rollups by a wish's change, in the change's own transaction: the rollups
 * always agree with the wishes they count, and a change that loses its race moves nothing. Each
 * rollup is one upsert of `$inc`s, so concurrent changes of one unit's wishes add up (two that
 * meet on a rollup are a write conflict, and the transaction runs again).
 */
export async function recordScorecardChange(models: Models, session: ClientSession, before: ScoredWish | null, after: ScoredWish | null): Promise<void> {
  const increments = scorecardChange(before, after);
  if (increments.length === 0) return;
  // The paths are computed, not user input: the driver's collection writes them as they are.
  await models.ScorecardRollup.collection.bulkWrite(increments.map(rollupUpsert), { ordered: true, session });
}

function rollupUpsert({ key, amounts, labels }: RollupIncrement): mongo.AnyBulkWriteOperation {
  return {
    updateOne: {
      filter: { side: key.side, unitId: new Types.ObjectId(key.unitId), month: key.month },
      update: { $inc: Object.fromEntries(amounts), ...(labels.size > 0 ? { $set: Object.fromEntries(labels) } : {}) },
      upsert: true,
    },
  };
}
