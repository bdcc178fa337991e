import { markdownTable } from '../markdown-table.ts';
import { sentAs, type EventRunFigures } from './events-phase.ts';

/** One row per source, run and consumer: how late the consumer applied the events, and how many it got through a second. */
export function eventsTable(runs: readonly EventRunFigures[]): string {
  const rows = runs.flatMap((run) =>
    run.consumers.map(({ consumer, figures }) => [
      `${run.source} (${run.kind})`,
      sentAs(run),
      consumer,
      String(figures.events),
      String(figures.applied),
      `${ms(figures.appliedLag.p50Ms)} / ${ms(figures.appliedLag.p95Ms)} / ${ms(figures.appliedLag.maxMs)}`,
      `${ms(figures.publishLag.p50Ms)} / ${ms(figures.publishLag.p95Ms)}`,
      figures.eventsPerSecond === null ? '—' : figures.eventsPerSecond.toFixed(1),
      notAppliedCell(figures.parked, figures.missing),
    ]),
  );
  return markdownTable(
    [
      { title: 'events', align: 'left' },
      { title: 'sent', align: 'left' },
      { title: 'consumer', align: 'left' },
      { title: 'events', align: 'right' },
      { title: 'applied', align: 'right' },
      { title: 'occurred → applied p50 / p95 / max ms', align: 'right' },
      { title: 'occurred → published p50 / p95 ms', align: 'right' },
      { title: 'events/s', align: 'right' },
      { title: 'not applied', align: 'left' },
    ],
    rows,
  );
}

/** Requests that made no event, and events a consumer parked or never applied: failures, each said. */
export function eventFailureLines(runs: readonly EventRunFigures[]): string[] {
  return runs.flatMap((run) => {
    const what = `${run.source}, ${sentAs(run)}`;
    return [
      ...Object.entries(run.failures).map(([kind, { count, example }]) => `${what}: ${count} × ${kind}: ${example}`),
      ...run.consumers.flatMap(({ consumer, figures }) => [
        ...(figures.parked > 0 ? [`${what}: ${consumer} parked ${figures.parked} of ${figures.events} events`] : []),
        ...(figures.missing > 0 ? [`${what}: ${consumer} had neither applied nor parked ${figures.missing} of ${figures.events} events at the time limit`] : []),
      ]),
    ];
  });
}

/** Whole milliseconds: the databases keep times to the millisecond. */
function ms(value: number | null): string {
  return value === null ? '—' : value.toFixed(0);
}

function notAppliedCell(parked: number, missing: number): string {
  const cells = [...(parked > 0 ? [`${parked} parked`] : []), ...(missing > 0 ? [`${missing} missing`] : [])];
  return cells.length === 0 ? 'none' : cells.join(', ');
}
