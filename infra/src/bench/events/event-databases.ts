import mongoose, { type Connection } from 'mongoose';
import { appliedEventModel, outboxModel, parkedEventModel, type AppliedEventModel, type OutboxModel, type ParkedEventModel } from '@civic/events';
import { SERVICES } from '../../events/service-event-stores.ts';

/** The event collections of one service's database. */
export interface ServiceEventCollections {
  outbox: OutboxModel;
  applied: AppliedEventModel;
  parked: ParkedEventModel;
}

/** Each service's outbox, applied and parked events in the bench's databases, read after the fact. */
export interface EventDatabases {
  of(service: string): ServiceEventCollections;
  /** Events of any service not yet published. */
  unpublished(): Promise<number>;
  close(): Promise<void>;
}

export async function openEventDatabases(uri: string, databasePrefix: string): Promise<EventDatabases> {
  const connection = await mongoose.createConnection(uri).asPromise();
  const byService = new Map<string, ServiceEventCollections>(
    SERVICES.map(({ name }) => {
      const database: Connection = connection.useDb(`${databasePrefix}${name}`, { useCache: true });
      return [name, { outbox: outboxModel(database), applied: appliedEventModel(database), parked: parkedEventModel(database) }];
    }),
  );
  return {
    of(service) {
      const collections = byService.get(service);
      if (!collections) throw new Error(`No service named ${service}`);
      return collections;
    },
    async unpublished() {
      let count = 0;
      for (const { outbox } of byService.values()) count += await outbox.countDocuments({ publishedAt: null });
      return count;
    },
    close: () => connection.close(),
  };
}
