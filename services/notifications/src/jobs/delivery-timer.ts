import { createGraphClient, createLogger } from '@civic/service-kit';
import { graphql } from '../generated/graph/gql.ts';

const DELIVERY_MUTATION = graphql(`mutation NotificationsDelivery { deliverNotifications }`);

/**
 * Runs delivery outside the app every DELIVERY_INTERVAL_SECONDS (default 10) by calling this
 * service's own deliverNotifications through the gateway with the service identity, as the wishes
 * service runs its deadline sweep. Without GATEWAY_URL and SERVICE_TOKEN (a subgraph started
 * alone) there is no timer, and notifications wait in the inbox with their deliveries pending.
 */
export function startDeliveryTimer(env: NodeJS.ProcessEnv = process.env): NodeJS.Timeout | null {
  const logger = createLogger('notifications-delivery');
  const seconds = Number(env.DELIVERY_INTERVAL_SECONDS ?? 10);
  if (!env.GATEWAY_URL || !env.SERVICE_TOKEN || !(seconds > 0)) {
    logger.warn('delivery timer not started: needs GATEWAY_URL, SERVICE_TOKEN and a positive DELIVERY_INTERVAL_SECONDS');
    return null;
  }
  const gatewayUrl = env.GATEWAY_URL;
  const token = env.SERVICE_TOKEN;
  const graph = createGraphClient({ url: () => gatewayUrl, token: () => token });
  let running = false;
  const timer = setInterval(() => {
    // One run at a time: a slow channel must not pile runs up.
    if (running) return;
    running = true;
    graph
      .request(DELIVERY_MUTATION, {})
      .then((data) => {
        if (data.deliverNotifications > 0) logger.info({ attempted: data.deliverNotifications }, 'notifications delivered');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'notification delivery failed; the next run tries again'))
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  // The timer alone does not keep the process alive; the server does.
  timer.unref();
  return timer;
}
