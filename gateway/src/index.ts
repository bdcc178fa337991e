export * from './server.ts';
export * from './supergraph.ts';
export { EXAMPLE_OPERATIONS, type ExampleOperation } from './explorer/example-operations.ts';
export * from './limits/caller-tier.ts';
export * from './limits/limit-policy.ts';
export * from './limits/query-cost.ts';
export * from './limits/subgraph-ownership.ts';
export type { RateLimitOptions } from './limits/rate-limits.ts';
export * from './gateway-runtime.ts';
