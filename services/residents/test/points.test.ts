import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphTester, RACE_TIMEOUT, repeatRace, expectError, summaryOf } from '@civic/test-harness';
import { encodeCursor, ManualClock, emptyText, notWholeNumberInRange } from '@civic/service-kit';
import { Types } from 'mongoose';
import { residentsSubgraph } from '../src/subgraph.ts';
import { createHousehold, dataOf, errorOf, registerResident, type Tester } from './support/operations.ts';
import { GRID, organisationsGraph, residentViewer, STRANGER_ID, VIEWERS } from './support/world.ts';
import { awardPointsOutOfScope, deductPointsOutOfScope, insufficientPoints, notAnAwardSource } from '../src/errors.ts';
import { AWARD_SOURCES } from '../src/domain/points.ts';

const AWARD = 'mutation($input: PointsAwardInput!) { awardPoints(input: $input) { amount source reason recordedBy balanceAfter at } }';
const DEDUCT = 'mutation($input: PointsDeductionInput!) { deductPoints(input: $input) { amount source balanceAfter } }';
const POINTS = `query($id: ID!, $first: Int, $after: String) {
  resident(id: $id) { points { balance entries(first: $first, after: $after) { edges { node { amount source reason } } pageInfo { hasNextPage endCursor } totalCount } } }
}`;

let tester: Tester;
let householdId: string;
const clock = new ManualClock(new Date('2025-05-04T01:00:00Z'));

async function newResident(name: string): Promise<string> {
  return registerResident(tester, { householdId, name });
}

async function award(residentId: string, amount: number, reason = '参加社区义诊志愿服务') {
  return dataOf(await tester.execute(AWARD, { input: { residentId, amount, source: 'ACTIVITY', reason } }, VIEWERS.communityWorkerA));
}

beforeAll(async () => {
  tester = await createSubgraphTester(residentsSubgraph, { graph: organisationsGraph(), clock });
  householdId = await createHousehold(tester, { gridId: GRID.microA, building: '9栋', unit: '2单元', room: '801' });
});
afterAll(() => tester.close());

