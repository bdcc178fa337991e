import { DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { EventKind } from './catalogue.ts';
import type { AnyCivicEvent } from './event.ts';
import { connectBroker } from './broker.ts';
import { decodeEvent } from './event-codec.ts';
import { allSubjects, ensureStream, subjectOfKind } from './streams.ts';
import type { EventsSettings } from './settings.ts';

export interface LiveEvents {
  /** Stops listening and closes the connection. */
  stop(): Promise<void>;
}

/**
 * Hears events of `kinds` (or all) published from now on, in stream order, each once, through
 * an ordered consumer the broker forgets when it stops: nothing durable, nothing to acknowledge,
 * for live updates that a reader who was away does not need. Through a broker restart it resumes
 * after the last event it heard. `onEvent` runs one event at a time; what it throws is passed
 * to `onError` and the next event follows.
 */
export async function subscribeToEvents(
  settings: EventsSettings,
  kinds: readonly EventKind[] | 'all',
  onEvent: (event: AnyCivicEvent) => void | Promise<void>,
  onError: (error: unknown) => void = () => {},
): Promise<LiveEvents> {
  if (kinds !== 'all' && kinds.length === 0) throw new Error('subscribeToEvents needs at least one kind, or "all"');
  const connection = await connectBroker(settings.natsUrl, 'live-events');
  await ensureStream(await jetstreamManager(connection), settings);
  const consumer = await jetstream(connection).consumers.get(settings.streamName, {
    filter_subjects: kinds === 'all' ? [allSubjects(settings.subjectPrefix)] : kinds.map((kind) => subjectOfKind(settings.subjectPrefix, kind)),
    deliver_policy: DeliverPolicy.New,
  });
  const messages = await consumer.consume();
  const done = (async () => {
    for await (const message of messages) {
      try {
        await onEvent(decodeEvent(message.data));
      } catch (error) {
        onError(error);
      }
    }
  })();
  return {
    async stop() {
      await messages.close();
      await done;
      await connection.close();
    },
  };
}
