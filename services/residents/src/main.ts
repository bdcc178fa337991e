import { runSubgraphProcess } from '@civic/service-kit/process';

await runSubgraphProcess({ name: 'residents', defaultPort: 4001, load: async () => (await import('./subgraph.ts')).residentsSubgraph });
