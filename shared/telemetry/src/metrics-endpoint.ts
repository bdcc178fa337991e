import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

export const METRICS_PATH = '/metrics';

/** `GET /metrics`: the registry in Prometheus's text exposition format. */
export function serveMetrics(registry: Registry) {
  return async (_request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await registry.metrics();
    response.writeHead(200, { 'content-type': registry.contentType });
    response.end(body);
  };
}
