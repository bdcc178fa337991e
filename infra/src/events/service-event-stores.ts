import type { Connection } from 'mongoose';
import type { EventConsumer } from '@civic/events';
import { meetingsSubgraph } from '@civic/meetings';
import { notificationsSubgraph } from '@civic/notifications';
import { organisationsSubgraph } from '@civic/organisations';
import { residentsSubgraph } from '@civic/residents';
import { resourcesSubgraph } from '@civic/resources';
import { wishesSubgraph } from '@civic/wishes';
import {
  connectServiceDatabase,
  createGraphClient,
  createLogger,
  disconnectedGraphClient,
  systemClock,
  type SubgraphDefinition,
  type SubgraphServices,
} from '@civic/service-kit';
import { DEFAULT_DATABASE_PREFIX } from '../seed/databases.ts';

type AnyDefinition = SubgraphDefinition<object, unknown>;

/** Every service of this repository, whose databases hold parked events and whose consumers replay them. */
export const SERVICES: readonly AnyDefinition[] = [residentsSubgraph, organisationsSubgraph, wishesSubgraph, resourcesSubgraph, meetingsSubgraph, notificationsSubgraph] as AnyDefinition[];

/** A service's database: `<prefix><service>`, `civic_residents` by default. */
export function databaseNameOf(service: string, prefix = DEFAULT_DATABASE_PREFIX): string {
  return `${prefix}${service}`;
}

/** The service that runs the consumer named `name`, and the consumer; null when none does. */
export function findConsumer(name: string): { service: AnyDefinition; consumer: EventConsumer<SubgraphServices<object>> } | null {
  for (const service of SERVICES) {
    const consumer = service.consumers?.find((candidate) => candidate.name === name);
    if (consumer) return { service, consumer };
  }
  return null;
}

export function consumerNames(): string[] {
  return SERVICES.flatMap((service) => (service.consumers ?? []).map((consumer) => consumer.name));
}

/**
 * A service's database with its models and what its consumers are given, as the running service
 * has them: asking the graph needs GATEWAY_URL and SERVICE_TOKEN (a consumer that asks fails without).
 */
export async function openServiceForReplay(service: AnyDefinition, mongoUri: string, databasePrefix: string): Promise<{ connection: Connection; services: SubgraphServices<object> }> {
  const { connection } = await connectServiceDatabase(mongoUri, databaseNameOf(service.name, databasePrefix));
  const gatewayUrl = process.env.GATEWAY_URL;
  const serviceToken = process.env.SERVICE_TOKEN;
  return {
    connection,
    services: {
      models: service.createModels(connection),
      clock: systemClock,
      logger: createLogger(service.name),
      graph: gatewayUrl && serviceToken ? createGraphClient({ url: () => gatewayUrl, token: () => serviceToken }) : disconnectedGraphClient,
    },
  };
}
