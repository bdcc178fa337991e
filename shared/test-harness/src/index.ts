export * from './database-names.ts';
export * from './subgraph-tester.ts';
export * from './stack.ts';
