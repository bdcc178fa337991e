import { ApolloServer } from '@apollo/server';
import { inject } from 'vitest';
import { ANONYMOUS, type Viewer } from '@civic/identity';
import {
  apiDatabaseSettings,
  buildServiceCollections,
  buildSchema,
  connectServiceDatabase,
  createErrorFormatter,
  createLogger,
  createRequestContext,
  disconnectedGraphClient,
  systemClock,
  type Clock,
  type CommandLog,
  type DatabaseSettings,
  type GraphClient,
  type SubgraphContext,
  type SubgraphDefinition,
} from '@civic/service-kit';
import { uniqueDatabaseName } from './database-names.ts';
import '@civic/dev-platform/provided-context';

export interface OperationResult {
  data: Record<string, unknown> | null;
  errors: { message: string; extensions?: Record<string, unknown> }[];
}

export interface SubgraphTester<TModels> {
  models: TModels;
  commands: CommandLog;
  /** Runs an operation against the subgraph schema in process, as the given viewer. */
  execute(query: string, variables?: Record<string, unknown>, viewer?: Viewer): Promise<OperationResult>;
  close(): Promise<void>;
}

/**
 * One subgraph's schema and resolvers in process, on a fresh database of the real server:
 * fast tests of a subgraph's own behaviour, `_entities` lookups included.
 */
export async function createSubgraphTester<TModels extends object, TLoaders>(
  definition: SubgraphDefinition<TModels, TLoaders>,
  options: {
    clock?: Clock;
    graph?: GraphClient;
    /** The database server; inside vitest, the one the global setup started. */
    mongoUri?: string;
    /** Time limits and patience with the database; a running service's defaults unless given. */
    database?: DatabaseSettings;
  } = {},
): Promise<SubgraphTester<TModels>> {
  const { connection, commands } = await connectServiceDatabase(
    options.mongoUri ?? inject('mongoUri'),
    uniqueDatabaseName(definition.name),
    options.database ?? apiDatabaseSettings(),
    { keepCommandEntries: true },
  );
  const models = definition.createModels(connection);
  await buildServiceCollections(models, connection);
  const logger = createLogger(definition.name, 'silent');
  const services = { models, clock: options.clock ?? systemClock, graph: options.graph ?? disconnectedGraphClient, logger };
  const server = new ApolloServer<SubgraphContext<TModels, TLoaders>>({ schema: buildSchema(definition), formatError: createErrorFormatter(logger) });
  await server.start();
  return {
    models,
    commands,
    async execute(query, variables = {}, viewer = ANONYMOUS) {
      const response = await server.executeOperation(
        { query, variables },
        { contextValue: createRequestContext(definition, services, viewer) },
      );
      if (response.body.kind !== 'single') throw new Error('Incremental delivery is not used in this graph');
      const result = response.body.singleResult;
      return {
        data: (result.data as Record<string, unknown> | null | undefined) ?? null,
        errors: (result.errors ?? []).map((error) => ({ message: error.message, extensions: error.extensions })),
      };
    },
    async close() {
      await server.stop();
      await connection.dropDatabase();
      await connection.close();
    },
  };
}
