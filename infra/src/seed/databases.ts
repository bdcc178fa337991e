import type { Collection } from 'mongoose';
import { buildIndexes, connectServiceDatabase, type ServiceDatabase } from '@civic/service-kit';
import { createModels as createOrganisationModels } from '../../../services/organisations/src/models/index.ts';
import { createModels as createResidentModels } from '../../../services/residents/src/models/index.ts';

/** The seed writes into each service's own database, through that service's own models. */
export const DEFAULT_DATABASE_PREFIX = 'civic_';

export interface SeedDatabases {
  names: { organisations: string; residents: string };
  organisations: ReturnType<typeof createOrganisationModels>;
  residents: ReturnType<typeof createResidentModels>;
  buildIndexes(): Promise<void>;
  drop(): Promise<void>;
  close(): Promise<void>;
}

export function databaseNames(prefix: string): SeedDatabases['names'] {
  return { organisations: `${prefix}organisations`, residents: `${prefix}residents` };
}

export async function openSeedDatabases(uri: string, prefix = DEFAULT_DATABASE_PREFIX): Promise<SeedDatabases> {
  const names = databaseNames(prefix);
  const connections: ServiceDatabase[] = [];
  try {
    connections.push(await connectServiceDatabase(uri, names.organisations));
    connections.push(await connectServiceDatabase(uri, names.residents));
  } catch (error) {
    await Promise.all(connections.map(({ connection }) => connection.close()));
    throw error;
  }
  const [organisationsDatabase, residentsDatabase] = connections as [ServiceDatabase, ServiceDatabase];
  const organisations = createOrganisationModels(organisationsDatabase.connection);
  const residents = createResidentModels(residentsDatabase.connection);
  return {
    names,
    organisations,
    residents,
    buildIndexes: async () => {
      await buildIndexes(organisations);
      await buildIndexes(residents);
    },
    drop: async () => {
      await organisationsDatabase.connection.dropDatabase();
      await residentsDatabase.connection.dropDatabase();
    },
    close: async () => {
      await organisationsDatabase.connection.close();
      await residentsDatabase.connection.close();
    },
  };
}

/** How much is already there: a seed on top of existing data would mix two worlds. */
export async function existingRecords(databases: SeedDatabases): Promise<{ organisations: number; residents: number }> {
  return {
    organisations: await documentCount(databases.organisations.Organisation.collection),
    residents: await documentCount(databases.residents.Resident.collection),
  };
}

/**
 * The count from the collection's statistics: FerretDB answers a count query by reading every
 * document (25 s for a district's 200,000 residents), its statistics in under a second, as
 * MongoDB's do. A collection never created holds nothing.
 */
export async function documentCount(collection: Collection): Promise<number> {
  try {
    const stats = await collection.aggregate<{ count: number }>([{ $collStats: { count: {} } }]).toArray();
    // One entry per shard on a sharded cluster.
    return stats.reduce((sum, { count }) => sum + count, 0);
  } catch (error) {
    if ((error as { codeName?: string }).codeName === 'NamespaceNotFound') return 0;
    throw error;
  }
}
