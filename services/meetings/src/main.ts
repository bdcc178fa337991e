import { runSubgraphProcess } from '@civic/service-kit/process';

await runSubgraphProcess({ name: 'meetings', defaultPort: 4005, load: async () => (await import('./subgraph.ts')).meetingsSubgraph });
