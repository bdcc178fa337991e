import { runSubgraphProcess } from '@civic/service-kit/process';

await runSubgraphProcess({ name: 'organisations', defaultPort: 4002, load: async () => (await import('./subgraph.ts')).organisationsSubgraph });
