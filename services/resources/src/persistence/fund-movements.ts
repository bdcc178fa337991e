import { setTimeout as pause } from 'node:timers/promises';
import { isDuplicateKeyError } from '@civic/service-kit';
import type { Types } from 'mongoose';
import type { Models } from '../models/index.ts';
import type { LedgerEntryDocument } from '../models/ledger-entry.ts';
import { balanceAfterMovement, isAbandoned } from '../domain/fund-rules.ts';

/**
 * Money moves only with its ledger entry, without transactions:
 * 1. read the fund: its balance, `ledgerSequence` n and `ledgerEpoch` e;
 * 2. write the entry at (fund, n+1) with epoch e; a unique index gives that place to one movement;
 * 3. apply it: `$inc` the balance and the sequence, conditional on { sequence n, epoch e, balance
 *    never below zero }. When the fund moved first, the entry is deleted and the movement retried.
 * The ledger as read is entries 1..ledgerSequence, and balance and sequence change in one update,
 * so a crash at any point leaves either the whole movement or an entry at n+1 nobody reads. The
 * next movement finds that entry in its place: while young it may be under way (wait); once older
 * than the lease it is revoked by raising the epoch (it can never apply after that) and deleted.
 */

export interface MovementDraft {
  /** A disbursement's id for its payment, so that retries pay once; a new id for a deposit. */
  _id: Types.ObjectId;
  kind: LedgerEntryDocument['kind'];
  /** Signed: positive in, negative out. */
  amountFen: number;
  note: string;
  recordedBy: string;
}

export type MovementOutcome = { recorded: LedgerEntryDocument } | { refused: 'NOT_A_FUND' | 'INSUFFICIENT_BALANCE' | 'BUSY' };

interface FundState {
  _id: Types.ObjectId;
  balanceFen: number;
  ledgerSequence: number;
  ledgerEpoch: number;
}

const FUND_STATE = { balanceFen: 1, ledgerSequence: 1, ledgerEpoch: 1 } as const;
// Each lost race means another movement of the fund went through; these bound a busy fund's queue.
const MAX_ATTEMPTS = 200;
const WAIT_MS = 5;

export async function recordMovement(models: Models, fundId: Types.ObjectId, draft: MovementDraft, now: Date): Promise<MovementOutcome> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const fund = await models.Resource.findOne({ _id: fundId, kind: 'FUND' }, FUND_STATE).lean<FundState>();
    if (!fund) return { refused: 'NOT_A_FUND' };
    const balanceAfterFen = balanceAfterMovement(fund.balanceFen, draft.amountFen);
    if (balanceAfterFen === null) {
      // A resumed approval may find its own payment already made by the attempt that died.
      const earlier = await appliedEntry(models, fund, draft._id);
      return earlier ? { recorded: earlier } : { refused: 'INSUFFICIENT_BALANCE' };
    }
    const entry: LedgerEntryDocument = { ...draft, fundId, sequence: fund.ledgerSequence + 1, epoch: fund.ledgerEpoch, balanceAfterFen, recordedAt: now };
    if (await takePlace(models, entry)) {
      if (await apply(models, fund, entry)) return { recorded: entry };
      await models.LedgerEntry.deleteOne({ _id: entry._id, sequence: entry.sequence, epoch: entry.epoch });
      continue;
    }
    const held = await placeHeld(models, fund, draft._id, now);
    if (held === 'WAIT') await pause(WAIT_MS + Math.random() * WAIT_MS);
    else if (held !== 'RETRY') return { recorded: held };
  }
  return { refused: 'BUSY' };
}

/** The entry with this id when the fund has applied it. */
export async function appliedEntry(models: Models, fund: FundState, entryId: Types.ObjectId): Promise<LedgerEntryDocument | null> {
  const entry = await models.LedgerEntry.findOne({ _id: entryId, fundId: fund._id, sequence: { $lte: fund.ledgerSequence } }).lean<LedgerEntryDocument>();
  return entry ?? null;
}

async function takePlace(models: Models, entry: LedgerEntryDocument): Promise<boolean> {
  try {
    await models.LedgerEntry.create(entry);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

async function apply(models: Models, fund: FundState, entry: LedgerEntryDocument): Promise<boolean> {
  const { modifiedCount } = await models.Resource.updateOne(
    { _id: fund._id, ledgerSequence: fund.ledgerSequence, ledgerEpoch: fund.ledgerEpoch, balanceFen: { $gte: Math.max(0, -entry.amountFen) } },
    { $inc: { balanceFen: entry.amountFen, ledgerSequence: 1 } },
  );
  return modifiedCount === 1;
}

/**
 * The fund's next place is taken, or this movement's own id already has an entry: it is this
 * movement's payment, applied before (done); another movement under way (wait); or an abandoned
 * one, revoked and cleared here (retry).
 */
async function placeHeld(models: Models, fund: FundState, ownId: Types.ObjectId, now: Date): Promise<LedgerEntryDocument | 'WAIT' | 'RETRY'> {
  const next = fund.ledgerSequence + 1;
  const entries = await models.LedgerEntry.find({ $or: [{ _id: ownId }, { fundId: fund._id, sequence: next }] }).lean<LedgerEntryDocument[]>();
  const own = entries.find((entry) => entry._id.equals(ownId) && entry.fundId.equals(fund._id) && entry.sequence <= fund.ledgerSequence);
  if (own) return own;
  const holder = entries.find((entry) => entry.fundId.equals(fund._id) && entry.sequence === next);
  if (!holder) return 'RETRY';
  if (!isAbandoned(holder.recordedAt, now)) return 'WAIT';
  // Raise the epoch while the fund still stands at n: the holder, written under an older epoch,
  // can then never apply. If the fund moved instead, the holder may have applied: leave it.
  const revoked =
    holder.epoch < fund.ledgerEpoch ||
    (await models.Resource.updateOne({ _id: fund._id, ledgerSequence: fund.ledgerSequence, ledgerEpoch: holder.epoch }, { $inc: { ledgerEpoch: 1 } })).modifiedCount === 1;
  if (revoked) await models.LedgerEntry.deleteOne({ _id: holder._id, sequence: holder.sequence, epoch: holder.epoch });
  return 'RETRY';
}
