import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSupergraphConfig, startDatabase } from '@civic/dev-platform';
import { freeLoopbackPort, gatewayProcess, startGraph, subgraphProcesses } from '@civic/graph-runner';
import { generateBenchKeys } from '../bench/bench-keys.ts';
import { readProcessCpuMs } from '../bench/process-cpu.ts';
import { parseCommandLine } from '../command-line.ts';

const USAGE = `Usage: npx tsx infra/src/cli/tracing-overhead.ts [--requests N] [--rounds N]

What tracing costs on one simple operation (an anonymous page of organisation names) sent one at a
time through the gateway and the organisations subgraph, each its own process as npm start runs
them: tracing off, then on (exported over OTLP/HTTP protobuf to a sink on this machine), alternately
for --rounds rounds (default 3) of --requests requests (default 1000) after a warm-up. Prints each
round's p50 and p95 latency and the CPU both processes spent per request. Hold the quiet-machine
lock while it runs.`;

const { values, usageError } = parseCommandLine('tracing-overhead', USAGE, { requests: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '3' } });
const count = (name: string) => {
  const value = Number(values[name]);
  return Number.isInteger(value) && value > 0 ? value : usageError(`--${name} must be a whole number above 0`);
};
const requests = count('requests');
const rounds = count('rounds');
const WARM_UP = 200;
const QUERY = JSON.stringify({ query: 'query OrganisationNames { organisations(first: 20) { edges { node { name } } } }' });

process.env.LOG_LEVEL ??= 'warn';
const log = (line: string) => console.log(`[tracing-overhead] ${line}`);
const database = await startDatabase({ ephemeral: true, log });
const sink = await startSpanSink();
const keys = await generateBenchKeys();
const organisations = (await readSupergraphConfig()).filter((entry) => entry.name === 'organisations');

try {
  log(`${rounds} rounds of ${requests} requests, one at a time, after ${WARM_UP} to warm up`);
  console.log('| tracing | round | p50 ms | p95 ms | CPU ms per request (gateway + organisations) | OTLP exports |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (let round = 1; round <= rounds; round++) {
    for (const tracing of [false, true]) {
      const figures = await measure(tracing);
      console.log(`| ${tracing ? 'on' : 'off'} | ${round} | ${figures.p50.toFixed(2)} | ${figures.p95.toFixed(2)} | ${figures.cpuMsPerRequest.toFixed(2)} | ${figures.exports} |`);
    }
  }
} finally {
  await sink.stop();
  await database.stop();
}

async function measure(tracing: boolean) {
  const supergraphDir = await mkdtemp(join(tmpdir(), 'civic-tracing-overhead-'));
  const otel: Record<string, string> = tracing ? { OTEL_EXPORTER_OTLP_ENDPOINT: sink.endpoint } : {};
  const { local } = subgraphProcesses(organisations, {
    mongoUri: database.uri,
    databaseNameFor: (name) => `tracing_overhead_${name}`,
    ports: 'free',
    env: { ...keys.env.subgraph, ...otel },
    log: () => {},
  });
  const graph = await startGraph({
    subgraphs: local,
    gateway: gatewayProcess({ port: await freeLoopbackPort(), supergraphPath: join(supergraphDir, 'supergraph.graphql'), env: { ...keys.env.gateway, ...otel }, log: () => {} }),
    accessTokenPrivateKey: keys.accessToken.privateKey,
  });
  try {
    const send = async () => {
      const response = await fetch(graph.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY });
      const body = (await response.json()) as { errors?: unknown };
      if (response.status !== 200 || body.errors) throw new Error(`the operation failed: ${response.status} ${JSON.stringify(body)}`);
    };
    for (let i = 0; i < WARM_UP; i++) await send();
    const pids = [graph.gateway.pid, ...graph.subgraphs.map((subgraph) => subgraph.pid)];
    const cpuBefore = await totalCpuSeconds(pids);
    const exportsBefore = sink.exports;
    const latencies: number[] = [];
    for (let i = 0; i < requests; i++) {
      const started = performance.now();
      await send();
      latencies.push(performance.now() - started);
    }
    const cpuSeconds = (await totalCpuSeconds(pids)) - cpuBefore;
    latencies.sort((a, b) => a - b);
    const at = (quantile: number) => latencies[Math.min(latencies.length - 1, Math.floor(quantile * latencies.length))]!;
    return { p50: at(0.5), p95: at(0.95), cpuMsPerRequest: (cpuSeconds * 1000) / requests, exports: sink.exports - exportsBefore };
  } finally {
    await graph.stop();
    await rm(supergraphDir, { recursive: true, force: true });
  }
}

async function totalCpuSeconds(pids: number[]): Promise<number> {
  const milliseconds = await Promise.all(pids.map(readProcessCpuMs));
  return milliseconds.reduce((sum: number, value) => sum + (value ?? 0), 0) / 1000;
}

/** An OTLP/HTTP endpoint that accepts every export and only counts them. */
async function startSpanSink() {
  let exports = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      exports += 1;
      response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get exports() {
      return exports;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