describe('awardPoints and deductPoints', () => {
  it('appends entries and derives the balance from them', async () => {
    const residentId = await newResident('蒋志强');
    expect(await award(residentId, 50)).toEqual({
      awardPoints: { amount: 50, source: 'ACTIVITY', reason: '参加社区义诊志愿服务', recordedBy: 'staff:community-a', balanceAfter: 50, at: new Date('2025-05-04T01:00:00.000Z') },
    });
    expect(dataOf(await tester.execute(DEDUCT, { input: { residentId, amount: 20, reason: '兑换停车位优先权' } }, VIEWERS.streetAdminA))).toEqual({
      deductPoints: { amount: -20, source: 'DEDUCTION', balanceAfter: 30 },
    });
    const oldest = (await tester.models.PointsEntry.findOne({ residentId: new Types.ObjectId(residentId), sequence: 1 }).lean())!;
    expect(dataOf(await tester.execute(POINTS, { id: residentId }, residentViewer(residentId)))).toEqual({
      resident: {
        points: {
          balance: 30,
          entries: {
            edges: [
              { node: { amount: -20, source: 'DEDUCTION', reason: '兑换停车位优先权' } },
              { node: { amount: 50, source: 'ACTIVITY', reason: '参加社区义诊志愿服务' } },
            ],
            pageInfo: { hasNextPage: false, endCursor: encodeCursor(1, oldest._id) },
            totalCount: 2,
          },
        },
      },
    });
  });

  it('refuses a deduction below zero, writing nothing', async () => {
    const residentId = await newResident('沈佳');
    await award(residentId, 10);
    const before = await tester.models.PointsEntry.countDocuments();
    expectError(await tester.execute(DEDUCT, { input: { residentId, amount: 11, reason: '违规扣分' } }, VIEWERS.communityWorkerA), insufficientPoints(10, 11));
    expect(await tester.models.PointsEntry.countDocuments()).toBe(before);
  });

  it('lets exactly 6 of 10 concurrent deductions of 10 through a balance of 60, round after round', async () => {
    await repeatRace(async () => {
      const residentId = await newResident('韩梅');
      await award(residentId, 60);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => tester.execute(DEDUCT, { input: { residentId, amount: 10, reason: '兑换公益服务' } }, VIEWERS.communityWorkerA)),
      );
      const refused = results.filter((result) => result.errors.length > 0).map(errorOf);
      expect(results.length - refused.length).toBe(6);
      expect(refused).toEqual(Array.from({ length: 4 }, () => summaryOf(insufficientPoints(0, 10))));
      const entries = await tester.models.PointsEntry.find({ residentId: new Types.ObjectId(residentId) }).sort({ sequence: 1 }).lean();
      expect(entries.map((entry) => [entry.sequence, entry.amount, entry.balanceAfter])).toEqual([
        [1, 60, 60],
        ...Array.from({ length: 6 }, (_, index) => [index + 2, -10, 50 - index * 10]),
      ]);
      const totals = await tester.execute('query($id: ID!) { resident(id: $id) { points { balance entries { totalCount } } } }', { id: residentId }, VIEWERS.communityWorkerA);
      expect(dataOf(totals)).toEqual({ resident: { points: { balance: 0, entries: { totalCount: 7 } } } });
    });
  }, RACE_TIMEOUT);

  it('keeps every one of 10 concurrent awards, round after round', async () => {
    await repeatRace(async () => {
      const residentId = await newResident('杨帆');
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) => tester.execute(AWARD, { input: { residentId, amount: index + 1, source: 'WISH', reason: '认领微心愿' } }, VIEWERS.service)),
      );
      expect(results.filter((result) => result.errors.length > 0)).toEqual([]);
      const entries = await tester.models.PointsEntry.find({ residentId: new Types.ObjectId(residentId) }).sort({ sequence: 1 }).lean();
      // Every amount once, and each balance the one before plus the entry's amount.
      expect(entries.map((entry) => entry.amount).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, index) => index + 1));
      expect(entries.map((entry, index) => [entry.sequence, entry.balanceAfter - (entries[index - 1]?.balanceAfter ?? 0)])).toEqual(entries.map((entry, index) => [index + 1, entry.amount]));
      const newest = entries[9]!;
      expect(newest.balanceAfter).toBe(55);
      expect(dataOf(await tester.execute(POINTS, { id: residentId, first: 1 }, VIEWERS.service))).toEqual({
        resident: {
          points: {
            balance: 55,
            entries: {
              edges: [{ node: { amount: newest.amount, source: 'WISH', reason: '认领微心愿' } }],
              pageInfo: { hasNextPage: true, endCursor: encodeCursor(10, newest._id) },
              totalCount: 10,
            },
          },
        },
      });
    });
  }, RACE_TIMEOUT);

  it('pages entries newest first', async () => {
    const residentId = await newResident('朱琳');
    for (const amount of [1, 2, 3]) await award(residentId, amount, `第${amount}次服务`);
    type Page = { resident: { points: { entries: { edges: { node: { amount: number } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } } };
    const first = dataOf<Page>(await tester.execute(POINTS, { id: residentId, first: 2 }, VIEWERS.communityWorkerA)).resident.points.entries;
    const second = dataOf<Page>(await tester.execute(POINTS, { id: residentId, first: 2, after: first.pageInfo.endCursor }, VIEWERS.communityWorkerA)).resident.points.entries;
    expect([first, second].map((page) => [page.edges.map((edge) => edge.node.amount), page.pageInfo.hasNextPage])).toEqual([
      [[3, 2], true],
      [[1], false],
    ]);
  });

  it("keeps a resident's points to the resident, covering staff and services", async () => {
    const residentId = await newResident('秦雨');
    await award(residentId, 5);
    expect(dataOf(await tester.execute(POINTS, { id: residentId }, residentViewer(STRANGER_ID)))).toEqual({ resident: { points: null } });
    expect(dataOf(await tester.execute(POINTS, { id: residentId }, VIEWERS.communityWorkerB))).toEqual({ resident: { points: null } });
    expect(dataOf(await tester.execute(POINTS, { id: residentId }, VIEWERS.gridWorkerA))).toEqual({
      resident: {
        points: {
          balance: 5,
          entries: { edges: [{ node: { amount: 5, source: 'ACTIVITY', reason: '参加社区义诊志愿服务' } }], pageInfo: { hasNextPage: false, endCursor: expect.any(String) }, totalCount: 1 },
        },
      },
    });
  });

  it('refuses callers who may not record points, and bad input, writing nothing', async () => {
    const residentId = await newResident('尤佳');
    const before = await tester.models.PointsEntry.countDocuments();
    const input = { residentId, amount: 5, source: 'AWARD', reason: '优秀志愿者' };
    expectError(await tester.execute(AWARD, { input }, VIEWERS.gridWorkerA), awardPointsOutOfScope());
    expectError(await tester.execute(AWARD, { input }, VIEWERS.communityWorkerB), awardPointsOutOfScope());
    expectError(await tester.execute(AWARD, { input }, residentViewer(residentId)), awardPointsOutOfScope());
    expectError(await tester.execute(DEDUCT, { input: { residentId, amount: 1, reason: '扣分' } }, VIEWERS.service), deductPointsOutOfScope());
    expectError(await tester.execute(AWARD, { input: { ...input, amount: 0 } }, VIEWERS.communityWorkerA), notWholeNumberInRange('amount', 1, 10000));
    expectError(await tester.execute(AWARD, { input: { ...input, source: 'DEDUCTION' } }, VIEWERS.communityWorkerA), notAnAwardSource(AWARD_SOURCES));
    expectError(await tester.execute(AWARD, { input: { ...input, reason: ' ' } }, VIEWERS.communityWorkerA), emptyText('reason'));
    expect(await tester.models.PointsEntry.countDocuments()).toBe(before);
  });
});
