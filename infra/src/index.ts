export { startDatabase, type DatabaseHandle } from './database/start-database.ts';
export { redactUri } from './database/database-credentials.ts';
export { dataDir, projectRoot } from './paths.ts';
export { readSupergraphConfig, type SubgraphEntry } from './compose/supergraph-config.ts';
