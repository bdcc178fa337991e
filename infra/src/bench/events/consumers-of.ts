import type { EventKind } from '@civic/events';
import { SERVICES } from '../../events/service-event-stores.ts';

/** A consumer, named as its service's runner names it, and the service whose database records what it applied. */
export interface HearingConsumer {
  service: string;
  consumer: string;
}

/** Every consumer of the graph that hears `kind`. */
export function consumersOf(kind: EventKind): HearingConsumer[] {
  return SERVICES.flatMap((service) => (service.consumers ?? []).filter(({ kinds }) => kinds.includes(kind)).map(({ name }) => ({ service: service.name, consumer: name })));
}

/** Every consumer of the graph. */
export function everyConsumer(): HearingConsumer[] {
  return SERVICES.flatMap((service) => (service.consumers ?? []).map(({ name }) => ({ service: service.name, consumer: name })));
}
