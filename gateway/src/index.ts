export * from './server.ts';
export * from './supergraph.ts';
export * from './query-limits.ts';
export { EXAMPLE_OPERATIONS, type ExampleOperation } from './explorer/example-operations.ts';
