import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler } from 'express';
import { pino, type Logger } from 'pino';
import { gatewaySigningKey, type KeyPair } from '@civic/identity';
import type { CoprocessorRequest } from './coprocessor-protocol.ts';
import { handleRouterRequest } from './router-request-stage.ts';
import { handleSubgraphRequest } from './subgraph-request-stage.ts';

/** Where the router posts its coprocessor requests (router.yaml's `coprocessor.url`). */
export const COPROCESSOR_PATH = '/';

export interface StartRouterCoprocessorOptions {
  /** The gateway's key pair: the coprocessor signs with the key the Node gateway signs with, so subgraphs verify both alike. */
  gatewayKeys: KeyPair;
  port?: number;
  host?: string;
  logger?: Logger;
}

export interface RunningRouterCoprocessor {
  /** The URL to post coprocessor requests to. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The Apollo Router's coprocessor: what the Node gateway does for each request that the router
 * cannot do itself (sign the forwarded viewer, keep one request id and the stated purpose), as an
 * HTTP service the router calls at its RouterRequest and SubgraphRequest stages. Liveness and
 * readiness at /health/live and /health/ready, as every process of the graph.
 */
export async function startRouterCoprocessor(options: StartRouterCoprocessorOptions): Promise<RunningRouterCoprocessor> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const signingKey = await gatewaySigningKey(options.gatewayKeys);
  const app = express();
  app.disable('x-powered-by');
  app.get(['/health/live', '/health/ready'], (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.post(COPROCESSOR_PATH, express.json({ limit: '1mb' }), async (request, response) => {
    const payload = request.body as CoprocessorRequest;
    switch (payload?.stage) {
      case 'RouterRequest':
        response.json(handleRouterRequest(payload));
        return;
      case 'SubgraphRequest':
        response.json(await handleSubgraphRequest(payload, signingKey));
        return;
      default:
        // The router sends only the stages router.yaml names: another is a configuration this coprocessor does not serve.
        response.status(400).json({ error: `The coprocessor serves the RouterRequest and SubgraphRequest stages, not ${JSON.stringify(payload?.stage)}` });
    }
  });
  const unexpected: ErrorRequestHandler = (error: { status?: number }, _request, response, _next) => {
    const status = error.status !== undefined && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, 'router coprocessor request failed');
    response.status(status).json({ error: status === 500 ? 'Internal server error' : 'The coprocessor request could not be read as JSON' });
  };
  app.use(unexpected);

  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  logger.info({ port }, 'router coprocessor ready');
  return {
    url: `http://${host}:${port}${COPROCESSOR_PATH}`,
    stop: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
