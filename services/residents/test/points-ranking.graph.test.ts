import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationsSubgraph } from '@civic/organisations';
import { ManualClock, notACursor, unauthenticated } from '@civic/service-kit';
import { aWorld, expectError, startStack, type Stack, type World } from '@civic/test-harness';
import { residentsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { notARankingOrganisation } from '../src/errors.ts';
import { applyEvent, attended, checkedIn, wishConfirmed } from './support/points-events.ts';

// Stars of service through the gateway: exact order, shared ranks, ties, pages, masking, scope.
let stack: Stack;
let world: World;
let models: Models;
let otherCommunityId: string;
let staffToken: string;
const clock = new ManualClock(new Date('2025-05-10T02:00:00Z'));
const names = ['陈建国', '李桂兰', '张伟', '赵小明', '孙丽', '周海燕', '吴国平', '郑志强'] as const;
const ids: Record<(typeof names)[number], string> = {} as never;

const RANKING = `query($org: ID!, $period: PointsPeriodInput!, $first: Int, $after: String) {
  pointsRanking(organisationId: $org, period: $period, first: $first, after: $after) {
    totalCount
    edges { cursor node { rank points reachedAt resident { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Ranking {
  pointsRanking: { totalCount: number; edges: { node: { rank: number; points: number; reachedAt: string; resident: { name: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

async function ranking(org: string, period: { year: number; month?: number }, token = staffToken, first?: number, after?: string) {
  const response = await stack.query<Ranking>(RANKING, { org, period, first, after }, { token });
  expect(response.errors).toEqual([]);
  return response.data!.pointsRanking;
}

const rows = (page: Ranking['pointsRanking']) => page.edges.map(({ node }) => [node.rank, node.resident.name, node.points, node.reachedAt]);

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph], clock });
  world = await aWorld(stack);
  models = stack.subgraph('residents').models as unknown as Models;
  staffToken = await stack.token({ roles: ['STREET_ADMIN'], scope: [world.streetId] });
  otherCommunityId = (
    await world.mutate<{ createOrganisation: { id: string } }>('mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }', {
      input: { name: '绿洲社区党委', kind: 'COMMUNITY_PARTY_COMMITTEE', parentId: world.streetId },
    })
  ).createOrganisation.id;
  const otherGrid = (
    await world.mutate<{ createGrid: { id: string } }>('mutation($input: CreateGridInput!) { createGrid(input: $input) { id } }', {
      input: { name: '绿洲社区网格', level: 'COMMUNITY', communityId: otherCommunityId },
    })
  ).createGrid.id;
  const household = await world.aHousehold(await world.aMicroGrid());
  // Registered in this order, so their ids ascend in it: 张伟 < 赵小明 < 孙丽 by id.
  for (const name of names) ids[name] = await world.aResident(name === '郑志强' ? await world.aHousehold(otherGrid) : household, { name });

  const may = (day: number, hour = 2) => new Date(Date.UTC(2025, 4, day, hour));
  await applyEvent(models, checkedIn(ids.李桂兰, 2.5, may(2))); // 10, reached 2 May
  await applyEvent(models, wishConfirmed([ids.张伟, ids.赵小明, ids.孙丽], 5, may(3))); // 10 each, reached 3 May: ties broken by id
  await applyEvent(models, attended(ids.陈建国, may(1))); // 3, and a staff award of 20 on 10 May: 23
  await applyEvent(models, wishConfirmed([ids.周海燕], 5, may(5))); // 10, less a deduction of 5 on 10 May: 5
  await applyEvent(models, checkedIn(ids.吴国平, 1, new Date('2025-04-30T16:30:00Z'))); // 4: 00:30 on 1 May in Beijing
  await applyEvent(models, checkedIn(ids.吴国平, 1, new Date('2025-04-30T15:30:00Z'))); // 4: 23:30 on 30 April, not May
  await applyEvent(models, checkedIn(ids.郑志强, 3, may(4))); // 12, in the other community of the street
  const worker = await stack.token({ subject: 'staff:xincheng', roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
  const adjust = async (mutation: 'awardPoints' | 'deductPoints', input: Record<string, unknown>) => {
    const type = mutation === 'awardPoints' ? 'PointsAwardInput' : 'PointsDeductionInput';
    const response = await stack.query(`mutation($input: ${type}!) { ${mutation}(input: $input) { amount } }`, { input }, { token: worker });
    expect(response.errors).toEqual([]);
  };
  await adjust('awardPoints', { residentId: ids.陈建国, amount: 20, source: 'AWARD', reason: '社区防汛值守' });
  await adjust('deductPoints', { residentId: ids.周海燕, amount: 5, reason: '服务时长登记有误' });
  // A June entry: outside May, inside the year.
  await applyEvent(models, attended(ids.孙丽, new Date(Date.UTC(2025, 5, 1, 2))));
});
afterAll(() => stack.stop());

describe('pointsRanking', () => {
  it('ranks a community’s residents by points earned in a month: ties share a rank, the earlier first, then by id', async () => {
    const page = await ranking(world.communityId, { year: 2025, month: 5 });
    expect(rows(page)).toEqual([
      [1, '陈建国', 23, '2025-05-10T02:00:00.000Z'],
      [2, '李桂兰', 10, '2025-05-02T02:00:00.000Z'],
      [2, '张伟', 10, '2025-05-03T02:00:00.000Z'],
      [2, '赵小明', 10, '2025-05-03T02:00:00.000Z'],
      [2, '孙丽', 10, '2025-05-03T02:00:00.000Z'],
      [6, '周海燕', 5, '2025-05-10T02:00:00.000Z'],
      [7, '吴国平', 4, '2025-04-30T16:30:00.000Z'],
    ]);
    expect([page.totalCount, page.pageInfo.hasNextPage]).toEqual([7, false]);
  });

  it('ranks a street over its communities, and a whole year', async () => {
    expect(rows(await ranking(world.streetId, { year: 2025, month: 5 })).map(([rank, name, points]) => [rank, name, points])).toEqual([
      [1, '陈建国', 23],
      [2, '郑志强', 12],
      [3, '李桂兰', 10],
      [3, '张伟', 10],
      [3, '赵小明', 10],
      [3, '孙丽', 10],
      [7, '周海燕', 5],
      [8, '吴国平', 4],
    ]);
    expect(rows(await ranking(world.communityId, { year: 2025 })).map(([rank, name, points]) => [rank, name, points])).toEqual([
      [1, '陈建国', 23],
      [2, '孙丽', 13],
      [3, '李桂兰', 10],
      [3, '张伟', 10],
      [3, '赵小明', 10],
      [6, '吴国平', 8],
      [7, '周海燕', 5],
    ]);
    expect(rows(await ranking(otherCommunityId, { year: 2025, month: 5 })).map(([rank, name]) => [rank, name])).toEqual([[1, '郑志强']]);
    expect(await ranking(world.communityId, { year: 2025, month: 3 })).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('pages through the ranking, ranks counting everyone above', async () => {
    const pages: (string | number)[][][] = [];
    let after: string | undefined;
    for (let more = true; more; ) {
      const page = await ranking(world.communityId, { year: 2025, month: 5 }, staffToken, 3, after);
      pages.push(page.edges.map(({ node }) => [node.rank, node.resident.name]));
      ({ hasNextPage: more } = page.pageInfo);
      after = page.pageInfo.endCursor ?? undefined;
    }
    expect(pages).toEqual([
      [[1, '陈建国'], [2, '李桂兰'], [2, '张伟']],
      [[2, '赵小明'], [2, '孙丽'], [6, '周海燕']],
      [[7, '吴国平']],
    ]);
  });

  it('is open to any signed-in resident, with others’ names masked as everywhere', async () => {
    const token = await stack.token({ roles: ['RESIDENT'], residentId: ids.孙丽 });
    expect(rows(await ranking(world.communityId, { year: 2025, month: 5 }, token, 5)).map(([, name]) => name)).toEqual(['陈**', '李**', '张*', '赵**', '孙丽']);
  });

  it('reads one page with one aggregation and one query for its residents', async () => {
    stack.resetCommands();
    await ranking(world.communityId, { year: 2025, month: 5 });
    expect(stack.commands().residents).toEqual([
      { name: 'aggregate', collection: 'pointsEntries' },
      { name: 'find', collection: 'residents' },
    ]);
  });

  it('refuses the anonymous, an organisation that is neither community nor street, and a cursor it did not make', async () => {
    const period = { year: 2025, month: 5 };
    expectError(await stack.query(RANKING, { org: world.communityId, period }), unauthenticated());
    expectError(await stack.query(RANKING, { org: world.branchId, period }, { token: staffToken }), notARankingOrganisation());
    expectError(await stack.query(RANKING, { org: '0000000000000000000000ff', period }, { token: staffToken }), notARankingOrganisation());
    expectError(await stack.query(RANKING, { org: world.communityId, period, after: 'bm90IGEgY3Vyc29y' }, { token: staffToken }), notACursor());
  });
});
