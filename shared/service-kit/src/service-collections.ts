import type { Connection } from 'mongoose';
import { appliedEventModel, outboxModel, parkedEventModel } from '@civic/events';
import { buildIndexes } from './database.ts';

/** The collections every service keeps for its events: the outbox it publishes from, and what its consumers applied and parked. */
export function eventCollections(connection: Connection) {
  return { outbox: outboxModel(connection), appliedEvents: appliedEventModel(connection), parkedEvents: parkedEventModel(connection) };
}

/**
 * Creates a service's collections with their indexes (`buildIndexes`): its own models' and the
 * event collections, which the kit adds whether or not the service's models include its outbox.
 */
export async function buildServiceCollections(models: object, connection: Connection): Promise<void> {
  await buildIndexes([...new Set([...Object.values(models), ...Object.values(eventCollections(connection))])]);
}
