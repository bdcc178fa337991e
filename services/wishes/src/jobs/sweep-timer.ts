import { startJobTimer } from '@civic/service-kit';
import { graphql } from '../generated/graph/gql.ts';

const SWEEP_MUTATION = graphql(`mutation WishesDeadlineSweep { runDeadlineSweep { deadlineNotices escalated autoConfirmed } }`);

/** Runs the deadline sweep every DEADLINE_SWEEP_MINUTES (default 5), through the gateway as the service. */
export function startSweepTimer(env: NodeJS.ProcessEnv = process.env): NodeJS.Timeout | null {
  return startJobTimer({ name: 'wishes-sweep', mutation: SWEEP_MUTATION, minutesVariable: 'DEADLINE_SWEEP_MINUTES', defaultMinutes: 5 }, env);
}
