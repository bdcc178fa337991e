export * from './server.ts';
export * from './supergraph.ts';
export * from './query-limits.ts';
