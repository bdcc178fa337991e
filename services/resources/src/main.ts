import { runSubgraphProcess } from '@civic/service-kit/process';

await runSubgraphProcess({ name: 'resources', defaultPort: 4004, load: async () => (await import('./subgraph.ts')).resourcesSubgraph });
