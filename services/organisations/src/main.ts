import { runSubgraph } from '@civic/service-kit';
import { organisationsSubgraph } from './subgraph.ts';

await runSubgraph(organisationsSubgraph, 4002);
