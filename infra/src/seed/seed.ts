import type { Model } from 'mongoose';
import { insertInBatches } from './bulk-insert.ts';
import { DEFAULT_DATABASE_PREFIX, existingRecords, openSeedDatabases, type SeedDatabases } from './databases.ts';
import { PLANS, type Scale } from './plan.ts';
import { generateSeedData, type SeedData } from './seed-data.ts';
import { readSampleIds, type SeedSummary } from './summary.ts';
import { SEEDED_SERVICE_NAMES } from './seeded-services.ts';

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
}

/** A seed refused because the databases already hold data. */
export class SeedRefusedError extends Error {}

/**
 * Fills every service's database with deterministic sample data: generated in
 * memory, then bulk-inserted through each service's own models, then indexed.
 */
export async function seed(uri: string, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = Date.now();
  const scale = options.scale ?? 'street';
  const log = options.log ?? (() => {});
  const databases = await openSeedDatabases(uri, options.databasePrefix ?? DEFAULT_DATABASE_PREFIX);
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

    const generating = Date.now();
    const data = generateSeedData(PLANS[scale], options.now ?? new Date());
    const total = SEEDED_SERVICE_NAMES.flatMap((service) => Object.values(data[service]) as unknown[][]).reduce((sum, documents) => sum + documents.length, 0);
    log(`generated ${total.toLocaleString('en-US')} records (${scale} scale) in ${seconds(Date.now() - generating)} s`);

    log(`inserting into ${Object.values(databases.names).join(', ')}`);
    const counts: Record<string, number> = {};
    const insertSeconds: Record<string, number> = {};
    for (const insert of inserts(databases, data)) {
      insertSeconds[insert.collection] = await insert.run(options.progress ?? false);
      counts[insert.collection] = insert.count;
    }
    // Indexes after the data: building them once is faster than updating them on every insert
    // (about twice as fast for residents on FerretDB), and a unique index still refuses to build
    // over duplicates, so it checks the generator all the same.
    const indexing = Date.now();
    await databases.buildIndexes();
    log(`built indexes in ${seconds(Date.now() - indexing)} s`);

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

interface Insert {
  collection: string;
  count: number;
  run(progress: boolean): Promise<number>;
}

function insert<T>(model: Model<T>, documents: readonly T[]): Insert {
  return { collection: model.collection.collectionName, count: documents.length, run: (progress) => insertInBatches(model, documents, progress) };
}

/** Every collection, service by service in the order of SEEDED_SERVICES, each by its model name. */
function inserts(databases: SeedDatabases, data: SeedData): Insert[] {
  return SEEDED_SERVICE_NAMES.flatMap((service) => {
    const models = databases[service] as Record<string, Model<unknown>>;
    return Object.entries(data[service] as Record<string, unknown[]>).map(([modelName, documents]) => {
      const model = models[modelName];
      if (!model) throw new Error(`seed: the ${service} service has no model ${modelName}`);
      return insert(model, documents);
    });
  });
}

export function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(1);
}
