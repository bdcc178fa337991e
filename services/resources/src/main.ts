import { runSubgraphProcess } from '@civic/service-kit/process';

await runSubgraphProcess({ name: 'resources', defaultPort: 4004, load: async () => (await import('./subgraph.ts')).resourcesSubgraph });
// Imported once tracing runs, like the subgraph, so that the libraries it loads are instrumented.
const { startPriorityRecoveryTimer } = await import('./jobs/priority-recovery-timer.ts');
startPriorityRecoveryTimer();
