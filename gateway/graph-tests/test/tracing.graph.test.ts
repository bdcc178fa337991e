import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { resolveKeyPair } from '@civic/identity';
import { readSupergraphConfig } from '@civic/dev-platform';
import '@civic/dev-platform/provided-context';
import { freeLoopbackPort, gatewayProcess, startGraph, subgraphProcesses, type RunningGraph, type ServiceProcess } from '@civic/graph-runner';
import { uniqueDatabaseName } from '@civic/test-harness';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './support/otlp-receiver.ts';

// Tracing is set up per process (service.name, instrumentation loaded before the modules it
// hooks), so this test runs the gateway and the organisations subgraph as processes, as `npm
// start` does, exporting to a collector the test runs, and follows one operation's trace.
let receiver: OtlpReceiver;
let graph: RunningGraph<ServiceProcess, ServiceProcess>;
let keysDir: string;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  keysDir = await mkdtemp(join(tmpdir(), 'civic-tracing-keys-'));
  const issuer = await resolveKeyPair('access-token', keysDir);
  await resolveKeyPair('gateway', keysDir);
  const env = {
    CIVIC_KEYS_DIR: keysDir,
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
    // Export within a fifth of a second rather than the default 5 s.
    OTEL_BSP_SCHEDULE_DELAY: '200',
  };
  // residents comes with organisations, whose SDL @requires where a resident lives (Resident.organisationPath).
  const organisations = (await readSupergraphConfig()).filter((entry) => ['organisations', 'residents'].includes(entry.name));
  const { local } = subgraphProcesses(organisations, { mongoUri: inject('mongoUri'), databaseNameFor: uniqueDatabaseName, ports: 'free', env, log: () => {} });
  graph = await startGraph({
    subgraphs: local,
    gateway: gatewayProcess({ port: await freeLoopbackPort(), supergraphPath: join(keysDir, 'supergraph.graphql'), env, log: () => {} }),
    accessTokenPrivateKey: issuer.privateKey,
  });
});

afterAll(async () => {
  await graph?.stop();
  await receiver?.stop();
  await rm(keysDir, { recursive: true, force: true });
});

const HTTP = '@opentelemetry/instrumentation-http';
const UNDICI = '@opentelemetry/instrumentation-undici';
const MONGODB = '@opentelemetry/instrumentation-mongodb';
const SERVER = 2;
const CLIENT = 3;

async function spansOfTrace(traceId: string, until: (spans: ReceivedSpan[]) => boolean): Promise<ReceivedSpan[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const spans = receiver.spans.filter((span) => span.traceId === traceId);
    if (until(spans) || Date.now() > deadline) return spans;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('one operation through the gateway', () => {
  it('is one trace from the gateway through the subgraph to its database', async () => {
    const traceId = randomBytes(16).toString('hex');
    const response = await fetch(graph.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      body: JSON.stringify({ query: 'query OrganisationNames { organisations(first: 2) { edges { node { name } } } }' }),
    });
    expect(await response.json()).toEqual({ data: { organisations: { edges: [] } } });

    const spans = await spansOfTrace(traceId, (received) => received.some((span) => span.scope === MONGODB) && received.some((span) => span.service === 'gateway' && span.kind === SERVER));
    const scopesOf = (service: string) => [...new Set(spans.filter((span) => span.service === service).map((span) => span.scope))].sort();
    expect(scopesOf('gateway')).toEqual(['@opentelemetry/instrumentation-express', '@opentelemetry/instrumentation-graphql', HTTP, UNDICI, 'apollo/gateway-js']);
    expect(scopesOf('organisations')).toEqual(['@opentelemetry/instrumentation-express', '@opentelemetry/instrumentation-graphql', HTTP, MONGODB]);

    // The subgraph's request continues the gateway's fetch: the traceparent travelled with it.
    const subgraphRequest = spans.find((span) => span.service === 'organisations' && span.scope === HTTP && span.kind === SERVER);
    const caller = spans.find((span) => span.spanId === subgraphRequest?.parentSpanId);
    expect(caller).toMatchObject({ service: 'gateway', scope: UNDICI, kind: CLIENT });
    // The database command is a span of the subgraph's operation.
    const commands = spans.filter((span) => span.scope === MONGODB);
    expect(commands.map((span) => [span.service, span.name, span.kind])).toEqual([['organisations', 'find organisations', CLIENT]]);
    expect(spans.find((span) => span.spanId === commands[0]?.parentSpanId)).toMatchObject({ service: 'organisations', name: 'query OrganisationNames__organisations__0' });
  });
});
