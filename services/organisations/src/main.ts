import { runSubgraphProcess } from '@civic/service-kit/process';

await runSubgraphProcess({ name: 'organisations', defaultPort: 4002, load: async () => (await import('./subgraph.ts')).organisationsSubgraph });
// Imported once tracing runs, like the subgraph, so that the libraries it loads are instrumented.
const { startSweepTimer } = await import('./jobs/sweep-timer.ts');
startSweepTimer();
