import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'graphql';
import { createGraphClient, graphErrorOf, type GraphClient } from '@civic/service-kit';
import { aWorld, loadLocalSubgraphs, startStack, type Stack } from '@civic/test-harness';
import { startCapturingProxy, type CapturingProxy } from './capturing-proxy.ts';

// A service's own query to the graph, in a burst, while a subgraph it passes through answers slowly,
// as under load: the question goes to residents (the resident's household and grid), organisations
// (the grid's level) and residents again (the grid's size check, which requires the level). The
// organisations subgraph, behind a proxy, takes longer to answer than a forwarded viewer lives (four
// seconds here instead of 30, so that a test can outlast it), so the request outlives the header
// residents was first sent; residents must still accept the second fetch.
const LIFETIME_SECONDS = 4;
// Timestamps are whole seconds and subgraphs allow one second of drift: 6 s is past any header signed before.
const SLOW_MS = 6_000;
const BURST = 20;
const ROUNDS = 5;
const SIZE_CHECK = parse(`query($id: ID!) { resident(id: $id) { household { grid { sizeCheck { householdCount withinStandard } } } } }`);

let proxy: CapturingProxy;
let stack: Stack;
let service: GraphClient;
let residentIds: string[];

beforeAll(async () => {
  proxy = await startCapturingProxy();
  stack = await startStack({
    subgraphs: (await loadLocalSubgraphs()).filter((subgraph) => ['organisations', 'residents'].includes(subgraph.name)),
    subgraphUrls: { organisations: proxy.url },
    gateway: { forwardedViewerLifetimeSeconds: LIFETIME_SECONDS },
  });
  proxy.forwardTo(stack.subgraph('organisations').url);
  const world = await aWorld(stack);
  const household = await world.aHousehold(await world.aMicroGrid());
  residentIds = [await world.aResident(household), await world.aResident(household)];
  const token = await stack.token({ subject: 'service:resources', roles: ['SERVICE'] });
  service = createGraphClient({ url: () => stack.gatewayUrl, token: () => token });
  proxy.holdFor(SLOW_MS);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await proxy?.stop();
});

it('answers every query of a burst while a subgraph is slower than a forwarded viewer lives, round after round', async () => {
  for (let round = 1; round <= ROUNDS; round++) {
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, n) =>
        service.request(SIZE_CHECK, { id: residentIds[n % residentIds.length]! }).then(
          (data) => ({ data }),
          (error: unknown) => ({ refused: graphErrorOf(error) ?? String(error) }),
        ),
      ),
    );
    const expected = { data: { resident: { household: { grid: { sizeCheck: { householdCount: 1, withinStandard: false } } } } } };
    expect({ round, answers }).toEqual({ round, answers: Array.from({ length: BURST }, () => expected) });
  }
}, 120_000);
