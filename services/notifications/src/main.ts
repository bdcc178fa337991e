import { runSubgraphProcess } from '@civic/service-kit/process';

await runSubgraphProcess({ name: 'notifications', defaultPort: 4006, load: async () => (await import('./subgraph.ts')).notificationsSubgraph });
// Imported once tracing runs, like the subgraph, so that the libraries it loads are instrumented.
const { startDeliveryTimer } = await import('./jobs/delivery-timer.ts');
startDeliveryTimer();
