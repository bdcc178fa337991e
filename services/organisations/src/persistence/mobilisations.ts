import { inTransaction, isDuplicateKeyOn, recordRequestEvents, returnUpdated } from '@civic/service-kit';
import { Types, type ClientSession } from 'mongoose';
import type { Models } from '../models/index.ts';
import { MOBILISATION_FIELDS, ONE_ACTIVE_MOBILISATION_PER_GRID, type MobilisationDocument } from '../models/mobilisation.ts';
import type { HouseholdVisitDocument } from '../models/household-visit.ts';
import { ACTIVE_STATUSES, coverageOf, isActive, isFullyCovered, withVisit, type VisitOutcome } from '../domain/mobilisation-rules.ts';
import { mobilisationAlreadyActive, mobilisationNotActive } from '../errors.ts';

/**
 * Writes of mobilisations: each with its events, through the outbox, in one transaction. Visits of
 * one mobilisation all rewrite its document, so racing visitors' transactions conflict and the
 * driver runs the loser again on what the winner wrote: no visit's standing is lost.
 */

const eventIds = (mobilisation: MobilisationDocument) => ({
  mobilisationId: mobilisation._id.toHexString(),
  gridId: mobilisation.gridId.toHexString(),
  communityId: mobilisation.communityId.toHexString(),
});

/** Starts it, or CONFLICT when the grid has an active mobilisation (the unique index decides a race). */
export async function startMobilisation(models: Models, mobilisation: MobilisationDocument): Promise<MobilisationDocument> {
  try {
    await inTransaction(models.Mobilisation.db, async (session) => {
      await models.Mobilisation.create([mobilisation], { session });
      const facts = { ...eventIds(mobilisation), deadline: mobilisation.deadline.toISOString(), households: mobilisation.householdIds.length };
      await recordRequestEvents(models.Outbox, session, [{ kind: 'mobilisation.started', facts }], mobilisation.startedAt);
    });
    return mobilisation;
  } catch (error) {
    if (isDuplicateKeyOn(error, ONE_ACTIVE_MOBILISATION_PER_GRID)) throw mobilisationAlreadyActive();
    throw error;
  }
}

export interface VisitRecord {
  householdId: Types.ObjectId;
  outcome: VisitOutcome;
  at: Date;
  note: string | null;
  recordedById: Types.ObjectId | null;
}

/**
 * Keeps the visit and rewrites the household's standing (when the visit is not older than it) and
 * the status: COMPLETED at full coverage. INVALID_TRANSITION, with nothing written, when the
 * mobilisation took its last visit meanwhile. Returns the mobilisation as it now stands.
 */
export async function recordVisit(models: Models, mobilisationId: Types.ObjectId, visit: VisitRecord, now: Date): Promise<MobilisationDocument> {
  return inTransaction(models.Mobilisation.db, async (session) => {
    const current = await models.Mobilisation.findById(mobilisationId, MOBILISATION_FIELDS, { session }).lean<MobilisationDocument>().orFail();
    if (!isActive(current.status)) throw mobilisationNotActive(current.status, 'recordHouseholdVisit');
    const document: HouseholdVisitDocument = { _id: new Types.ObjectId(), mobilisationId, ...visit, recordedAt: now, anonymisedAt: null };
    await models.HouseholdVisit.create([document], { session });

    const standings = withVisit(
      current.standings.map((standing) => ({ ...standing, householdId: standing.householdId.toHexString() })),
      { householdId: visit.householdId.toHexString(), outcome: visit.outcome, at: visit.at },
    );
    const completed = isFullyCovered(coverageOf(current.householdIds.length, standings));
    const update = {
      standings: standings.map((standing) => ({ ...standing, householdId: new Types.ObjectId(standing.householdId) })),
      ...(completed ? { status: 'COMPLETED' as const, completedAt: now, activeGridId: null } : {}),
    };
    const updated = await models.Mobilisation.findOneAndUpdate({ _id: mobilisationId, status: current.status }, { $set: update }, { ...returnUpdated(MOBILISATION_FIELDS), session })
      .lean<MobilisationDocument>()
      .orFail();

    const ids = eventIds(updated);
    await recordRequestEvents(models.Outbox, session, [{ kind: 'mobilisation.householdVisited', facts: { ...ids, visitId: document._id.toHexString() } }], now);
    if (completed) await recordRequestEvents(models.Outbox, session, [{ kind: 'mobilisation.completed', facts: ids }], now);
    return updated;
  });
}

/** Closes an active mobilisation; INVALID_TRANSITION, with nothing written, for one already completed or closed. */
export async function closeMobilisation(models: Models, mobilisationId: Types.ObjectId, now: Date): Promise<MobilisationDocument> {
  return inTransaction(models.Mobilisation.db, async (session) => {
    const closed = await models.Mobilisation.findOneAndUpdate(
      { _id: mobilisationId, status: { $in: ACTIVE_STATUSES } },
      { $set: { status: 'CLOSED', closedAt: now, activeGridId: null } },
      { ...returnUpdated(MOBILISATION_FIELDS), session },
    ).lean<MobilisationDocument>();
    if (!closed) throw await refusalOf(models, mobilisationId, session);
    await recordRequestEvents(models.Outbox, session, [{ kind: 'mobilisation.closed', facts: eventIds(closed) }], now);
    return closed;
  });
}

async function refusalOf(models: Models, mobilisationId: Types.ObjectId, session: ClientSession) {
  const { status } = await models.Mobilisation.findById(mobilisationId, { status: 1 }, { session }).lean<Pick<MobilisationDocument, 'status'>>().orFail();
  return mobilisationNotActive(status, 'closeMobilisation');
}
