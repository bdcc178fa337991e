import DataLoader from 'dataloader';

/**
 * Gathers what a request's resolvers hand in within one tick (as a DataLoader gathers keys) and
 * writes it all with one call to `write`. Each caller's promise settles once that write has, so a
 * resolver that awaits it answers only after its item is stored, and a failed write fails every
 * resolver of the batch rather than letting one answer go out unrecorded.
 */
export function batchedWriter<T>(write: (items: readonly T[]) => Promise<void>): (item: T) => Promise<void> {
  const loader = new DataLoader<T, null>(
    async (items) => {
      await write(items);
      return items.map(() => null);
    },
    { cache: false },
  );
  return async (item) => {
    await loader.load(item);
  };
}
