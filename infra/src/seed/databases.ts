import type { Collection, Connection } from 'mongoose';
import { buildIndexes, connectServiceDatabase, type ServiceDatabase } from '@civic/service-kit';
import { SEEDED_SERVICE_NAMES, SEEDED_SERVICES, type SeededService, type ServiceModels } from './seeded-services.ts';

/** The seed writes into each service's own database, through that service's own models. */
export const DEFAULT_DATABASE_PREFIX = 'civic_';

export type SeedDatabases = ServiceModels & {
  names: Record<SeededService, string>;
  /** Builds every index the services declare, as each service does at start-up. */
  buildIndexes(): Promise<void>;
  drop(): Promise<void>;
  close(): Promise<void>;
};

export function databaseNames(prefix: string): SeedDatabases['names'] {
  return Object.fromEntries(SEEDED_SERVICE_NAMES.map((service) => [service, `${prefix}${service}`])) as SeedDatabases['names'];
}

/** `environment` holds what the services' models read at start: residents' keys that seal personal numbers. */
export async function openSeedDatabases(uri: string, prefix = DEFAULT_DATABASE_PREFIX, environment: NodeJS.ProcessEnv = process.env): Promise<SeedDatabases> {
  const names = databaseNames(prefix);
  const connections: Connection[] = [];
  try {
    for (const service of SEEDED_SERVICE_NAMES) {
      const database: ServiceDatabase = await connectServiceDatabase(uri, names[service]);
      connections.push(database.connection);
    }
  } catch (error) {
    await Promise.all(connections.map((connection) => connection.close()));
    throw error;
  }
  const models = Object.fromEntries(
    SEEDED_SERVICE_NAMES.map((service, index) => [service, SEEDED_SERVICES[service](connections[index]!, environment)]),
  ) as ServiceModels;
  return {
    ...models,
    names,
    buildIndexes: async () => {
      for (const service of SEEDED_SERVICE_NAMES) await buildIndexes(models[service]);
    },
    drop: async () => {
      for (const connection of connections) await connection.dropDatabase();
    },
    close: async () => {
      await Promise.all(connections.map((connection) => connection.close()));
    },
  };
}

/**
 * How much is already there: a seed on top of existing data would mix two worlds. Every other
 * service's sample data hangs off these two, so they say whether a seed ran.
 */
export async function existingRecords(databases: SeedDatabases): Promise<{ organisations: number; residents: number }> {
  return {
    organisations: await documentCount(databases.organisations.Organisation.collection),
    residents: await documentCount(databases.residents.Resident.collection),
  };
}

/**
 * The count from the collection's metadata, without reading its documents (a district holds a
 * million wishes). A collection never created holds nothing.
 */
export async function documentCount(collection: Collection): Promise<number> {
  return collection.estimatedDocumentCount();
}
