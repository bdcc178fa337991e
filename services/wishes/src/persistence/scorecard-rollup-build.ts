import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import type { Models } from '../models/index.ts';
import { SCORECARD_ROLLUP_BUILD_ID, SCORECARD_ROLLUP_RULES } from '../models/scorecard-rollup-build.ts';
import { rollupKeyText, SCORED_WISH_FIELDS, type ScoredWish } from '../domain/scorecard-contribution.ts';
import { ScorecardRollupTotals, type BuiltRollup } from '../domain/scorecard-rollup-totals.ts';

const BATCH = 2_000;

/**
 * A rollup as stored: the seed inserts these, and so does a build. Its id is derived from its key,
 * so that the seed's records stay the same from one run to the next.
 */
export function rollupDocument(rollup: BuiltRollup): Record<string, unknown> {
  const { side, unitId, month, fields } = rollup;
  const _id = new Types.ObjectId(createHash('sha256').update(rollupKeyText(rollup)).digest().subarray(0, 12));
  return { _id, side, unitId: new Types.ObjectId(unitId), month, ...fields };
}

export function rollupBuildDocument(wishes: number, at: Date) {
  return { _id: SCORECARD_ROLLUP_BUILD_ID, builtAt: at, wishes, rules: SCORECARD_ROLLUP_RULES };
}

/**
 * Builds the scorecard rollups from every stored wish when they were never built (a database
 * from before rollups, or one whose first wishes came through changes), were built by older rules,
 * or when `wishesChanged` (a backfill just rewrote wishes outside their changes): the old rollups
 * go, the wishes are read through once, and the build is marked done last. Run at start, before
 * the service answers, so no change runs meanwhile. Returns the wishes read, or null when the
 * rollups were already built.
 */
export async function buildScorecardRollups(models: Models, { wishesChanged, now }: { wishesChanged: boolean; now: Date }): Promise<number | null> {
  if (!wishesChanged && (await models.ScorecardRollupBuild.exists({ _id: SCORECARD_ROLLUP_BUILD_ID, rules: SCORECARD_ROLLUP_RULES }))) return null;
  // A database without wishes has nothing to build: the seed that fills it writes its rollups and
  // the build, or the changes of its first wishes write their rollups and the next start checks them.
  if (!(await models.Wish.exists({}))) return 0;
  await models.ScorecardRollupBuild.deleteOne({ _id: SCORECARD_ROLLUP_BUILD_ID });
  await models.ScorecardRollup.deleteMany({});
  const totals = new ScorecardRollupTotals();
  for await (const wish of models.Wish.find({}, SCORED_WISH_FIELDS).lean<ScoredWish>().cursor({ batchSize: BATCH })) totals.add(wish);
  let batch: Record<string, unknown>[] = [];
  for (const rollup of totals.built()) {
    batch.push(rollupDocument(rollup));
    if (batch.length === BATCH) {
      await models.ScorecardRollup.collection.insertMany(batch, { ordered: false });
      batch = [];
    }
  }
  if (batch.length > 0) await models.ScorecardRollup.collection.insertMany(batch, { ordered: false });
  await models.ScorecardRollupBuild.create(rollupBuildDocument(totals.wishes, now));
  return totals.wishes;
}
