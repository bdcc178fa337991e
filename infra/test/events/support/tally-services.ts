import { generateKeyPair } from 'jose';
import type { Connection } from 'mongoose';
import { inject } from 'vitest';
import { newEvent, outboxModel, recordEvents, type AnyCivicEvent, type EventsSettings, type RetryPolicy } from '@civic/events';
import { inTransaction, startSubgraph, type RunningSubgraph } from '@civic/service-kit';
import { uniqueDatabaseName } from '@civic/test-harness';
import { sourceDefinition, tallyDefinition, type SourceModels, type TallyModels } from './tally-definitions.ts';
import '@civic/dev-platform/provided-context';

export { applyCalls, TALLY_CONSUMER, tallyConsumer, type SourceModels, type TallyModels } from './tally-definitions.ts';

/** Retries quick enough for a test: three deliveries 50 then 100 ms apart, then parked. */
export const QUICK_RETRY: RetryPolicy = { maxDeliveries: 3, baseDelayMs: 50, maxDelayMs: 200 };

export interface TallyServices {
  source: RunningSubgraph<SourceModels>;
  tally: RunningSubgraph<TallyModels>;
  /** Starts the tally service again on its database (after `tally.stop()`). */
  restartTally(): Promise<RunningSubgraph<TallyModels>>;
  stop(): Promise<void>;
}

export async function startTallyServices(events: EventsSettings): Promise<TallyServices> {
  const { publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const common = { mongoUri: inject('mongoUri'), gatewayPublicKey: publicKey, events, eventRetry: QUICK_RETRY };
  const tallyDatabase = uniqueDatabaseName('tally');
  const source = await startSubgraph(sourceDefinition, { ...common, databaseName: uniqueDatabaseName('source') });
  const services: TallyServices = {
    source,
    tally: await startSubgraph(tallyDefinition, { ...common, databaseName: tallyDatabase }),
    async restartTally() {
      services.tally = await startSubgraph(tallyDefinition, { ...common, databaseName: tallyDatabase });
      return services.tally;
    },
    async stop() {
      await Promise.all([services.source.stop(), services.tally.stop()]);
    },
  };
  return services;
}

/** Commits confirmations with their `wish.confirmed` events in one transaction each; returns the events. */
export async function confirmWishes(source: { models: SourceModels }, ratings: { wishId: string; rating: number }[]): Promise<AnyCivicEvent[]> {
  const events: AnyCivicEvent[] = [];
  for (const { wishId, rating } of ratings) {
    const event = confirmationEvent(wishId, rating);
    await inTransaction(connectionOf(source), async (session) => {
      await source.models.Confirmation.create([{ _id: wishId, rating }], { session });
      await recordEvents(outboxModel(connectionOf(source)), session, [event]);
    });
    events.push(event);
  }
  return events;
}

export function confirmationEvent(wishId: string, rating: number): AnyCivicEvent {
  const claimant = { type: 'Resident' as const, id: 'r-helper' };
  return newEvent('wish.confirmed', { wishId, requesterId: 'r-asker', claimant, servedBy: ['r-helper'], rating, automatic: false, communityId: 'c-1' }, new Date());
}

/** The connection a service's requests use: its models', where its transactions run. */
export function connectionOf(subgraph: { models: SourceModels } | { models: TallyModels }): Connection {
  return 'Confirmation' in subgraph.models ? subgraph.models.Confirmation.db : subgraph.models.Tally.db;
}

/** Each wish's total and number of applications, by wish id. */
export async function tallies(tally: { models: TallyModels }): Promise<Record<string, { total: number; applications: number }>> {
  const all = await tally.models.Tally.find().lean();
  return Object.fromEntries(all.map((entry) => [entry._id, { total: entry.total, applications: entry.applications }]));
}
