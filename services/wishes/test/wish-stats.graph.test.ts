import { afterAll, beforeAll, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { organisationsSubgraph } from '@civic/organisations';
import { residentsSubgraph } from '@civic/residents';
import { aWorld, startStack, type Stack, type World } from '@civic/test-harness';
import { wishesSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';

// wishStats under k-anonymity, through the gateway: counts and timed figures from the published
// cells only; a small cell in each community withheld, and not revealed by subtraction.
let stack: Stack;
let world: World;
let otherCommunityId: string;
let analystToken: string;
const HOUR = 3_600_000;

const STATS = `query($input: WishStatsInput!){ wishStats(input: $input) {
  total byStatus { status count } byCategory { category count } medianHoursToClaim medianHoursToResolve onTimeRate meanRating minimumGroupSize withheldCells } }`;

interface Cell {
  communityId: string;
  createdAt: string;
  requesters: number;
  /** Wishes beyond one per requester, all by the first requester. */
  extra?: number;
  kind: 'WISH' | 'HELP';
  status: 'CONFIRMED' | 'RESOLVED';
  category: 'PUBLIC_WELFARE' | 'GOVERNMENT_AFFAIRS';
  /** Hours from creation to the claim (or routing), and to completion; the rating. */
  taken: number;
  completed: number;
  rating: number;
  closedOnTime?: boolean;
}

async function insertCell(cell: Cell) {
  const models = stack.subgraph('wishes').models as unknown as Models;
  const requesters = Array.from({ length: cell.requesters }, () => new Types.ObjectId());
  const created = new Date(cell.createdAt);
  const after = (hours: number) => new Date(created.getTime() + hours * HOUR);
  const path = [world.districtId, world.streetId, cell.communityId].map((id) => new Types.ObjectId(id));
  await models.Wish.insertMany(
    [...requesters, ...Array.from({ length: cell.extra ?? 0 }, () => requesters[0]!)].map((requesterId) => ({
      kind: cell.kind,
      category: cell.category,
      title: '心愿',
      description: '说明',
      tags: [],
      urgency: 'NORMAL',
      channel: 'APP',
      requesterId,
      recordedBy: `resident:${requesterId.toHexString()}`,
      communityId: new Types.ObjectId(cell.communityId),
      gridId: new Types.ObjectId(),
      organisationPath: path,
      status: cell.status,
      version: 1,
      escalations: 0,
      publishedAt: after(0),
      takenAt: after(cell.taken),
      completedAt: after(cell.completed),
      closedOnTime: cell.closedOnTime ?? null,
      feedback: { rating: cell.rating, comment: null, automatic: false, at: after(cell.completed + 1) },
      createdAt: created,
      updatedAt: created,
    })),
  );
}

async function stats(organisationId: string, from: string, to: string) {
  const response = await stack.query<{ wishStats: Record<string, unknown> }>(STATS, { input: { organisationId, from, to } }, { token: analystToken });
  expect(response.errors).toEqual([]);
  return response.data!.wishStats;
}

beforeAll(async () => {
  stack = await startStack({ subgraphs: [organisationsSubgraph, residentsSubgraph, wishesSubgraph] });
  world = await aWorld(stack);
  analystToken = await stack.token({ roles: ['ANALYST'] });
  otherCommunityId = (
    await world.mutate<{ createOrganisation: { id: string } }>('mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }', {
      input: { name: '绿洲社区党委', kind: 'COMMUNITY_PARTY_COMMITTEE', parentId: world.streetId },
    })
  ).createOrganisation.id;
  const wish = { kind: 'WISH', status: 'CONFIRMED', category: 'PUBLIC_WELFARE' } as const;
  // Published: 6 requesters (7 wishes) in June, 5 in July, claimed after 2 and 4 hours.
  await insertCell({ ...wish, communityId: world.communityId, createdAt: '2026-06-10T02:00:00Z', requesters: 6, extra: 1, taken: 2, completed: 25, rating: 5 });
  await insertCell({ ...wish, communityId: world.communityId, createdAt: '2026-07-10T02:00:00Z', requesters: 5, taken: 4, completed: 49, rating: 4 });
  // Withheld: 2 requesters' requests in this community, 3 requesters' wishes in the other; their
  // times and ratings would change every timed figure if they counted.
  await insertCell({ kind: 'HELP', status: 'RESOLVED', category: 'GOVERNMENT_AFFAIRS', communityId: world.communityId, createdAt: '2026-06-11T02:00:00Z', requesters: 2, taken: 1, completed: 2, rating: 1, closedOnTime: true });
  await insertCell({ ...wish, communityId: otherCommunityId, createdAt: '2026-06-12T02:00:00Z', requesters: 3, taken: 10, completed: 100, rating: 1 });
});
afterAll(() => stack.stop());

it('counts and times only the published cells, and states how many it withheld', async () => {
  expect(await stats(world.streetId, '2026-06', '2026-07')).toEqual({
    total: 12,
    byStatus: [{ status: 'CONFIRMED', count: 12 }],
    byCategory: [{ category: 'PUBLIC_WELFARE', count: 12 }],
    // Claims after 2 h (7) and 4 h (5); completions after 25 h (7) and 49 h (5); ratings 5 (7) and 4 (5).
    medianHoursToClaim: 2,
    medianHoursToResolve: 25,
    onTimeRate: null,
    meanRating: 4.58,
    minimumGroupSize: 5,
    withheldCells: 2,
  });
});

it('does not reveal a withheld cell by subtracting nested scopes or periods', async () => {
  // Raw counts: the street 17 wishes, this community 14, so the other community 3; this community's
  // June 9, its published June cell 7, so 2 requests. Published cells leave nothing to find.
  const street = (await stats(world.streetId, '2026-06', '2026-07')).total as number;
  const community = (await stats(world.communityId, '2026-06', '2026-07')).total as number;
  const june = (await stats(world.communityId, '2026-06', '2026-06')).total as number;
  const july = (await stats(world.communityId, '2026-07', '2026-07')).total as number;
  expect([street, community, june, july, street - community, community - july - june]).toEqual([12, 12, 7, 5, 0, 0]);
  expect(await stats(otherCommunityId, '2026-06', '2026-07')).toEqual({
    total: 0,
    byStatus: [],
    byCategory: [],
    medianHoursToClaim: null,
    medianHoursToResolve: null,
    onTimeRate: null,
    meanRating: null,
    minimumGroupSize: 5,
    withheldCells: 1,
  });
});
