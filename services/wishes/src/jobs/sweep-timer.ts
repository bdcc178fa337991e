import { createGraphClient, createLogger } from '@civic/service-kit';
import { graphql } from '../generated/graph/gql.ts';

const SWEEP_MUTATION = graphql(`mutation WishesDeadlineSweep { runDeadlineSweep { escalated autoConfirmed } }`);

/**
 * Runs the deadline sweep every DEADLINE_SWEEP_MINUTES (default 5) by calling this service's own
 * runDeadlineSweep through the gateway with the service identity, so the sweep goes through the
 * same authorisation and code as an administrator's call. Without GATEWAY_URL and SERVICE_TOKEN
 * (a subgraph started alone) there is no timer.
 */
export function startSweepTimer(env: NodeJS.ProcessEnv = process.env): NodeJS.Timeout | null {
  const logger = createLogger('wishes-sweep');
  const minutes = Number(env.DEADLINE_SWEEP_MINUTES ?? 5);
  if (!env.GATEWAY_URL || !env.SERVICE_TOKEN || !(minutes > 0)) {
    logger.warn('deadline sweep timer not started: needs GATEWAY_URL, SERVICE_TOKEN and a positive DEADLINE_SWEEP_MINUTES');
    return null;
  }
  const gatewayUrl = env.GATEWAY_URL;
  const token = env.SERVICE_TOKEN;
  const graph = createGraphClient({ url: () => gatewayUrl, token: () => token });
  const timer = setInterval(() => {
    graph
      .request(SWEEP_MUTATION, {})
      .then((data) => logger.info(data.runDeadlineSweep, 'deadline sweep done'))
      .catch((error: unknown) => logger.warn({ err: error }, 'deadline sweep failed; the next run tries again'));
  }, minutes * 60_000);
  // The timer alone does not keep the process alive; the server does.
  timer.unref();
  return timer;
}
