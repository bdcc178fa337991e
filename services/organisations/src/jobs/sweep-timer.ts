import { startJobTimer } from '@civic/service-kit';
import { graphql } from '../generated/graph/gql.ts';

const SWEEP_MUTATION = graphql(`mutation OrganisationsMobilisationSweep { runMobilisationSweep { overdue } }`);

/** Runs the mobilisation sweep every MOBILISATION_SWEEP_MINUTES (default 5: a mobilisation lasts hours), through the gateway as the service. */
export function startSweepTimer(env: NodeJS.ProcessEnv = process.env): NodeJS.Timeout | null {
  return startJobTimer({ name: 'organisations-sweep', mutation: SWEEP_MUTATION, minutesVariable: 'MOBILISATION_SWEEP_MINUTES', defaultMinutes: 5 }, env);
}
