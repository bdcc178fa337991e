import { parse } from 'graphql';
import { Schema, type ClientSession, type Model } from 'mongoose';
import { UnapplicableEvent, type AnyCivicEvent, type EventConsumer } from '@civic/events';
import type { SubgraphDefinition, SubgraphServices } from '@civic/service-kit';

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

export const sourceDefinition: SubgraphDefinition<SourceModels, null> = {
  name: 'source',
  typeDefs: SDL,
  resolvers: { Query: { tallyTotal: () => null } },
  createModels: (connection) => ({ Confirmation: connection.model<Confirmation>('Confirmation', new Schema<Confirmation>({ _id: String, rating: Number })) }),
  createLoaders: () => null,
};

export const TALLY_CONSUMER = 'tally-ratings';

/** How many times `apply` ran for each wish, committed or not (tests count the retries). */
export const applyCalls = new Map<string, number>();

export const tallyConsumer: EventConsumer<SubgraphServices<TallyModels>> = {
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

export const tallyDefinition: SubgraphDefinition<TallyModels, null> = {
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
