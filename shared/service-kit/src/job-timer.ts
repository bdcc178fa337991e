import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createGraphClient } from './graph-client.ts';
import { createLogger } from './logger.ts';

/** A service's periodic job: its own mutation, run through the gateway as the service. */
export interface PeriodicJob<TResult> {
  /** Names the job in logs (`wishes-sweep`). */
  name: string;
  mutation: TypedDocumentNode<TResult, Record<string, never>>;
  /** The environment variable that gives the minutes between runs. */
  minutesVariable: string;
  defaultMinutes: number;
}

/**
 * Runs the job every `minutesVariable` minutes by calling the service's own mutation through the
 * gateway with the service identity, so the job goes through the same authorisation and code as an
 * administrator's call. Without GATEWAY_URL and SERVICE_TOKEN (a subgraph started alone) there is
 * no timer.
 */
export function startJobTimer<TResult>(job: PeriodicJob<TResult>, env: NodeJS.ProcessEnv = process.env): NodeJS.Timeout | null {
  const logger = createLogger(job.name);
  const minutes = Number(env[job.minutesVariable] ?? job.defaultMinutes);
  if (!env.GATEWAY_URL || !env.SERVICE_TOKEN || !(minutes > 0)) {
    logger.warn(`${job.name} timer not started: needs GATEWAY_URL, SERVICE_TOKEN and a positive ${job.minutesVariable}`);
    return null;
  }
  const gatewayUrl = env.GATEWAY_URL;
  const token = env.SERVICE_TOKEN;
  const graph = createGraphClient({ url: () => gatewayUrl, token: () => token });
  const timer = setInterval(() => {
    graph
      .request(job.mutation, {})
      .then((data) => logger.info(data as object, `${job.name} done`))
      .catch((error: unknown) => logger.warn({ err: error }, `${job.name} failed; the next run tries again`));
  }, minutes * 60_000);
  // The timer alone does not keep the process alive; the server does.
  timer.unref();
  return timer;
}
