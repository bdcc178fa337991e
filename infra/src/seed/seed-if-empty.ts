import { DEFAULT_DATABASE_PREFIX, existingRecords, openSeedDatabases } from './databases.ts';
import { seconds, seed } from './seed.ts';
import { countCollections, readSampleIds, type SeedSummary } from './summary.ts';

/**
 * `npm start`'s sample data: seeds the street scale into empty databases; when data is already
 * there it is left alone and the same summary is read back from it.
 */
export async function seedIfEmpty(uri: string, log: (line: string) => void, options: { databasePrefix?: string } = {}): Promise<SeedSummary> {
  const started = Date.now();
  const databasePrefix = options.databasePrefix ?? DEFAULT_DATABASE_PREFIX;
  const databases = await openSeedDatabases(uri, databasePrefix);
  try {
    const existing = await existingRecords(databases);
    if (existing.organisations > 0 || existing.residents > 0) {
      log(`sample data: already there (${existing.organisations} organisations, ${existing.residents} residents)`);
      return {
        scale: null,
        seeded: false,
        databases: databases.names,
        counts: await countCollections(databases),
        insertSeconds: {},
        elapsedMs: Date.now() - started,
        ...(await readSampleIds(databases)),
      };
    }
  } finally {
    await databases.close();
  }
  log('sample data: none yet; seeding one street (江心洲街道)');
  const summary = await seed(uri, { scale: 'street', databasePrefix, log: (line) => log(`sample data: ${line}`) });
  log(`sample data: ${summary.counts.residents} residents in ${summary.counts.households} households, ${summary.counts.organisations} organisations, in ${seconds(summary.elapsedMs)} s`);
  return summary;
}
