import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { composeSupergraph } from '@civic/dev-platform';
import { loadLocalSubgraphs, startStack, type Stack } from '@civic/test-harness';
import { capturedLogs } from './captured-logs.ts';
import { send } from './http.ts';
import { startPartnerSubgraph, type PartnerSubgraph } from './partner-subgraph.ts';

// The gateway in front of one of our subgraphs and a partner's, following a supergraph file.
const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@shareable"])';
const PARKING_V1 = `${FEDERATION}\ntype Query { parkingNotice: String }`;
const PARKING_V2 = `${FEDERATION}\ntype Query { parkingNotice: String parkingSpaces: Int }`;
const parkingV1 = { Query: { parkingNotice: () => '地下车库周六清洗' } };
const parkingV2 = { Query: { parkingNotice: () => '地下车库周六清洗', parkingSpaces: () => 12 } };

let stack: Stack;
let partner: PartnerSubgraph;
let directory: string;
let supergraphPath: string;
const { logger, lines } = capturedLogs();

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'civic-supergraph-'));
  supergraphPath = join(directory, 'supergraph.graphql');
  partner = await startPartnerSubgraph(PARKING_V1, parkingV1);
  stack = await startStack({
    // residents comes with organisations, whose SDL @requires where a resident lives (Resident.organisationPath).
    subgraphs: (await loadLocalSubgraphs()).filter((subgraph) => ['organisations', 'residents'].includes(subgraph.name)),
    remoteSubgraphs: [{ name: 'parking', url: partner.url, typeDefs: PARKING_V1 }],
    supergraphPath,
    logger,
  });
});

afterAll(async () => {
  await stack.stop();
  await partner.stop();
  await rm(directory, { recursive: true });
});

const ready = () => send(new URL('/health/ready', stack.gatewayUrl).href);
const eventually = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 15_000, interval: 100 });

async function supergraphWith(parkingTypeDefs: string): Promise<string> {
  const local = (await loadLocalSubgraphs()).filter((subgraph) => ['organisations', 'residents'].includes(subgraph.name));
  return composeSupergraph([
    ...local.map((subgraph) => ({ name: subgraph.name, url: stack.subgraph(subgraph.name).url, typeDefs: subgraph.typeDefs })),
    { name: 'parking', url: partner.url, typeDefs: parkingTypeDefs },
  ]);
}

describe('readiness', () => {
  it('is 200 while every subgraph answers', async () => {
    expect(await ready()).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('is 503 naming a subgraph that stopped, and 200 again once it is back', async () => {
    const port = partner.port;
    await partner.stop();
    await eventually(async () => {
      expect(await ready()).toMatchObject({ status: 503, body: { status: 'unavailable', reason: 'subgraphs unreachable', subgraphs: ['parking'] } });
    });
    partner = await startPartnerSubgraph(PARKING_V1, parkingV1, port);
    await eventually(async () => {
      expect(await ready()).toMatchObject({ status: 200, body: { status: 'ok' } });
    });
  });
});

describe('a changed supergraph file', () => {
  it('serves a field the partner added, without a restart', async () => {
    const port = partner.port;
    await partner.stop();
    partner = await startPartnerSubgraph(PARKING_V2, parkingV2, port);
    const before = await stack.query('{ parkingSpaces }');
    expect([before.status, before.errors.map((error) => error.extensions?.code)]).toEqual([400, ['GRAPHQL_VALIDATION_FAILED']]);

    await writeFile(supergraphPath, await supergraphWith(PARKING_V2));
    await eventually(async () => {
      expect(await stack.query('{ parkingSpaces parkingNotice organisations(first: 1) { edges { node { id } } } }')).toMatchObject({
        status: 200,
        data: { parkingSpaces: 12, parkingNotice: '地下车库周六清洗' },
        errors: [],
      });
    });
  });

  it.each([
    ['text that does not parse', 'this is not a supergraph {'],
    ['a schema that is no supergraph', 'type Query { parkingSpaces: Int }'],
  ])('is refused when it is %s, and the previous supergraph keeps serving', async (_kind, content) => {
    const refusalsBefore = lines.filter((line) => line.msg === 'supergraph refused; the previous supergraph keeps serving').length;
    await writeFile(supergraphPath, content);
    await eventually(async () => {
      const refusals = lines.filter((line) => line.msg === 'supergraph refused; the previous supergraph keeps serving');
      expect(refusals).toHaveLength(refusalsBefore + 1);
      expect(refusals.at(-1)).toMatchObject({ name: 'gateway', level: 50, path: supergraphPath, reason: expect.any(String) });
    });
    expect(await stack.query('{ parkingSpaces }')).toEqual({ status: 200, data: { parkingSpaces: 12 }, errors: [] });
    expect(await ready()).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
