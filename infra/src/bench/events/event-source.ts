import type { EventKind } from '@civic/events';
import type { ScenarioRequest } from '../scenario.ts';

/** Requests through the gateway that each make one event of `kind`, valid from `readyAt` on. */
export interface EventSource {
  name: string;
  kind: EventKind;
  requests: ScenarioRequest[];
  readyAt: Date;
}
