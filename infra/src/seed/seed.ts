import type { Model } from 'mongoose';
import { insertInBatches } from './bulk-insert.ts';
import { DEFAULT_DATABASE_PREFIX, existingRecords, openSeedDatabases, type SeedDatabases } from './databases.ts';
import { PLANS, type Scale } from './plan.ts';
import { generateSeedData, type SeedCollection } from './seed-data.ts';
import { readSampleIds, type SeedSummary } from './summary.ts';

export interface SeedOptions {
  /** `street` (default, ~3,400 residents) or `district` (~200,000). */
  scale?: Scale;
  /** Databases are `<prefix><service>`, e.g. `civic_residents`; `civic_` by default. */
  databasePrefix?: string;
  log?: (line: string) => void;
  /** Progress bars with insert rates on stderr. */
  progress?: boolean;
  /** Drop both databases first; without it, a seed refuses to write where data already is. */
  reset?: boolean;
  /** The seed day activities and posts are laid out around; today by default. */
  now?: Date;
  /** Where the services' models find their keys (residents' PII keys); this process's environment by default. */
  environment?: NodeJS.ProcessEnv;
}

/** A seed refused because the databases already hold data. */
export class SeedRefusedError extends Error {}

/**
 * Fills every service's database with deterministic sample data: each service's indexes first,
 * then the records, generated collection by collection and bulk-inserted into each service's own
 * collections as they are generated.
 */
export async function seed(uri: string, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = Date.now();
  const scale = options.scale ?? 'street';
  const log = options.log ?? (() => {});
  const databases = await openSeedDatabases(uri, options.databasePrefix ?? DEFAULT_DATABASE_PREFIX, options.environment);
  try {
    if (options.reset) {
      await databases.drop();
      log(`dropped ${Object.values(databases.names).join(', ')}`);
    } else {
      const existing = await existingRecords(databases);
      if (existing.organisations > 0 || existing.residents > 0) {
        throw new SeedRefusedError(
          `${databases.names.organisations} / ${databases.names.residents} already hold ${existing.organisations} organisations and ${existing.residents} residents; ` +
            'run `npm run seed -- --reset` to replace them',
        );
      }
    }

    // Indexes before the data, as the services declare them: each insert then writes its index
    // entries in its own bounded transaction. Built afterwards, one index over a million wishes is
    // a single transaction far larger than the server's cache. A unique index refuses a duplicate
    // insert, so it checks the generator all the same.
    const indexing = Date.now();
    await databases.buildIndexes();
    log(`built the indexes in ${seconds(Date.now() - indexing)} s`);

    log(`generating the ${scale} scale and inserting it into ${Object.values(databases.names).join(', ')}`);
    const inserting = Date.now();
    const counts: Record<string, number> = {};
    const insertSeconds: Record<string, number> = {};
    for (const records of generateSeedData(PLANS[scale], options.now ?? new Date())) {
      const model = modelOf(databases, records);
      insertSeconds[model.collection.collectionName] = await insertInBatches(model, records, options.progress ?? false);
      counts[model.collection.collectionName] = records.count;
    }
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    log(`inserted ${total.toLocaleString('en-US')} records in ${seconds(Date.now() - inserting)} s`);

    return {
      scale,
      seeded: true,
      databases: databases.names,
      counts,
      insertSeconds,
      elapsedMs: Date.now() - started,
      ...(await readSampleIds(databases)),
    };
  } finally {
    await databases.close();
  }
}

/** The service's own model for a generated collection. */
function modelOf(databases: SeedDatabases, records: SeedCollection): Model<unknown> {
  const model = (databases[records.service] as unknown as Record<string, Model<unknown>>)[records.model];
  if (!model) throw new Error(`seed: the ${records.service} service has no model ${records.model}`);
  return model;
}

export function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(1);
}
