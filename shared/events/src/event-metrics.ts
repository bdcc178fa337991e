import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { OutboxModel } from './outbox.ts';

/** What a service shows of its events on its Prometheus registry (`/metrics`). */
export interface EventMetrics {
  published: Counter<'kind'>;
  applied: Counter<'consumer' | 'kind'>;
  parked: Counter<'consumer' | 'kind'>;
  /** Seconds from an event's `occurredAt` to its effect committed by a consumer. */
  lag: Histogram<'consumer'>;
}

// Seconds: from a prompt delivery to a consumer that was away for minutes.
const LAG_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/**
 * Registers the event metrics: `civic_events_published_total`, `civic_events_applied_total`,
 * `civic_events_parked_total`, `civic_event_lag_seconds`, and `civic_events_outbox_backlog`, the
 * events this service committed and the broker has not yet acknowledged (counted when scraped).
 * Labels are event kinds and consumer names, both fixed in code.
 */
export function createEventMetrics(registry: Registry, outbox: OutboxModel): EventMetrics {
  new Gauge({
    name: 'civic_events_outbox_backlog',
    help: 'Events committed to the outbox and not yet acknowledged by the broker',
    registers: [registry],
    async collect() {
      this.set(await outbox.countDocuments({ publishedAt: null }));
    },
  });
  return {
    published: new Counter({ name: 'civic_events_published_total', help: 'Events the broker acknowledged from this service', labelNames: ['kind'] as const, registers: [registry] }),
    applied: new Counter({ name: 'civic_events_applied_total', help: 'Events a consumer of this service applied', labelNames: ['consumer', 'kind'] as const, registers: [registry] }),
    parked: new Counter({ name: 'civic_events_parked_total', help: 'Events a consumer of this service parked for operators', labelNames: ['consumer', 'kind'] as const, registers: [registry] }),
    lag: new Histogram({
      name: 'civic_event_lag_seconds',
      help: "Time from an event's occurrence to its effect committed by a consumer",
      labelNames: ['consumer'] as const,
      buckets: LAG_BUCKETS,
      registers: [registry],
    }),
  };
}
