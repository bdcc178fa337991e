import { startJobTimer } from '@civic/service-kit';
import { graphql } from '../generated/graph/gql.ts';

const SWEEP_MUTATION = graphql(`mutation MeetingsActionItemSweep { runActionItemSweep { overdue } }`);

/** Runs the action item sweep every ACTION_ITEM_SWEEP_MINUTES (default 15), through the gateway as the service. */
export function startSweepTimer(env: NodeJS.ProcessEnv = process.env): NodeJS.Timeout | null {
  return startJobTimer({ name: 'meetings-sweep', mutation: SWEEP_MUTATION, minutesVariable: 'ACTION_ITEM_SWEEP_MINUTES', defaultMinutes: 15 }, env);
}
