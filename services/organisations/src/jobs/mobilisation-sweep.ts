import { inTransaction, recordRequestEvents, returnUpdated } from '@civic/service-kit';
import type { QueryFilter, Types } from 'mongoose';
import type { Models } from '../models/index.ts';
import { MOBILISATION_FIELDS, type MobilisationDocument } from '../models/mobilisation.ts';
import { coverageOf } from '../domain/mobilisation-rules.ts';

/**
 * The mobilisation sweep: each OPEN mobilisation past its deadline (not at it) is marked OVERDUE,
 * with mobilisation.overdue for its community (a task in the community's inbox), in one
 * transaction each. Full coverage completes a mobilisation at the visit that makes it, so an OPEN
 * one past its deadline is short of it. The write is conditional on the status still being OPEN,
 * so a second run, another replica sweeping at once, or the last visit landing meanwhile tells
 * nothing twice. Runs for the whole instance, or one community.
 */

const BATCH = 200;

export interface MobilisationSweepResult {
  at: Date;
  overdue: number;
}

export async function sweepMobilisations(models: Models, now: Date, subtree: Types.ObjectId | null): Promise<MobilisationSweepResult> {
  const due: QueryFilter<MobilisationDocument> = { status: 'OPEN', deadline: { $lt: now }, ...(subtree ? { organisationPath: subtree } : {}) };
  let overdue = 0;
  let after: Types.ObjectId | null = null;
  for (;;) {
    const batch: MobilisationDocument[] = await models.Mobilisation.find(after ? { ...due, _id: { $gt: after } } : due, MOBILISATION_FIELDS)
      .sort({ _id: 1 })
      .limit(BATCH)
      .lean<MobilisationDocument[]>();
    for (const mobilisation of batch) if (await markOverdue(models, mobilisation, now)) overdue++;
    if (batch.length < BATCH) return { at: now, overdue };
    after = batch.at(-1)!._id;
  }
}

async function markOverdue(models: Models, mobilisation: MobilisationDocument, now: Date): Promise<boolean> {
  return inTransaction(models.Mobilisation.db, async (session) => {
    const marked = await models.Mobilisation.findOneAndUpdate({ _id: mobilisation._id, status: 'OPEN' }, { $set: { status: 'OVERDUE', overdueAt: now } }, { ...returnUpdated(MOBILISATION_FIELDS), session })
      .lean<MobilisationDocument>();
    if (!marked) return false;
    const coverage = coverageOf(marked.householdIds.length, marked.standings.map((standing) => ({ ...standing, householdId: standing.householdId.toHexString() })));
    const facts = {
      mobilisationId: marked._id.toHexString(),
      gridId: marked.gridId.toHexString(),
      communityId: marked.communityId.toHexString(),
      deadline: marked.deadline.toISOString(),
      unanswered: coverage.households - coverage.reached - coverage.refused,
    };
    await recordRequestEvents(models.Outbox, session, [{ kind: 'mobilisation.overdue', facts }], now);
    return true;
  });
}
