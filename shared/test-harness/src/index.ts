export * from './database-names.ts';
export * from './subgraph-tester.ts';
export * from './stack.ts';
export * from './local-subgraphs.ts';
export * from './graph-builders.ts';
export * from './results.ts';
export * from './viewers.ts';
export * from './races.ts';
