import type { AnyBulkWriteOperation, Types } from 'mongoose';
import type { Models } from '../models/index.ts';
import type { WishDocument } from '../models/wish.ts';

const BATCH = 1000;

/**
 * Wishes written before handler histories were kept (`handlerIds`) get their handler of then, or
 * none, so that they count in their handlers' scorecards (the rollups are then built again). Who
 * handled an escalated request before its escalation was never stored, so only its current handler
 * can be given. Run at every start (SubgraphDefinition.backfill): `handlerIds: null` matches the
 * field missing and is answered from the index `{ handlerIds }`, so once done it finds nothing at once.
 */
export async function backfillHandlerHistory(models: Models): Promise<number> {
  let filled = 0;
  for (;;) {
    const batch = await models.Wish.find({ handlerIds: null }, { handlerId: 1 }).limit(BATCH).lean<Pick<WishDocument, '_id' | 'handlerId'>[]>();
    if (batch.length === 0) return filled;
    const updates: AnyBulkWriteOperation<WishDocument>[] = batch.map((wish) => ({
      updateOne: { filter: { _id: wish._id, handlerIds: null }, update: { $set: { handlerIds: handlerHistoryOf(wish.handlerId) } } },
    }));
    await models.Wish.bulkWrite(updates, { ordered: false });
    filled += batch.length;
  }
}

function handlerHistoryOf(handlerId: Types.ObjectId | null): Types.ObjectId[] {
  return handlerId ? [handlerId] : [];
}
