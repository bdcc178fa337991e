import { DiscardPolicy, JetStreamApiCodes, JetStreamApiError, RetentionPolicy, StorageType, type JetStreamManager, type StreamConfig } from '@nats-io/jetstream';
import { EVENT_OWNERS, type EventKind } from './catalogue.ts';
import type { CivicEvent } from './event.ts';
import type { EventsSettings } from './settings.ts';

/** Within this window the stream drops a second message with the same id (`Nats-Msg-Id`, the event's id). */
export const DUPLICATE_WINDOW_MS = 5 * 60 * 1000;
/** How long the stream keeps an event, for consumers that were away and for replay. */
export const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

const NANOS_PER_MS = 1_000_000;

/** `<prefix>.<source>.<kind>`: `civic.wishes.wish.claimed`. */
export function subjectOfKind(subjectPrefix: string, kind: EventKind): string {
  return `${subjectPrefix}.${EVENT_OWNERS[kind]}.${kind}`;
}

export function subjectOf(subjectPrefix: string, event: CivicEvent): string {
  return subjectOfKind(subjectPrefix, event.kind);
}

/** Every subject of the graph's events. */
export function allSubjects(subjectPrefix: string): string {
  return `${subjectPrefix}.>`;
}

function streamConfig(settings: EventsSettings): Partial<StreamConfig> & { name: string } {
  return {
    name: settings.streamName,
    subjects: [allSubjects(settings.subjectPrefix)],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_age: MAX_AGE_MS * NANOS_PER_MS,
    duplicate_window: DUPLICATE_WINDOW_MS * NANOS_PER_MS,
    num_replicas: settings.streamReplicas,
  };
}

/**
 * Creates the events stream, or brings an existing one to this configuration: file storage,
 * every `<prefix>.>` subject, old events discarded after MAX_AGE_MS, duplicates dropped within
 * DUPLICATE_WINDOW_MS, kept on `streamReplicas` servers. Every publisher and consumer calls it at start; creating it twice with
 * the same configuration is no error.
 */
export async function ensureStream(manager: JetStreamManager, settings: EventsSettings): Promise<void> {
  const config = streamConfig(settings);
  try {
    await manager.streams.info(config.name);
  } catch (error) {
    if (!(error instanceof JetStreamApiError) || error.code !== JetStreamApiCodes.StreamNotFound) throw error;
    await manager.streams.add(config);
    return;
  }
  await manager.streams.update(config.name, config);
}
