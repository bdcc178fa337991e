import { startJobTimer } from '@civic/service-kit';
import { graphql } from '../generated/graph/gql.ts';

const DELIVERY_MUTATION = graphql(`mutation NotificationsDelivery { deliverNotifications }`);

/**
 * Sends deliveries outside the app every DELIVERY_INTERVAL_MINUTES (default 0.25: every 15 s),
 * through the gateway as the service. Without a timer (a subgraph started alone) notifications
 * wait in the inbox with their deliveries pending.
 */
export function startDeliveryTimer(env: NodeJS.ProcessEnv = process.env): NodeJS.Timeout | null {
  return startJobTimer({ name: 'notifications-delivery', mutation: DELIVERY_MUTATION, minutesVariable: 'DELIVERY_INTERVAL_MINUTES', defaultMinutes: 0.25 }, env);
}
