import { runSubgraph } from '@civic/service-kit';
import { residentsSubgraph } from './subgraph.ts';

await runSubgraph(residentsSubgraph, 4001);
