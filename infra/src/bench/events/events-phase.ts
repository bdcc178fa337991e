import type { JetStreamManager } from '@nats-io/jetstream';
import type { EventKind } from '@civic/events';
import { runLoad, type Failures } from '../measure.ts';
import { send } from '../measure-scenario.ts';
import type { ProcessStack } from '../process-stack.ts';
import type { ScenarioRequest } from '../scenario.ts';
import { consumersOf } from './consumers-of.ts';
import type { EventDatabases } from './event-databases.ts';
import type { EventSource } from './event-source.ts';
import { settledTimings } from './event-timings.ts';
import { lagFigures, type LagFigures } from './lag-figures.ts';
import { waitUntilQuiet } from './quiet-consumers.ts';

/**
 * The steady run's pace: well under what a consumer applies a second, so that its lag is an
 * event's own path and not a queue behind the others.
 */
export const STEADY_EVENTS_PER_SECOND = 10;

/** One run of one source's events: one at a time at a steady pace (lag), or many in flight as fast as they go (throughput). */
export interface EventRunFigures {
  source: string;
  kind: EventKind;
  mode: 'steady' | 'burst';
  inFlight: number;
  /** Requests started a second at most; null: as fast as they are answered. */
  pace: number | null;
  /** Requests that failed, by kind: each made no event. */
  failures: Failures;
  /** Events the source service recorded during the run. */
  recorded: number;
  consumers: { service: string; consumer: string; figures: LagFigures }[];
  /** False when some event was still unpublished, or neither applied nor parked, at the time limit. */
  settled: boolean;
}

export interface EventsPhaseOptions {
  /** Events per source and run. */
  events: number;
  /** Requests in flight in the burst. */
  burstInFlight: number;
  /** How long to wait for the consumers, after the last request of a run and before each. */
  settleSeconds: number;
  log: (line: string) => void;
}

export interface EventsPhaseContext {
  stack: ProcessStack;
  databases: EventDatabases;
  manager: JetStreamManager;
  streamName: string;
}

/**
 * Each source's events through the gateway, first one request at a time at a steady pace, then
 * `burstInFlight` at once as fast as they are answered, each run starting once the graph has handled every earlier event. After each run the
 * events' times are read from the databases: occurred (the event), published (the source's
 * outbox) and applied (each consumer's appliedEvents).
 */
export async function runEventsPhase(context: EventsPhaseContext, sources: readonly EventSource[], options: EventsPhaseOptions): Promise<EventRunFigures[]> {
  const figures: EventRunFigures[] = [];
  for (const source of sources) {
    const waitMs = source.readyAt.getTime() - Date.now();
    if (waitMs > 0) {
      options.log(`${source.name}: waiting ${(waitMs / 1000).toFixed(0)} s until the targets accept it`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    const steady = source.requests.slice(0, options.events);
    const burst = source.requests.slice(options.events, 2 * options.events);
    figures.push(await eventRun(context, source, { mode: 'steady', inFlight: 1, pace: STEADY_EVENTS_PER_SECOND }, steady, options));
    figures.push(await eventRun(context, source, { mode: 'burst', inFlight: options.burstInFlight, pace: null }, burst, options));
  }
  return figures;
}

async function eventRun(
  { stack, databases, manager, streamName }: EventsPhaseContext,
  source: EventSource,
  { mode, inFlight, pace }: Pick<EventRunFigures, 'mode' | 'inFlight' | 'pace'>,
  requests: readonly ScenarioRequest[],
  options: EventsPhaseOptions,
): Promise<EventRunFigures> {
  const settleMs = options.settleSeconds * 1000;
  if (!(await waitUntilQuiet(databases, manager, streamName, settleMs))) options.log(`${source.name}, ${mode}: earlier events still unhandled after ${options.settleSeconds} s; measuring anyway`);
  const from = new Date();
  let next = 0;
  const paced = async () => {
    const index = next++;
    if (pace !== null) await new Promise((resolve) => setTimeout(resolve, from.getTime() + (index * 1000) / pace - Date.now()));
    return send(stack.gatewayUrl, null, requests[index]!);
  };
  const load = await runLoad(paced, { requests: requests.length, concurrency: inFlight, maxMs: Number.POSITIVE_INFINITY });
  const to = new Date();
  const consumers = consumersOf(source.kind);
  const read = await settledTimings(databases, source.kind, { from, to }, consumers, settleMs);
  const run: EventRunFigures = {
    source: source.name,
    kind: source.kind,
    mode,
    inFlight,
    pace,
    failures: load.failures,
    recorded: read.recorded,
    consumers: read.byConsumer.map(({ consumer, timings }) => ({ ...consumer, figures: lagFigures(timings) })),
    settled: read.settled,
  };
  options.log(`${source.name}, ${sentAs(run)}: ${describe(run)}`);
  return run;
}

/** `one at a time, 10 a second` or `16 in flight`. */
export function sentAs({ inFlight, pace }: Pick<EventRunFigures, 'inFlight' | 'pace'>): string {
  const flight = inFlight === 1 ? 'one at a time' : `${inFlight} in flight`;
  return pace === null ? flight : `${flight}, ${pace} a second`;
}

function describe(run: EventRunFigures): string {
  const failed = Object.entries(run.failures).map(([kind, { count }]) => `${count} ${kind}`);
  const consumers = run.consumers.map(({ consumer, figures }) => {
    const { p50Ms, p95Ms } = figures.appliedLag;
    return `${consumer} ${figures.applied} applied${p50Ms === null ? '' : `, lag p50 ${p50Ms} ms, p95 ${p95Ms} ms`}${figures.parked > 0 ? `, ${figures.parked} parked` : ''}${figures.missing > 0 ? `, ${figures.missing} missing` : ''}`;
  });
  return [`${run.recorded} events`, ...consumers, ...(failed.length > 0 ? [`failed requests: ${failed.join(', ')}`] : [])].join('; ');
}
