import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forbidden, ManualClock } from '@civic/service-kit';
import { aWorld, loadLocalSubgraphs, startStack, summaryOf, waitUntilApplied, type Stack, type World } from '@civic/test-harness';
import { mustSubscribe, type LiveSubscription } from './support/live-client.ts';

// Chengdu's standard, end to end through the gateway: a micro-grid is mobilised door to door, its
// grid worker and responsible person record three visits, the coverage is followed live, and the
// sweep after the deadline marks the mobilisation OVERDUE and gives the community a task.
const START = new Date('2030-09-01T01:00:00.000Z');
const MINUTE = 60_000;
/** A push travels through the broker: a wider wait than one request, on a busy machine. */
const PUSH_WAIT_MS = 5_000;
const clock = new ManualClock(START);
let stack: Stack;
let world: World;
let gridId: string;
let households: string[];
let responsibleToken: string;
let gridWorkerToken: string;
let communityWorkerToken: string;
const open: LiveSubscription[] = [];

const CHANGED = 'subscription($id: ID!) { mobilisationChanged(id: $id) { status coverage { reached notAtHome unvisited share } } }';
const VISIT = 'mutation($input: RecordHouseholdVisitInput!) { recordHouseholdVisit(input: $input) { id } }';
const INBOX = 'query($id: ID!) { organisation(id: $id) { notifications { edges { node { kind title body mobilisation { id status coverage { notAtHome } } } } } } }';

beforeAll(async () => {
  const local = await loadLocalSubgraphs();
  const subgraphs = local.filter((subgraph) => ['organisations', 'residents', 'notifications'].includes(subgraph.name));
  stack = await startStack({ subgraphs, clock, gateway: { runtime: 'apollo' } });
  world = await aWorld(stack);
  gridId = await world.aMicroGrid();
  households = [await world.aHousehold(gridId), await world.aHousehold(gridId), await world.aHousehold(gridId)];
  const responsibleId = await world.aResident(households[0]!, { name: '周玉梅' });
  await world.mutate('mutation($g: ID!, $r: ID!) { assignGridResponsible(gridId: $g, residentId: $r) { id } }', { g: gridId, r: responsibleId });
  responsibleToken = await stack.token({ roles: ['RESIDENT'], residentId: responsibleId });
  gridWorkerToken = await stack.token({ roles: ['GRID_WORKER'], scope: [world.communityId] });
  communityWorkerToken = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
}, 120_000);

afterAll(async () => {
  open.forEach((subscription) => subscription.stop());
  await stack?.stop();
});

async function must<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const response = await stack.query<T>(query, variables, { token });
  expect(response.errors).toEqual([]);
  return response.data!;
}

const at = (minutes: number) => new Date(START.getTime() + minutes * MINUTE);

describe('a micro-grid mobilised door to door', () => {
  it('shows its coverage live, falls overdue after 3 hours short of a household, and tells the community', async () => {
    clock.set(START);
    const started = await must<{ startMobilisation: { id: string; deadline: string } }>(
      'mutation($input: StartMobilisationInput!) { startMobilisation(input: $input) { id deadline } }',
      { input: { gridId, reason: '暴雨红色预警，逐户通知低洼楼栋居民转移' } },
      communityWorkerToken,
    );
    const { id, deadline } = started.startMobilisation;
    expect(deadline).toBe('2030-09-01T04:00:00.000Z');

    const live = await mustSubscribe(stack.gatewayUrl, gridWorkerToken, CHANGED, { id });
    open.push(live);
    const neighbour = await stack.token({ roles: ['RESIDENT'], residentId: await world.aResident(await world.aHousehold(await world.aMicroGrid())) });
    // Refused in the stream as mobilisation(id) refuses them, and the stream ends.
    const refused = await mustSubscribe(stack.gatewayUrl, neighbour, CHANGED, { id });
    open.push(refused);
    expect((await refused.next(PUSH_WAIT_MS)).errors?.map(summaryOf)).toEqual([summaryOf(forbidden('read the mobilisations of this grid'))]);
    await refused.completed;

    // A push for each event, each showing the mobilisation as it is when pushed: the one awaited comes, possibly after one of an earlier event.
    const pushed = async (expected: Record<string, unknown>) => {
      const heard = await live.until((message) => JSON.stringify(message.data) === JSON.stringify(expected), PUSH_WAIT_MS);
      return heard.at(-1)!.data;
    };
    const visit = async (householdId: string, outcome: string, minutes: number, token: string, expected: Record<string, unknown>) => {
      clock.set(at(minutes));
      await must(VISIT, { input: { mobilisationId: id, householdId, outcome } }, token);
      expect(await pushed(expected)).toEqual(expected);
    };
    await visit(households[0]!, 'REACHED', 40, gridWorkerToken, { mobilisationChanged: { status: 'OPEN', coverage: { reached: 1, notAtHome: 0, unvisited: 2, share: 0.3333 } } });
    await visit(households[1]!, 'NOT_AT_HOME', 55, responsibleToken, { mobilisationChanged: { status: 'OPEN', coverage: { reached: 1, notAtHome: 1, unvisited: 1, share: 0.3333 } } });
    await visit(households[2]!, 'REACHED', 70, gridWorkerToken, { mobilisationChanged: { status: 'OPEN', coverage: { reached: 2, notAtHome: 1, unvisited: 0, share: 0.6667 } } });

    // Before the deadline the sweep finds nothing; past it, the mobilisation short of one household falls overdue.
    clock.set(at(180));
    const sweep = 'mutation($c: ID!) { runMobilisationSweep(organisationId: $c) { overdue } }';
    expect(await must(sweep, { c: world.communityId }, communityWorkerToken)).toEqual({ runMobilisationSweep: { overdue: 0 } });
    clock.set(at(181));
    expect(await must(sweep, { c: world.communityId }, communityWorkerToken)).toEqual({ runMobilisationSweep: { overdue: 1 } });
    expect(await must(sweep, { c: world.communityId }, communityWorkerToken)).toEqual({ runMobilisationSweep: { overdue: 0 } });
    const overdueNow = { mobilisationChanged: { status: 'OVERDUE', coverage: { reached: 2, notAtHome: 1, unvisited: 0, share: 0.6667 } } };
    expect(await pushed(overdueNow)).toEqual(overdueNow);

    const { outbox } = stack.subgraph('organisations').eventCollections;
    const overdue = await outbox.find({ 'event.kind': 'mobilisation.overdue', 'event.facts.mobilisationId': id }).lean();
    await waitUntilApplied(stack.subgraph('notifications'), 'notifications-inbox', overdue.map((entry) => entry.event.id));
    expect(await must(INBOX, { id: world.communityId }, communityWorkerToken)).toEqual({
      organisation: {
        notifications: {
          edges: [
            {
              node: {
                kind: 'MOBILISATION_OVERDUE',
                title: '网格入户动员超时',
                body: '一个微网格的入户动员已超过时限（2030-09-01 12:00），仍有 1 户未联系上，请协调处理。',
                mobilisation: { id, status: 'OVERDUE', coverage: { notAtHome: 1 } },
              },
            },
          ],
        },
      },
    });

    // Visits go on after the deadline: the household found at home completes the mobilisation.
    await visit(households[1]!, 'REACHED', 190, responsibleToken, { mobilisationChanged: { status: 'COMPLETED', coverage: { reached: 3, notAtHome: 0, unvisited: 0, share: 1 } } });
  }, 120_000);
});
