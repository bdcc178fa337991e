import { runSubgraph } from '@civic/service-kit';
import { meetingsSubgraph } from './subgraph.ts';

await runSubgraph(meetingsSubgraph, 4005);
