/** Where a service's events travel: the broker, the JetStream stream that keeps them, and their subjects. */
export interface EventsSettings {
  /** One or more comma-separated `nats://[user:password@]host:port` URLs (a cluster's seeds). */
  natsUrl: string;
  /** The JetStream stream that stores every event of the graph. */
  streamName: string;
  /** The first token of every event's subject: `<prefix>.<source>.<kind>`. */
  subjectPrefix: string;
  /** How many copies of the stream the NATS cluster keeps (JetStream's `num_replicas`), 1 to 5. */
  streamReplicas: number;
}

export const DEFAULT_STREAM_NAME = 'CIVIC_EVENTS';
export const DEFAULT_SUBJECT_PREFIX = 'civic';
export const DEFAULT_STREAM_REPLICAS = 1;
// JetStream's own bound: a stream has at most five replicas.
const MAX_STREAM_REPLICAS = 5;

/**
 * The settings from the environment: NATS_URL (none: the service runs without a broker, its
 * events waiting in its outbox), NATS_STREAM and NATS_SUBJECT_PREFIX (defaults CIVIC_EVENTS, civic),
 * NATS_STREAM_REPLICAS (1 by default; a value outside 1 to 5 stops the process at start).
 */
export function eventsSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): EventsSettings | null {
  return env.NATS_URL ? eventsSettingsOn(env.NATS_URL, env) : null;
}

/** The settings for the broker at `natsUrl`, with NATS_STREAM, NATS_SUBJECT_PREFIX and NATS_STREAM_REPLICAS from the environment (a broker the caller started). */
export function eventsSettingsOn(natsUrl: string, env: NodeJS.ProcessEnv = process.env): EventsSettings {
  return {
    natsUrl,
    streamName: env.NATS_STREAM || DEFAULT_STREAM_NAME,
    subjectPrefix: env.NATS_SUBJECT_PREFIX || DEFAULT_SUBJECT_PREFIX,
    streamReplicas: streamReplicasFrom(env.NATS_STREAM_REPLICAS),
  };
}

/**
 * Every process creates or updates the stream at start with this count, so it is set alike for
 * all of them (3 in the Kubernetes files): one left at the default would bring a replicated
 * stream back to a single copy.
 */
function streamReplicasFrom(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_STREAM_REPLICAS;
  const replicas = Number(raw);
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > MAX_STREAM_REPLICAS) {
    throw new Error(`NATS_STREAM_REPLICAS must be a whole number from 1 to ${MAX_STREAM_REPLICAS}, not "${raw}"`);
  }
  return replicas;
}

/** The settings as environment variables, for a process started with them. */
export function eventsSettingsEnv(settings: EventsSettings): Record<string, string> {
  return { NATS_URL: settings.natsUrl, NATS_STREAM: settings.streamName, NATS_SUBJECT_PREFIX: settings.subjectPrefix, NATS_STREAM_REPLICAS: String(settings.streamReplicas) };
}
