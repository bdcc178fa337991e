export * from './server.ts';
export * from './supergraph.ts';
export * from './query-limits.ts';
export * from './gateway-runtime.ts';
