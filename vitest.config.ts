import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '.data/**'],
    // One real database server for the run; each test file uses databases of its own.
    globalSetup: ['./shared/test-harness/src/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // Two test files at a time even on two cores (vitest would run one): most of a graph test's time
    // is spent waiting on the database server, the broker and the subgraphs, which are processes of their own.
    maxWorkers: 2,
    // Each worker runs its files one after another in one module graph, not a fresh one per file:
    // a graph test imports every service, the gateway and the harness, which took each file seconds
    // of its own to load again. Files share no data: each has its own databases, stream and stack.
    isolate: false,
    reporters: ['default', './shared/test-harness/src/summary-reporter.ts'],
    // Vite gives the code it transforms graphql's ES module; packages Node loads itself would get its
    // CommonJS copy, a second graphql. These take graphql objects from ours, so Vite loads them too.
    server: { deps: { inline: ['graphql-query-complexity', /@escape\.tech\/graphql-armor/, '@graphql-inspector/core'] } },
  },
});
