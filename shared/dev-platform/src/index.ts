export { startDatabase, type DatabaseHandle, type StartDatabaseOptions } from './database/start-database.ts';
export { redactUri } from './server-credentials.ts';
export { startBroker, type BrokerHandle, type StartBrokerOptions } from './broker/start-broker.ts';
export { dataDir, projectRoot } from './paths.ts';
export { readSupergraphConfig, SUPERGRAPH_CONFIG_PATH, SUPERGRAPH_OUTPUT_PATH, type SubgraphEntry } from './compose/supergraph-config.ts';
export { composeSupergraph, configuredSubgraph, CompositionError, type SubgraphToCompose } from './compose/compose-supergraph.ts';
