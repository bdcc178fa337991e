import { inTransaction, isDuplicateKeyError } from '@civic/service-kit';
import { Types, type ClientSession } from 'mongoose';
import { refundDecision, spendDecision, type RecordedSpending, type SpendingRequest } from '../domain/points-spending.ts';
import type { Models, PointsSpendingDocument } from '../models/index.ts';
import { appendPointsEntryInTransaction, type NewPointsEntry } from './points-ledger.ts';
import { pointsLedgerBusy } from '../errors.ts';

/**
 * A spend or refund is one transaction: the spending's record (one per reference, its `_id`) and
 * its ledger entry commit together or not at all. Two writers of one reference, or two appends at
 * one ledger sequence, collide on a unique key; the loser runs again and reads what the winner
 * wrote, so a repeated spend answers the first and a refund racing its spend either gives the
 * points back or voids the reference before the spend lands.
 */

export interface SpendingWrite extends SpendingRequest {
  recordedBy: string;
  at: Date;
  /** The resident's, recorded on the ledger entry as on every entry. */
  organisationPath: Types.ObjectId[];
}

// Each round of colliding writers lets one through; this bounds how long a caller waits.
const MAX_ATTEMPTS = 60;

export function spendPoints(models: Models, write: SpendingWrite): Promise<PointsSpendingDocument> {
  return untilNoCollision(models, async (session) => {
    const recorded = await recordedSpending(models, write.reference, session);
    if (spendDecision(recorded && asRecorded(recorded), write) === 'ANSWER_RECORDED') return recorded!;
    const entry = await appendPointsEntryInTransaction(models.PointsEntry, { ...ledgerFields(write), amount: -write.points, source: 'SPENDING' }, session);
    const [created] = await models.PointsSpending.create(
      [{ ...spendingFields(write), status: 'SPENT', spentEntryId: entry._id, refundEntryId: null, closedAt: null } satisfies PointsSpendingDocument],
      { session },
    );
    return created!.toObject() as PointsSpendingDocument;
  });
}

export function refundPoints(models: Models, write: SpendingWrite): Promise<PointsSpendingDocument> {
  return untilNoCollision(models, async (session) => {
    const recorded = await recordedSpending(models, write.reference, session);
    const decision = refundDecision(recorded && asRecorded(recorded), write);
    if (decision === 'ANSWER_RECORDED') return recorded!;
    if (decision === 'VOID') {
      const [created] = await models.PointsSpending.create(
        [{ ...spendingFields(write), status: 'VOIDED', spentEntryId: null, refundEntryId: null, closedAt: write.at } satisfies PointsSpendingDocument],
        { session },
      );
      return created!.toObject() as PointsSpendingDocument;
    }
    const entry = await appendPointsEntryInTransaction(models.PointsEntry, { ...ledgerFields(write), amount: recorded!.points, source: 'REFUND' }, session);
    const refunded = await models.PointsSpending.findOneAndUpdate(
      { _id: write.reference, status: 'SPENT' },
      { $set: { status: 'REFUNDED', refundEntryId: entry._id, closedAt: write.at } },
      { returnDocument: 'after', session },
    ).lean<PointsSpendingDocument>();
    // Read and written in one snapshot: another refund of this reference is a write conflict, run again.
    return refunded!;
  });
}

async function untilNoCollision(models: Models, work: (session: ClientSession) => Promise<PointsSpendingDocument>): Promise<PointsSpendingDocument> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      return await inTransaction(models.PointsSpending.db, work);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // Spread the retries so that the next round has fewer collisions.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 4 * attempt));
    }
  }
  throw pointsLedgerBusy();
}

function recordedSpending(models: Models, reference: string, session: ClientSession): Promise<PointsSpendingDocument | null> {
  return models.PointsSpending.findById(reference).session(session).lean<PointsSpendingDocument>();
}

function asRecorded(spending: PointsSpendingDocument): RecordedSpending {
  return { residentId: spending.residentId.toHexString(), points: spending.points, status: spending.status };
}

function spendingFields(write: SpendingWrite) {
  return { _id: write.reference, residentId: new Types.ObjectId(write.residentId), points: write.points, recordedBy: write.recordedBy, at: write.at };
}

function ledgerFields(write: SpendingWrite): Omit<NewPointsEntry, 'amount' | 'source'> {
  const { reason, recordedBy, at, organisationPath } = write;
  return { residentId: new Types.ObjectId(write.residentId), reason, recordedBy, at, organisationPath, eventId: null, eventKind: null };
}
