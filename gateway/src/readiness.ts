import type { RequestHandler } from 'express';
import type { SubgraphEndpoint } from './supergraph-check.ts';

export type ReadinessReport =
  | { status: 'ok' }
  | { status: 'unavailable'; reason: 'no supergraph' }
  | { status: 'unavailable'; reason: 'subgraphs unreachable'; subgraphs: string[] };

// Short enough that a probe every few seconds stays cheap for the subgraphs; a hung subgraph
// counts as unreachable after PROBE_TIMEOUT_MS.
const CACHE_MS = 2_000;
const PROBE_TIMEOUT_MS = 1_000;

/**
 * The gateway is ready when it serves a supergraph and reaches every subgraph that supergraph
 * names (each answers GET /health/live at its origin). Probes of the subgraphs are shared by
 * concurrent checks and cached briefly.
 */
export class Readiness {
  private subgraphs: readonly SubgraphEndpoint[] | null = null;
  private last: { at: number; report: Promise<ReadinessReport> } | null = null;

  /** The gateway now serves a supergraph naming these subgraphs. */
  serving(subgraphs: readonly SubgraphEndpoint[]): void {
    this.subgraphs = subgraphs;
    this.last = null;
  }

  readonly handler: RequestHandler = async (_req, res) => {
    const report = await this.report();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  };

  report(): Promise<ReadinessReport> {
    const subgraphs = this.subgraphs;
    if (!subgraphs) return Promise.resolve({ status: 'unavailable', reason: 'no supergraph' });
    if (this.last && performance.now() - this.last.at < CACHE_MS) return this.last.report;
    const report = probeAll(subgraphs);
    this.last = { at: performance.now(), report };
    return report;
  }
}

async function probeAll(subgraphs: readonly SubgraphEndpoint[]): Promise<ReadinessReport> {
  const answers = await Promise.all(subgraphs.map(async (subgraph) => ({ name: subgraph.name, reachable: await isLive(subgraph.url) })));
  const unreachable = answers.filter((answer) => !answer.reachable).map((answer) => answer.name);
  return unreachable.length === 0 ? { status: 'ok' } : { status: 'unavailable', reason: 'subgraphs unreachable', subgraphs: unreachable };
}

async function isLive(subgraphUrl: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/health/live', subgraphUrl), { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}
