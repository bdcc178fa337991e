import { isDuplicateKeyError } from '@civic/service-kit';
import type { ClientSession, Model, Types } from 'mongoose';
import { EMPTY_LEDGER, nextLedgerHead, type LedgerHead } from '../domain/points.ts';
import type { PointsEntryDocument } from '../models/index.ts';
import { pointsLedgerBusy } from '../errors.ts';

export type NewPointsEntry = Omit<PointsEntryDocument, '_id' | 'sequence' | 'balanceAfter'>;

// Each round of concurrent appends lets exactly one through; this bounds how long a caller waits.
const MAX_APPEND_ATTEMPTS = 60;

/**
 * Appends an entry after the resident's latest one. The unique (residentId, sequence) index admits
 * one entry per sequence number, so two appends computed from the same head cannot both land: the
 * loser re-reads the head and checks the balance rule again (optimistic concurrency).
 */
export async function appendPointsEntry(model: Model<PointsEntryDocument>, entry: NewPointsEntry): Promise<PointsEntryDocument> {
  for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
    try {
      return await appendOnce(model, entry, null);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // Spread the retries so that the next round has fewer collisions.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 4 * attempt));
    }
  }
  throw pointsLedgerBusy();
}

/**
 * Appends an entry inside `session`'s transaction, after the head its snapshot sees. Another
 * append to the same resident committed since is a write conflict on (residentId, sequence): the
 * driver runs the whole transaction again, which reads the new head (and everything else) afresh.
 */
export function appendPointsEntryInTransaction(model: Model<PointsEntryDocument>, entry: NewPointsEntry, session: ClientSession): Promise<PointsEntryDocument> {
  if (!session.inTransaction()) throw new Error('appendPointsEntryInTransaction needs a transaction');
  return appendOnce(model, entry, session);
}

async function appendOnce(model: Model<PointsEntryDocument>, entry: NewPointsEntry, session: ClientSession | null): Promise<PointsEntryDocument> {
  const head = nextLedgerHead(await ledgerHead(model, entry.residentId, session), entry.amount);
  const [created] = await model.create([{ ...entry, ...head }], { session });
  return created!.toObject() as PointsEntryDocument;
}

async function ledgerHead(model: Model<PointsEntryDocument>, residentId: Types.ObjectId, session: ClientSession | null): Promise<LedgerHead> {
  const latest = await model.findOne({ residentId }, { sequence: 1, balanceAfter: 1 }, { session }).sort({ sequence: -1 }).lean();
  return latest ? { sequence: latest.sequence, balanceAfter: latest.balanceAfter } : EMPTY_LEDGER;
}
