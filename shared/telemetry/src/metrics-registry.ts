import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The metrics of one service (the gateway or a subgraph): a registry of its own, so that several
 * services in one process (the tests run every subgraph in one) never share or collide, with the
 * process's default metrics (CPU, memory, heap, event-loop lag, GC) and every series labelled
 * with the service's name.
 */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
