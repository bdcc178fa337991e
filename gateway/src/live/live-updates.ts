import type { ApolloGateway } from '@apollo/gateway';
import type { FormattedExecutionResult, GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Viewer } from '@civic/identity';
import { subscribeToEvents, type AnyCivicEvent, type EventsSettings, type LiveEvents } from '@civic/events';
import { apiSchemaSdl } from '../api-schema.ts';
import { LIVE_FIELDS, LIVE_KINDS, type LiveField } from './live-fields.ts';
import type { LiveOperation } from './live-operation.ts';
import { liveSchemaOf } from './live-schema.ts';
import { LiveStream } from './live-stream.ts';

/**
 * The gateway's live updates: the Subscription type over the supergraph's API schema (rebuilt
 * when the supergraph changes), one feed of events from the broker for the whole gateway, and the
 * subscribers' streams by what they follow. Every replica hears every event (an ordered consumer
 * of its own), so a subscriber gets its pushes from whichever replica holds its stream.
 */
export class LiveUpdates {
  #schema: GraphQLSchema | undefined;
  #feed: LiveEvents | undefined;
  /** Streams by `<field>:<key>` (`wishChanged:<wishId>`, `handlerQueueChanged:<organisationId>`, `myNotifications:<residentId>`). */
  readonly #following = new Map<string, Set<LiveStream>>();

  /** Made before the gateway loads its supergraph, to hear every load. */
  constructor(
    gateway: ApolloGateway,
    private readonly events: EventsSettings,
    private readonly logger: Logger,
  ) {
    // From the supergraph's text, with our own graphql module: the runtime's API schema object
    // may come from the other copy of graphql (CommonJS beside ESM), which ours refuses.
    gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
      this.#schema = liveSchemaOf(apiSchemaSdl(coreSupergraphSdl));
    });
  }

  async start(): Promise<void> {
    this.#feed = await subscribeToEvents(this.events, LIVE_KINDS, (event) => this.#hear(event), (error) => this.logger.error({ err: error }, 'a live update failed'));
  }

  /** The API schema with the Subscription type, which subscriptions are validated against. */
  schema(): GraphQLSchema {
    if (!this.#schema) throw new Error('The live schema is built when the gateway loads its supergraph, before it serves');
    return this.#schema;
  }

  /** A stream for the subscriber, fed from now on with `push(target)` for every event its operation follows. */
  follow(operation: LiveOperation, viewer: Viewer, push: (target: string) => Promise<FormattedExecutionResult>): LiveStream {
    const key = `${operation.fieldName}:${operation.field.keyOf(operation.args, viewer)}`;
    const streams = this.#following.get(key) ?? new Set<LiveStream>();
    this.#following.set(key, streams);
    const stream = new LiveStream(push, () => {
      streams.delete(stream);
      if (streams.size === 0 && this.#following.get(key) === streams) this.#following.delete(key);
    });
    streams.add(stream);
    return stream;
  }

  async stop(): Promise<void> {
    await this.#feed?.stop();
    for (const streams of [...this.#following.values()]) for (const stream of [...streams]) stream.end();
  }

  #hear(event: AnyCivicEvent): void {
    for (const [fieldName, field] of Object.entries<LiveField>(LIVE_FIELDS)) {
      if (!field.kinds.includes(event.kind)) continue;
      for (const key of field.keysOf(event)) {
        for (const stream of this.#following.get(`${fieldName}:${key}`) ?? []) stream.offer(field.targetOf(event));
      }
    }
  }
}
