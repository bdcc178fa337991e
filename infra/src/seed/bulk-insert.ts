import type { Model } from 'mongoose';
import { collectionProgress } from './progress.ts';
import type { SeedCollection } from './seed-data.ts';

export const BATCH_SIZE = 2_000;
/** Two batches in flight: the server works on one while the next is on its way, so it never waits for the seed. */
export const BATCHES_IN_FLIGHT = 2;

/**
 * Inserts a collection's records in unordered batches, lean: the generator already shaped them as
 * the service stores them, so mongoose need not cast, validate or hydrate them again; the model's
 * insert middleware still runs (residents' seals phone and ID numbers). Chunks are generated as they are read, while earlier batches are being written. A bar
 * shows progress for collections larger than one batch. Returns the seconds it took.
 */
export async function insertInBatches(model: Model<unknown>, records: SeedCollection, showProgress: boolean): Promise<number> {
  const started = Date.now();
  const progress = collectionProgress(showProgress && records.count > BATCH_SIZE, model.collection.collectionName, records.count);
  const writing = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const write = (batch: readonly object[]) => {
    const written: Promise<void> = model
      .insertMany(batch as object[], { ordered: false, lean: true })
      .then(
        () => progress.advance(batch.length),
        (error: unknown) => {
          failure ??= { error };
        },
      )
      .finally(() => writing.delete(written));
    writing.add(written);
  };
  for (const chunk of records.chunks) {
    for (let start = 0; start < chunk.length && !failure; start += BATCH_SIZE) {
      write(chunk.slice(start, start + BATCH_SIZE));
      while (writing.size >= BATCHES_IN_FLIGHT) await Promise.race(writing);
    }
    if (failure) break;
  }
  await Promise.all(writing);
  progress.done();
  if (failure) throw failure.error;
  return (Date.now() - started) / 1000;
}
