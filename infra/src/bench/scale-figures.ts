import type { Scale } from '../seed/plan.ts';
import type { GatewayComparison } from './gateway-comparison.ts';
import type { EventRunFigures } from './events/events-phase.ts';
import type { ScenarioFigures } from './measure-scenario.ts';
import type { MemoryFigures } from './memory-watch.ts';

/** Everything measured at one scale: what the report and the JSON file are made of. */
export interface ScaleFigures {
  scale: Scale;
  /** `secantus` (embedded) or `external` (--uri, MONGODB_URI). */
  database: string;
  seed: { elapsedMs: number; counts: Record<string, number> };
  scenarios: ScenarioFigures[];
  /** The reads through each gateway runtime side by side. */
  gateways: GatewayComparison[];
  /** The events phase: each source's events one at a time and in a burst, as each consumer applied them. */
  events: EventRunFigures[];
  memory: MemoryFigures[];
}
