import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A proxy in front of one subgraph that keeps the headers of every request the gateway sends it. */
export interface CapturingProxy {
  url: string;
  /** The request headers received so far, oldest first. */
  captured: IncomingHttpHeaders[];
  /** Where to pass requests on: known only once the subgraph runs, after the proxy has started. */
  forwardTo(url: string): void;
  /** From now on, holds each answer this long before passing it back: the subgraph as slow as under a burst. */
  holdFor(milliseconds: number): void;
  stop(): Promise<void>;
}

// Hop-by-hop and length headers belong to each connection, not to the request passed on.
const NOT_PASSED_ON = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

export async function startCapturingProxy(): Promise<CapturingProxy> {
  const captured: IncomingHttpHeaders[] = [];
  let target: string | null = null;
  let held = 0;
  const server = createServer(async (request, response) => {
    captured.push(request.headers);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (target === null) {
      response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'no subgraph behind the proxy yet' }));
      return;
    }
    const headers = Object.entries(request.headers).flatMap(([name, value]) => (NOT_PASSED_ON.has(name) || typeof value !== 'string' ? [] : [[name, value] as [string, string]]));
    const answer = await fetch(target, { method: request.method, headers, body: chunks.length > 0 ? Buffer.concat(chunks) : undefined });
    if (held > 0) await new Promise((resolve) => setTimeout(resolve, held));
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    captured,
    forwardTo(url) {
      target = url;
    },
    holdFor(milliseconds) {
      held = milliseconds;
    },
    stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // The gateway's fetch keeps idle connections open, which close() would wait for.
      server.closeAllConnections();
      return closed;
    },
  };
}
