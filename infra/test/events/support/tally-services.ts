import { parse } from 'graphql';
import { generateKeyPair } from 'jose';
import { Schema, type ClientSession, type Connection, type Model } from 'mongoose';
import { inject } from 'vitest';
import { newEvent, outboxModel, recordEvents, UnapplicableEvent, type AnyCivicEvent, type EventConsumer, type EventsSettings, type RetryPolicy } from '@civic/events';
import { inTransaction, startSubgraph, type RunningSubgraph, type SubgraphDefinition, type SubgraphServices } from '@civic/service-kit';
import { uniqueDatabaseName } from '@civic/test-harness';
import '@civic/dev-platform/provided-context';

/**
 * Two small services for the backbone's tests: `source` commits confirmed wishes with their
 * events, `tally` adds each confirmed wish's rating to a per-wish total (an effect that would show
 * any second application) and refuses what a test tells it to: a wish listed in `refusals` fails
 * with an ordinary error until the entry is removed, a wish id starting `unknown-` is unapplicable.
 */
interface Confirmation {
  _id: string;
  rating: number;
}
interface Tally {
  _id: string;
  total: number;
  applications: number;
}
interface Refusal {
  _id: string;
}

const SDL = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  scalar DateTime
  type Query { tallyTotal(wishId: ID!): Int }
`);

export interface SourceModels {
  Confirmation: Model<Confirmation>;
}
export interface TallyModels {
  Tally: Model<Tally>;
  Refusal: Model<Refusal>;
}

const sourceDefinition: SubgraphDefinition<SourceModels, null> = {
  name: 'source',
  typeDefs: SDL,
  resolvers: { Query: { tallyTotal: () => null } },
  createModels: (connection) => ({ Confirmation: connection.model<Confirmation>('Confirmation', new Schema<Confirmation>({ _id: String, rating: Number })) }),
  createLoaders: () => null,
};

export const TALLY_CONSUMER = 'tally-ratings';

/** How many times `apply` ran for each wish, committed or not (tests count the retries). */
export const applyCalls = new Map<string, number>();

const tallyConsumer: EventConsumer<SubgraphServices<TallyModels>> = {
  name: TALLY_CONSUMER,
  kinds: ['wish.confirmed'],
  async apply(event: AnyCivicEvent, { models }, session: ClientSession) {
    if (event.kind !== 'wish.confirmed') throw new UnapplicableEvent(`${event.kind} is not a kind this consumer takes`);
    const { wishId, rating } = event.facts;
    applyCalls.set(wishId, (applyCalls.get(wishId) ?? 0) + 1);
    if (wishId.startsWith('unknown-')) throw new UnapplicableEvent(`no wish ${wishId}`);
    if (await models.Refusal.exists({ _id: wishId }).session(session)) throw new Error(`the tally of ${wishId} is closed`);
    await models.Tally.updateOne({ _id: wishId }, { $inc: { total: rating, applications: 1 } }, { upsert: true, session });
  },
};

const tallyDefinition: SubgraphDefinition<TallyModels, null> = {
  name: 'tally',
  typeDefs: SDL,
  resolvers: { Query: { tallyTotal: () => null } },
  createModels: (connection) => ({
    Tally: connection.model<Tally>('Tally', new Schema<Tally>({ _id: String, total: Number, applications: Number })),
    Refusal: connection.model<Refusal>('Refusal', new Schema<Refusal>({ _id: String })),
  }),
  createLoaders: () => null,
  consumers: [tallyConsumer],
};

export { tallyConsumer };

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
export async function confirmWishes(source: RunningSubgraph<SourceModels>, ratings: { wishId: string; rating: number }[]): Promise<AnyCivicEvent[]> {
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
export function connectionOf(subgraph: RunningSubgraph<SourceModels> | RunningSubgraph<TallyModels>): Connection {
  return 'Confirmation' in subgraph.models ? subgraph.models.Confirmation.db : subgraph.models.Tally.db;
}

/** Each wish's total and number of applications, by wish id. */
export async function tallies(tally: RunningSubgraph<TallyModels>): Promise<Record<string, { total: number; applications: number }>> {
  const all = await tally.models.Tally.find().lean();
  return Object.fromEntries(all.map((entry) => [entry._id, { total: entry.total, applications: entry.applications }]));
}
