import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP proxy in front of one subgraph, for failing a saga's steps: switched off, it cuts
 * every connection as a stopped service would; an interception runs the test's own code around one
 * kind of request (a mutation field named in its body) and may cut its answer after it was served.
 */
export interface SwitchableProxy {
  url: string;
  /** Where to pass requests on: known only once the subgraph runs, after the proxy has started. */
  forwardTo(url: string): void;
  /** Off: every new request's connection is cut. */
  up: boolean;
  /** Runs `interception` for requests whose body names `field`, instead of passing them straight on; null removes it. */
  intercept(field: string, interception: Interception | null): void;
  stop(): Promise<void>;
}

/** Gets the request passed on and served by calling `serve`; answers 'cut' to cut the connection instead of answering. */
export type Interception = (serve: () => Promise<void>) => Promise<'answer' | 'cut'>;

// Hop-by-hop and length headers belong to each connection, not to the request passed on.
const NOT_PASSED_ON = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
}

export async function startSwitchableProxy(): Promise<SwitchableProxy> {
  let target: string | null = null;
  const interceptions = new Map<string, Interception>();

  async function pass(request: IncomingMessage, body: Buffer): Promise<Answer> {
    if (target === null) throw new Error('No subgraph behind the proxy yet');
    const headers = Object.entries(request.headers).flatMap(([name, value]) => (NOT_PASSED_ON.has(name) || typeof value !== 'string' ? [] : [[name, value] as [string, string]]));
    const answer = await fetch(target, { method: request.method, headers, body: body.length > 0 ? new Uint8Array(body) : undefined });
    return { status: answer.status, contentType: answer.headers.get('content-type') ?? 'application/json', body: Buffer.from(await answer.arrayBuffer()) };
  }

  const proxy: SwitchableProxy = {
    url: '',
    up: true,
    forwardTo(url) {
      target = url;
    },
    intercept(field, interception) {
      if (interception) interceptions.set(field, interception);
      else interceptions.delete(field);
    },
    stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // The gateway's fetch keeps idle connections open, which close() would wait for.
      server.closeAllConnections();
      return closed;
    },
  };

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (!proxy.up) return void request.socket.destroy();
    const body = Buffer.concat(chunks);
    const text = body.toString('utf8');
    const interception = [...interceptions].find(([field]) => text.includes(field))?.[1];
    let answer: Answer | null = null;
    const serve = async () => {
      answer = await pass(request, body);
    };
    const verdict = interception ? await interception(serve) : (await serve(), 'answer');
    if (verdict === 'cut' || answer === null) return void request.socket.destroy();
    const { status, contentType, body: answerBody } = answer as Answer;
    response.writeHead(status, { 'content-type': contentType }).end(answerBody);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return proxy;
}
