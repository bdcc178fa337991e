import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '@civic/test-harness';
import { scrapeMetrics, type Scrape } from './support/metrics-scrape.ts';

// Every process serves Prometheus metrics: one operation through the gateway is counted once, at
// the gateway, at the subgraph it reached and at that subgraph's database.
let stack: Stack;
let gatewayOrigin: string;
const SUBGRAPHS = ['residents', 'organisations', 'wishes', 'resources', 'meetings', 'notifications'];
const origin = (url: string) => new URL(url).origin;

beforeAll(async () => {
  stack = await startStack();
  gatewayOrigin = origin(stack.gatewayUrl);
});

afterAll(() => stack.stop());

async function scrapeAll(): Promise<Record<string, Scrape>> {
  const entries = await Promise.all([
    scrapeMetrics(gatewayOrigin).then((scrape) => ['gateway', scrape] as const),
    ...SUBGRAPHS.map((name) => scrapeMetrics(origin(stack.subgraph(name).url)).then((scrape) => [name, scrape] as const)),
  ]);
  return Object.fromEntries(entries);
}

const OPERATIONS = 'civic_graphql_operation_duration_seconds_count';
const ERRORS = 'civic_graphql_errors_total';
const FETCHES = 'civic_gateway_subgraph_fetch_duration_seconds_count';
const COMMANDS = 'civic_database_command_duration_seconds_count';

describe('GET /metrics', () => {
  it('is served by the gateway and every subgraph in the text format, with the process metrics labelled by service', async () => {
    const scrapes = await scrapeAll();
    for (const [service, scrape] of Object.entries(scrapes)) {
      expect(scrape.contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(scrape.series('nodejs_eventloop_lag_seconds')).toEqual([{ service }]);
      expect(scrape.series('process_cpu_user_seconds_total')).toEqual([{ service }]);
      expect(scrape.series('nodejs_heap_size_used_bytes')).toEqual([{ service }]);
    }
  });
});

describe('one operation through the gateway', () => {
  it('is counted once at the gateway, at the one subgraph it fetched from and by that subgraph database commands', async () => {
    const before = await scrapeAll();
    stack.resetCommands();
    const response = await stack.query(`query OrganisationNames { organisations(first: 2) { edges { node { name } } } }`);
    const after = await scrapeAll();
    expect(response.errors).toEqual([]);

    const gatewayOperation = { service: 'gateway', operation_name: 'OrganisationNames', operation_type: 'query', outcome: 'ok' };
    expect(after.gateway!.value(OPERATIONS, gatewayOperation) - before.gateway!.value(OPERATIONS, gatewayOperation)).toBe(1);
    for (const subgraph of SUBGRAPHS) {
      const fetch = { service: 'gateway', subgraph, outcome: 'ok' };
      expect([subgraph, after.gateway!.value(FETCHES, fetch) - before.gateway!.value(FETCHES, fetch)]).toEqual([subgraph, subgraph === 'organisations' ? 1 : 0]);
    }

    const subgraphOperation = { service: 'organisations', operation_name: 'OrganisationNames__organisations__0', operation_type: 'query', outcome: 'ok' };
    expect(after.organisations!.value(OPERATIONS, subgraphOperation) - before.organisations!.value(OPERATIONS, subgraphOperation)).toBe(1);
    for (const subgraph of SUBGRAPHS.filter((name) => name !== 'organisations')) {
      expect([subgraph, after[subgraph]!.series(OPERATIONS)]).toEqual([subgraph, before[subgraph]!.series(OPERATIONS)]);
    }

    const finds = stack.commands().organisations!.filter((command) => command.name === 'find').length;
    expect(finds).toBeGreaterThan(0);
    const find = { service: 'organisations', command: 'find', outcome: 'ok' };
    expect(after.organisations!.value(COMMANDS, find) - before.organisations!.value(COMMANDS, find)).toBe(finds);
  });

  it('counts the errors a client receives by code, at the gateway and at the subgraph that raised them', async () => {
    const before = await scrapeAll();
    const response = await stack.query(`{ resident(id: "65a1b2c3d4e5f6a7b8c9d0e1") { name } }`);
    const after = await scrapeAll();
    expect(response.errors.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);

    const unauthenticatedAt = (service: string) => ({ service, code: 'UNAUTHENTICATED' });
    expect(after.gateway!.value(ERRORS, unauthenticatedAt('gateway')) - before.gateway!.value(ERRORS, unauthenticatedAt('gateway'))).toBe(1);
    expect(after.residents!.value(ERRORS, unauthenticatedAt('residents')) - before.residents!.value(ERRORS, unauthenticatedAt('residents'))).toBe(1);
    const unnamed = { service: 'gateway', operation_name: '(anonymous)', operation_type: 'query', outcome: 'error' };
    expect(after.gateway!.value(OPERATIONS, unnamed) - before.gateway!.value(OPERATIONS, unnamed)).toBe(1);
  });

  it('counts a request refused for its token, before any operation runs', async () => {
    const before = await scrapeMetrics(gatewayOrigin);
    const response = await stack.query(`{ organisations(first: 1) { totalCount } }`, {}, { token: 'not-a-token' });
    const after = await scrapeMetrics(gatewayOrigin);
    expect(response.status).toBe(401);
    const code = { service: 'gateway', code: 'UNAUTHENTICATED' };
    expect(after.value(ERRORS, code) - before.value(ERRORS, code)).toBe(1);
    expect(after.series(OPERATIONS)).toEqual(before.series(OPERATIONS));
  });

  it('counts a request without a query as BAD_REQUEST', async () => {
    const before = await scrapeMetrics(gatewayOrigin);
    const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const after = await scrapeMetrics(gatewayOrigin);
    expect(response.status).toBe(400);
    const code = { service: 'gateway', code: 'BAD_REQUEST' };
    expect(after.value(ERRORS, code) - before.value(ERRORS, code)).toBe(1);
  });

  it('labels an operation by its name cut to 100 characters', async () => {
    const longName = `Q${'x'.repeat(150)}`;
    await stack.query(`query ${longName} { organisations(first: 1) { totalCount } }`);
    const scrape = await scrapeMetrics(gatewayOrigin);
    expect(scrape.value(OPERATIONS, { service: 'gateway', operation_name: longName.slice(0, 100), operation_type: 'query', outcome: 'ok' })).toBe(1);
  });
});
