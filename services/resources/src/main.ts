import { runSubgraph } from '@civic/service-kit';
import { resourcesSubgraph } from './subgraph.ts';

await runSubgraph(resourcesSubgraph, 4004);
