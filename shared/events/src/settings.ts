/** Where a service's events travel: the broker, the JetStream stream that keeps them, and their subjects. */
export interface EventsSettings {
  /** One or more comma-separated `nats://[user:password@]host:port` URLs (a cluster's seeds). */
  natsUrl: string;
  /** The JetStream stream that stores every event of the graph. */
  streamName: string;
  /** The first token of every event's subject: `<prefix>.<source>.<kind>`. */
  subjectPrefix: string;
}

export const DEFAULT_STREAM_NAME = 'CIVIC_EVENTS';
export const DEFAULT_SUBJECT_PREFIX = 'civic';

/**
 * The settings from the environment: NATS_URL (none: the service runs without a broker, its
 * events waiting in its outbox), NATS_STREAM and NATS_SUBJECT_PREFIX (defaults CIVIC_EVENTS, civic).
 */
export function eventsSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): EventsSettings | null {
  return env.NATS_URL ? eventsSettingsOn(env.NATS_URL, env) : null;
}

/** The settings for the broker at `natsUrl`, with NATS_STREAM and NATS_SUBJECT_PREFIX from the environment (a broker the caller started). */
export function eventsSettingsOn(natsUrl: string, env: NodeJS.ProcessEnv = process.env): EventsSettings {
  return { natsUrl, streamName: env.NATS_STREAM || DEFAULT_STREAM_NAME, subjectPrefix: env.NATS_SUBJECT_PREFIX || DEFAULT_SUBJECT_PREFIX };
}

/** The settings as environment variables, for a process started with them. */
export function eventsSettingsEnv(settings: EventsSettings): Record<string, string> {
  return { NATS_URL: settings.natsUrl, NATS_STREAM: settings.streamName, NATS_SUBJECT_PREFIX: settings.subjectPrefix };
}
