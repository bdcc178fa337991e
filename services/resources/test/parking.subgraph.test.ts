import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, invalidTransition, notFound } from '@civic/service-kit';
import { createSubgraphTester, type SubgraphTester, dataOf, RACE_TIMEOUT, repeatRace, resident, staff, expectError, FakeGraph, aTree } from '@civic/test-harness';
import { resourcesSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { createResource, inputs } from './support/resource-builder.ts';
import { applyForParkingAsNonResident, applyForParkingOutsideServedArea, notAParkingQuota, parkingApplicationOpen } from '../src/errors.ts';

const clock = new ManualClock(new Date('2030-03-01T08:00:00+08:00'));
const graph = new FakeGraph();
const tree = aTree(graph);
const worker = staff('COMMUNITY_WORKER', [tree.community]);
let tester: SubgraphTester<Models>;

const APPLY = `mutation($id: ID!) { applyForParking(resourceId: $id) { id status place waitingPosition applicant { id } } }`;
const RELEASE = `mutation($id: ID!) { releaseParking(applicationId: $id) { id status place releasedAt } }`;
const QUOTA = `query($id: ID!) { resource(id: $id) { parking { places allocatedCount waitingCount applications(status: ALLOCATED) { edges { node { place } } totalCount } } } }`;

const COUNTS = `query($id: ID!) { resource(id: $id) { parking { places allocatedCount waitingCount } } }`;

type Application = { id: string; status: string; place: number | null; waitingPosition: number | null; applicant: { id: string } };

beforeAll(async () => {
  tester = await createSubgraphTester(resourcesSubgraph, { clock, graph });
});

afterAll(async () => {
  await tester.close();
});

async function apply(resourceId: string, residentId: string): Promise<Application> {
  return dataOf<{ applyForParking: Application }>(await tester.execute(APPLY, { id: resourceId }, resident(residentId))).applyForParking;
}

describe('shared parking', () => {
  it('allocates in order of application under the quota, queues the rest, and moves the first waiting in on release', async () => {
    const quota = await createResource(tester, worker, inputs.parking(tree.community, tree.propertyCompany, 2));
    const applicants = Array.from({ length: 4 }, () => graph.resident());
    const applications: Application[] = [];
    for (const applicant of applicants) {
      applications.push(await apply(quota, applicant));
      clock.advance(60_000);
    }
    expect(applications.map(({ status, place, waitingPosition }) => ({ status, place, waitingPosition }))).toEqual([
      { status: 'ALLOCATED', place: 1, waitingPosition: null },
      { status: 'ALLOCATED', place: 2, waitingPosition: null },
      { status: 'WAITING', place: null, waitingPosition: 1 },
      { status: 'WAITING', place: null, waitingPosition: 2 },
    ]);
    expectError(await tester.execute(APPLY, { id: quota }, resident(applicants[0]!)), parkingApplicationOpen());

    const released = await tester.execute(RELEASE, { id: applications[0]!.id }, resident(applicants[0]!));
    expect(dataOf(released)).toEqual({ releaseParking: { id: applications[0]!.id, status: 'RELEASED', place: 1, releasedAt: clock.now() } });
    const third = `query($id: ID!) { parkingApplication(id: $id) { status place waitingPosition } }`;
    expect(dataOf(await tester.execute(third, { id: applications[2]!.id }, resident(applicants[2]!)))).toEqual({
      parkingApplication: { status: 'ALLOCATED', place: 1, waitingPosition: null },
    });
    expect(dataOf(await tester.execute(third, { id: applications[3]!.id }, worker))).toEqual({ parkingApplication: { status: 'WAITING', place: null, waitingPosition: 1 } });
    expect(dataOf(await tester.execute(QUOTA, { id: quota }, worker))).toEqual({
      resource: { parking: { places: 2, allocatedCount: 2, waitingCount: 1, applications: { edges: [{ node: { place: 2 } }, { node: { place: 1 } }], totalCount: 2 } } },
    });
    expectError(await tester.execute(RELEASE, { id: applications[0]!.id }, resident(applicants[0]!)), invalidTransition('ParkingApplication', 'RELEASED', 'be released'));
    // Released, the first applicant may apply again, at the back of the queue.
    const again = await apply(quota, applicants[0]!);
    expect(again.waitingPosition).toBe(2);
    // A waiting application leaves the queue as WITHDRAWN, and the one behind it moves up.
    expect(dataOf(await tester.execute(RELEASE, { id: applications[3]!.id }, resident(applicants[3]!)))).toEqual({
      releaseParking: { id: applications[3]!.id, status: 'WITHDRAWN', place: null, releasedAt: clock.now() },
    });
    expect(dataOf(await tester.execute(third, { id: again.id }, worker))).toEqual({ parkingApplication: { status: 'WAITING', place: null, waitingPosition: 1 } });
  });

  it('never allocates more places than the quota when 10 residents apply at once, round after round', async () => {
    await repeatRace(async () => {
      const quota = await createResource(tester, worker, inputs.parking(tree.community, tree.propertyCompany, 3));
      const results = await Promise.all(Array.from({ length: 10 }, () => tester.execute(APPLY, { id: quota }, resident(graph.resident()))));
      const applications = results.map((result) => dataOf<{ applyForParking: Application }>(result).applyForParking);
      expect(applications.filter(({ status }) => status === 'ALLOCATED').length).toBe(3);
      expect(applications.filter(({ status }) => status === 'WAITING').length).toBe(7);
      const places = (await tester.models.ParkingApplication.find({ resourceId: quota, status: 'ALLOCATED' }).lean()).map((entry) => entry.place).sort();
      expect(places).toEqual([1, 2, 3]);
      expect(dataOf(await tester.execute(COUNTS, { id: quota }, worker))).toEqual({ resource: { parking: { places: 3, allocatedCount: 3, waitingCount: 7 } } });
    });
  }, RACE_TIMEOUT);

  it('moves the two waiting in when both holders release while two more apply, round after round', async () => {
    await repeatRace(async () => {
      const quota = await createResource(tester, worker, inputs.parking(tree.community, tree.propertyCompany, 2));
      const [first, second, third, fourth] = Array.from({ length: 4 }, () => graph.resident());
      const held = [await apply(quota, first!), await apply(quota, second!)];
      clock.advance(60_000);
      const waiting = [await apply(quota, third!), await apply(quota, fourth!)];
      expect([...held, ...waiting].map(({ status }) => status)).toEqual(['ALLOCATED', 'ALLOCATED', 'WAITING', 'WAITING']);
      clock.advance(60_000);
      const latecomers = [graph.resident(), graph.resident()];

      const results = await Promise.all([
        ...held.map((application, index) => tester.execute(RELEASE, { id: application.id }, resident([first, second][index]!))),
        ...latecomers.map((latecomer) => tester.execute(APPLY, { id: quota }, resident(latecomer))),
      ]);
      expect(results.flatMap((result) => result.errors)).toEqual([]);
      const open = await tester.models.ParkingApplication.find({ resourceId: quota, status: { $in: ['ALLOCATED', 'WAITING'] } }).lean();
      const holders = open.filter((application) => application.status === 'ALLOCATED');
      expect(holders.map((application) => application.applicantId.toHexString()).sort()).toEqual(waiting.map((application) => application.applicant.id).sort());
      expect(holders.map((application) => application.place).sort()).toEqual([1, 2]);
      const queue = open.filter((application) => application.status === 'WAITING');
      expect(queue.map((application) => application.applicantId.toHexString()).sort()).toEqual([...latecomers].sort());
    });
  }, RACE_TIMEOUT);

  it('refuses other kinds, strangers and callers who are not residents, writing nothing', async () => {
    const quota = await createResource(tester, worker, inputs.parking(tree.community, tree.propertyCompany, 1));
    const fund = await createResource(tester, worker, inputs.fund(tree.community, tree.community));
    const before = await tester.models.ParkingApplication.countDocuments();
    expectError(await tester.execute(APPLY, { id: fund }, resident(graph.resident())), notAParkingQuota());
    expectError(await tester.execute(APPLY, { id: quota }, worker), applyForParkingAsNonResident());
    expectError(await tester.execute(APPLY, { id: quota }, resident(graph.resident(tree.otherCommunity))), applyForParkingOutsideServedArea());
    expect(await tester.models.ParkingApplication.countDocuments()).toBe(before);
    const mine = await apply(quota, graph.resident());
    expectError(await tester.execute(RELEASE, { id: mine.id }, resident(graph.resident())), notFound('ParkingApplication', mine.id));
    expect(dataOf(await tester.execute(RELEASE, { id: mine.id }, worker))).toEqual({ releaseParking: { id: mine.id, status: 'RELEASED', place: 1, releasedAt: clock.now() } });
  });
});
