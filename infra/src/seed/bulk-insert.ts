import type { Model } from 'mongoose';
import { collectionProgress } from './progress.ts';

export const BATCH_SIZE = 2_000;

/**
 * Inserts documents in batches of BATCH_SIZE, unordered and lean (the generator already built
 * them as the service stores them, so mongoose need not cast or validate them again). A bar
 * shows progress for collections larger than one batch. Returns the seconds it took.
 */
export async function insertInBatches<T>(model: Model<T>, documents: readonly T[], showProgress: boolean): Promise<number> {
  const started = Date.now();
  const progress = collectionProgress(showProgress && documents.length > BATCH_SIZE, model.collection.collectionName, documents.length);
  for (let start = 0; start < documents.length; start += BATCH_SIZE) {
    const batch = documents.slice(start, start + BATCH_SIZE);
    await model.insertMany(batch, { ordered: false, lean: true });
    progress.advance(batch.length);
  }
  progress.done();
  return (Date.now() - started) / 1000;
}
