import { runSubgraph } from '@civic/service-kit';
import { wishesSubgraph } from './subgraph.ts';
import { startSweepTimer } from './jobs/sweep-timer.ts';

await runSubgraph(wishesSubgraph, 4003);
startSweepTimer();
