import { DeliverPolicy, jetstream, type OrderedConsumerOptions } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { applyEventOnce } from './apply-once.ts';
import { UnapplicableEvent, type EventConsumer } from './consumer.ts';
import { decodeEvent } from './event-codec.ts';
import type { ServiceEventStore } from './event-store.ts';
import type { AnyCivicEvent } from './event.ts';
import { parkedEventModel, parkEvent, type ParkedEventDocument } from './parked-events.ts';
import { subjectOfKind } from './streams.ts';
import type { EventsSettings } from './settings.ts';

export interface ReplayTarget<TServices> {
  consumer: EventConsumer<TServices>;
  services: TServices;
  store: ServiceEventStore;
  now: () => Date;
}

export interface ReplayReport {
  /** Events this replay applied (they had not been before). */
  applied: string[];
  /** Events found already applied: left as they were. */
  alreadyApplied: string[];
  /** Events that failed again, with why; they are (still) parked. */
  failed: { eventId: string; reason: string }[];
}

/**
 * Applies parked events of a consumer again (one by id, or all, oldest first) through the same
 * once-only path as delivery; each that applies, or was applied meanwhile, leaves parkedEvents,
 * and each that fails again stays there with its new reason and one more attempt.
 */
export async function replayParkedEvents<TServices>(target: ReplayTarget<TServices>, which: { eventId: string } | 'all'): Promise<ReplayReport> {
  const parked = parkedEventModel(target.store.connection);
  const filter = which === 'all' ? { consumer: target.consumer.name } : { consumer: target.consumer.name, eventId: which.eventId };
  const entries = await parked.find(filter).sort({ parkedAt: 1 }).lean<ParkedEventDocument[]>();
  const report: ReplayReport = { applied: [], alreadyApplied: [], failed: [] };
  for (const entry of entries) {
    const outcome = await replayOne(target, entry.event as AnyCivicEvent, entry.attempts + 1, entry.streamSequence, report);
    if (outcome !== 'failed') await parked.deleteOne({ consumer: entry.consumer, eventId: entry.eventId });
  }
  return report;
}

export type StreamPosition = { sequence: number } | { since: Date };

/**
 * Reads a consumer's kinds from the stream again, from a sequence or a time up to the stream's end
 * as it is when the replay starts, and applies each event through the once-only path: an event
 * applied before changes nothing, one never applied (lost with a restored database, or a consumer
 * added later) is applied now. What fails is parked, as in delivery.
 */
export async function replayFromStream<TServices>(
  target: ReplayTarget<TServices>,
  broker: NatsConnection,
  settings: EventsSettings,
  from: StreamPosition,
): Promise<ReplayReport> {
  const options: Partial<OrderedConsumerOptions> = {
    filter_subjects: target.consumer.kinds.map((kind) => subjectOfKind(settings.subjectPrefix, kind)),
    ...('sequence' in from
      ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: from.sequence }
      : { deliver_policy: DeliverPolicy.StartTime, opt_start_time: from.since.toISOString() }),
  };
  const reader = await jetstream(broker).consumers.get(settings.streamName, options);
  const report: ReplayReport = { applied: [], alreadyApplied: [], failed: [] };
  if ((await reader.info()).num_pending === 0) return report;
  const messages = await reader.consume();
  for await (const message of messages) {
    await replayOne(target, decodeEvent(message.data), 1, message.seq, report);
    if (message.info.pending === 0) break;
  }
  await messages.close();
  return report;
}

async function replayOne<TServices>(
  target: ReplayTarget<TServices>,
  event: AnyCivicEvent,
  attempts: number,
  streamSequence: number | null,
  report: ReplayReport,
): Promise<'applied' | 'alreadyApplied' | 'failed'> {
  try {
    const outcome = await applyEventOnce(target.consumer, event, target.services, target.store, target.now);
    report[outcome].push(event.id);
    return outcome;
  } catch (error) {
    if (target.store.isDatabaseUnavailable(error)) throw error;
    const reason = error instanceof UnapplicableEvent ? error.reason : error instanceof Error ? error.message : String(error);
    await parkEvent(parkedEventModel(target.store.connection), { consumer: target.consumer.name, event, reason, attempts, streamSequence }, target.now());
    report.failed.push({ eventId: event.id, reason });
    return 'failed';
  }
}
