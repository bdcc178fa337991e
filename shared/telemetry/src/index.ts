export * from './metrics-registry.ts';
export * from './metrics-endpoint.ts';
export * from './bounded-label.ts';
export * from './operation-metrics.ts';
export * from './database-command-metrics.ts';
