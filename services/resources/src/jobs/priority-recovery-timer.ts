import { createGraphClient, createLogger } from '@civic/service-kit';
import { graphql } from '../generated/graph/gql.ts';

const RECOVERY_MUTATION = graphql(`mutation ResourcesPriorityRecovery { recoverParkingPrioritySpendings { granted compensated stillCompensating } }`);

/**
 * Runs the recovery pass of parking priority spendings every PRIORITY_RECOVERY_SECONDS (default 60)
 * by calling this service's own recoverParkingPrioritySpendings through the gateway with the
 * service identity, the same code an operator's call runs. Without GATEWAY_URL and SERVICE_TOKEN
 * (a subgraph started alone) there is no timer.
 */
export function startPriorityRecoveryTimer(env: NodeJS.ProcessEnv = process.env): NodeJS.Timeout | null {
  const logger = createLogger('resources-priority-recovery');
  const seconds = Number(env.PRIORITY_RECOVERY_SECONDS ?? 60);
  if (!env.GATEWAY_URL || !env.SERVICE_TOKEN || !(seconds > 0)) {
    logger.warn('priority recovery timer not started: needs GATEWAY_URL, SERVICE_TOKEN and a positive PRIORITY_RECOVERY_SECONDS');
    return null;
  }
  const gatewayUrl = env.GATEWAY_URL;
  const token = env.SERVICE_TOKEN;
  const graph = createGraphClient({ url: () => gatewayUrl, token: () => token });
  const timer = setInterval(() => {
    graph
      .request(RECOVERY_MUTATION, {})
      .then((data) => logger.info(data.recoverParkingPrioritySpendings, 'priority recovery pass done'))
      .catch((error: unknown) => logger.warn({ err: error }, 'priority recovery pass failed; the next run tries again'));
  }, seconds * 1000);
  // The timer alone does not keep the process alive; the server does.
  timer.unref();
  return timer;
}
