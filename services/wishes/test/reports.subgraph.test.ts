import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '@civic/service-kit';
import { createSubgraphTester, type SubgraphTester, summaryOf } from '@civic/test-harness';
import { wishesSubgraph } from '@civic/wishes';
import type { Models } from '../src/models/index.ts';
import { graph, TREE, viewers } from './support/fixed-tree.ts';
import { communityWindowShorterThanGrid } from '../src/domain/claiming.ts';
import { inconsistentSettings, setWishSettingsOutOfScope } from '../src/errors.ts';

// Community settings, claimable wishes, statistics and the weekly handling sheet.
const HOUR = 3_600_000;
const start = new Date('2026-06-01T00:00:00.000Z');
const clock = new ManualClock(start);
let tester: SubgraphTester<Models>;

beforeAll(async () => {
  tester = await createSubgraphTester(wishesSubgraph, { clock, graph });
});

afterAll(() => tester.close());

async function aPublished(kind: string, category: string, title: string): Promise<string> {
  const input = { kind, category, title, description: '请帮忙处理', channel: 'APP', communityId: TREE.community, gridId: TREE.grid };
  const id = ((await tester.execute('mutation($input: SubmitWishInput!){ submitWish(input: $input) { id } }', { input }, viewers.requester)).data!.submitWish as { id: string }).id;
  expect((await tester.execute('mutation($id: ID!){ publishWish(id: $id) { id } }', { id }, viewers.worker)).errors).toEqual([]);
  return id;
}

it('sets claim windows for community staff only, refusing bad figures without writing', async () => {
  const set = 'mutation($input: CommunityWishSettingsInput!){ setCommunityWishSettings(input: $input) { gridWindowHours communityWindowHours autoConfirmDays } }';
  const input = { communityId: TREE.community, gridWindowHours: 48, communityWindowHours: 24, autoConfirmDays: 7 };
  const bad = await tester.execute(set, { input }, viewers.worker);
  expect(bad.errors.map(summaryOf)).toEqual([summaryOf(inconsistentSettings(communityWindowShorterThanGrid()))]);
  const stranger = await tester.execute(set, { input: { ...input, communityWindowHours: 96 } }, viewers.requester);
  expect(stranger.errors.map(summaryOf)).toEqual([summaryOf(setWishSettingsOutOfScope())]);
  expect(await tester.models.CommunitySettings.countDocuments()).toBe(0);
  const good = await tester.execute(set, { input: { ...input, gridWindowHours: 12, communityWindowHours: 36 } }, viewers.worker);
  expect(good.data).toEqual({ setCommunityWishSettings: { gridWindowHours: 12, communityWindowHours: 36, autoConfirmDays: 7 } });
});

it('lists a wish as claimable for a community volunteer once the community window opens', async () => {
  const id = await aPublished('WISH', 'PUBLIC_WELFARE', '帮忙搬运旧家具');
  const list = 'query{ claimableWishes { totalCount edges { node { id claimLevel } } } }';
  expect((await tester.execute(list, {}, viewers.volunteer(3))).data).toEqual({ claimableWishes: { totalCount: 0, edges: [] } });
  clock.advance(12 * HOUR);
  expect((await tester.execute(list, {}, viewers.volunteer(3))).data).toEqual({ claimableWishes: { totalCount: 1, edges: [{ node: { id, claimLevel: 'COMMUNITY' } }] } });
});

it('counts, times and rates wishes of a community, and sheets its unresolved requests by handler', async () => {
  const request = await aPublished('HELP', 'GOVERNMENT_AFFAIRS', '路灯不亮');
  clock.advance(2 * HOUR);
  const stats = await tester.execute(
    'query($input: WishStatsInput!){ wishStats(input: $input) { total byStatus { status count } byCategory { category count } medianHoursToClaim onTimeRate meanRating minimumGroupSize withheldCells } }',
    { input: { organisationId: TREE.community, from: '2026-06', to: '2026-06' } },
    viewers.worker,
  );
  // One requester's two wishes: each cell holds one person, so both are withheld.
  expect(stats.data).toEqual({
    wishStats: { total: 0, byStatus: [], byCategory: [], medianHoursToClaim: null, onTimeRate: null, meanRating: null, minimumGroupSize: 5, withheldCells: 2 },
  });
  const sheet = await tester.execute(
    'query($org: ID!, $week: DateTime!){ handlingSheet(organisationId: $org, weekStart: $week) { groups { handler { id } rows { wish { id } ageHours overdue } } } }',
    { org: TREE.street, week: start.toISOString() },
    { ...viewers.worker, roles: ['STREET_ADMIN'], scope: [TREE.street] },
  );
  expect(sheet.data).toEqual({ handlingSheet: { groups: [{ handler: { id: TREE.street }, rows: [{ wish: { id: request }, ageHours: 2, overdue: false }] }] } });
});

it('lists the wishes created from an instant on, that instant included', async () => {
  const list = 'query($filter: WishFilter){ wishes(filter: $filter) { edges { node { title } } } }';
  const createdFrom = async (at: Date, kind: string) => (await tester.execute(list, { filter: { createdAfter: at.toISOString(), kind } }, viewers.worker)).data;
  // The micro-wish of the second test was submitted at `start` exactly.
  expect(await createdFrom(start, 'WISH')).toEqual({ wishes: { edges: [{ node: { title: '帮忙搬运旧家具' } }] } });
  expect(await createdFrom(new Date(start.getTime() + 1), 'WISH')).toEqual({ wishes: { edges: [] } });
});
