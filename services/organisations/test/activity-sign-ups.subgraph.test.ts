import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { ANONYMOUS } from '@civic/identity';
import { ManualClock, invalidTransition, unauthenticated, notFound, invalidInput } from '@civic/service-kit';
import { createSubgraphTester, type SubgraphTester, commandsSince, dataOf, errorOf, RACE_TIMEOUT, repeatRace, staff, expectError, summaryOf } from '@civic/test-harness';
import { organisationsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { TreeBuilder } from './support/tree-builder.ts';
import { activityInput, createActivity } from './support/activity-builder.ts';
import { resident, service } from './support/viewers.ts';
import {
  activityFull,
  alreadyCheckedIn,
  alreadySignedUp,
  checkInOutOfScope,
  checkInWithoutSignUp,
  notSignedUp,
  readAnotherResidentsActivities,
  readAnotherResidentsServiceHours,
  readCheckInsOutOfScope,
  readParticipantsOutOfScope,
  signUpWithoutResidentRecord,
} from '../src/errors.ts';
import { hoursBeyondActivity } from '../src/domain/activity-rules.ts';

const HOUR = 3600_000;
const clock = new ManualClock(new Date('2025-03-01T08:00:00+08:00'));
let tester: SubgraphTester<Models>;
let tree: Awaited<ReturnType<TreeBuilder['fiveLevels']>>;
let worker: ReturnType<typeof staff>;
const newResidentId = () => new Types.ObjectId().toHexString();
/** Where the test's residents live, as the residents subgraph gives it through @requires. */
const homeOf = () => [tree.district, tree.street, tree.community];
/** A community outside the tree, for staff out of scope. */
const elsewhere = new Types.ObjectId().toHexString();

const SIGN_UP = `mutation($id: ID!) { signUpForActivity(activityId: $id) { id signedUpCount remainingPlaces status viewerSignedUp } }`;
const WITHDRAW = `mutation($id: ID!) { cancelActivitySignUp(activityId: $id) { id signedUpCount viewerSignedUp } }`;
const CANCEL = `mutation($id: ID!) { cancelActivity(id: $id) { id status } }`;
const CHECK_IN = `mutation($input: CheckInParticipantInput!) { checkInParticipant(input: $input) { activity { id } resident { id } hours checkedInAt } }`;
const RESIDENTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { id activities { edges { node { title } } totalCount } serviceHours } } }`;

beforeAll(async () => {
  tester = await createSubgraphTester(organisationsSubgraph, { clock });
  tree = await new TreeBuilder(tester).fiveLevels();
  worker = staff('COMMUNITY_WORKER', [tree.community]);
});

afterAll(async () => {
  await tester.close();
});

describe('signing up', () => {
  it('gives exactly 5 of 20 concurrent residents a place in an activity of capacity 5, round after round', async () => {
    await repeatRace(async () => {
      const id = await createActivity(tester, worker, activityInput(clock, tree.community, { capacity: 5 }));
      const residents = Array.from({ length: 20 }, newResidentId);
      const results = await Promise.all(residents.map((residentId) => tester.execute(SIGN_UP, { id }, resident(residentId))));

      const refusals = results.filter((result) => result.errors.length > 0).map(errorOf);
      expect(results.length - refusals.length).toBe(5);
      expect(refusals).toEqual(Array.from({ length: 15 }, () => summaryOf(activityFull())));
      const read = await tester.execute(`query($id: ID!) { activity(id: $id) { signedUpCount remainingPlaces status } }`, { id }, worker);
      expect(dataOf(read)).toEqual({ activity: { signedUpCount: 5, remainingPlaces: 0, status: 'FULL' } });
      expect([await tester.models.ActivitySignUp.countDocuments({ activityId: id }), (await tester.models.Activity.findById(id).lean())!.signedUpCount]).toEqual([5, 5]);
    });
  }, RACE_TIMEOUT);

  it('refuses a double sign-up as CONFLICT, and lets a resident withdraw and come back', async () => {
    const id = await createActivity(tester, worker, activityInput(clock, tree.community, { capacity: 2 }));
    const me = resident(newResidentId());
    expect(dataOf(await tester.execute(SIGN_UP, { id }, me))).toEqual({
      signUpForActivity: { id, signedUpCount: 1, remainingPlaces: 1, status: 'OPEN', viewerSignedUp: true },
    });
    expectError(await tester.execute(SIGN_UP, { id }, me), alreadySignedUp());
    expect(await tester.models.ActivitySignUp.countDocuments({ activityId: id })).toBe(1);

    expect(dataOf(await tester.execute(WITHDRAW, { id }, me))).toEqual({ cancelActivitySignUp: { id, signedUpCount: 0, viewerSignedUp: false } });
    expectError(await tester.execute(WITHDRAW, { id }, me), notSignedUp());
    expect(dataOf(await tester.execute(SIGN_UP, { id }, me))).toEqual({
      signUpForActivity: { id, signedUpCount: 1, remainingPlaces: 1, status: 'OPEN', viewerSignedUp: true },
    });
  });

  it('lets only residents sign themselves up, and hides COMMUNITY activities from anonymous callers', async () => {
    const id = await createActivity(tester, worker, activityInput(clock, tree.community, { visibility: 'COMMUNITY' }));
    expectError(await tester.execute(SIGN_UP, { id }, ANONYMOUS), unauthenticated());
    expectError(await tester.execute(SIGN_UP, { id }, worker), signUpWithoutResidentRecord());
    const unknown = newResidentId();
    expectError(await tester.execute(SIGN_UP, { id: unknown }, resident(newResidentId())), notFound('Activity', unknown));
    expect(await tester.models.ActivitySignUp.countDocuments({ activityId: id })).toBe(0);
  });

  it('closes sign-ups when the activity starts or is cancelled', async () => {
    const started = await createActivity(tester, worker, activityInput(clock, tree.community, {}, 1));
    const cancelled = await createActivity(tester, worker, activityInput(clock, tree.community, {}, 1));
    expect(dataOf(await tester.execute(CANCEL, { id: cancelled }, worker))).toEqual({ cancelActivity: { id: cancelled, status: 'CANCELLED' } });
    expectError(await tester.execute(CANCEL, { id: cancelled }, worker), invalidTransition('Activity', 'CANCELLED', 'be cancelled'));
    expectError(await tester.execute(SIGN_UP, { id: cancelled }, resident(newResidentId())), invalidTransition('Activity', 'CANCELLED', 'accept sign-ups'));
    clock.advance(HOUR);
    expectError(await tester.execute(SIGN_UP, { id: started }, resident(newResidentId())), invalidTransition('Activity', 'ONGOING', 'accept sign-ups'));
    expect(await tester.models.ActivitySignUp.countDocuments({ activityId: { $in: [started, cancelled] } })).toBe(0);
  });
});

describe('check-ins and service hours', () => {
  let activityId: string;
  const volunteers = [newResidentId(), newResidentId()];
  const absentee = newResidentId();

  beforeAll(async () => {
    activityId = await createActivity(tester, worker, activityInput(clock, tree.community, { title: '楼道清洁志愿服务' }, 2, 2.5));
    for (const volunteer of [...volunteers, absentee]) dataOf(await tester.execute(SIGN_UP, { id: activityId }, resident(volunteer)));
  });

  it('does not check anyone in before the start', async () => {
    const result = await tester.execute(CHECK_IN, { input: { activityId, residentId: volunteers[0] } }, worker);
    expectError(result, invalidTransition('Activity', 'OPEN', 'record check-ins'));
  });

  it("records the activity's length by default, fewer hours on request, once per participant", async () => {
    clock.advance(2 * HOUR);
    const first = await tester.execute(CHECK_IN, { input: { activityId, residentId: volunteers[0] } }, worker);
    expect(dataOf(first)).toEqual({ checkInParticipant: { activity: { id: activityId }, resident: { id: volunteers[0] }, hours: 2.5, checkedInAt: clock.now() } });
    const late = await tester.execute(CHECK_IN, { input: { activityId, residentId: volunteers[1], hours: 1.5 } }, staff('GRID_WORKER', [tree.community]));
    expect(dataOf(late)).toEqual({ checkInParticipant: { activity: { id: activityId }, resident: { id: volunteers[1] }, hours: 1.5, checkedInAt: clock.now() } });
    expectError(await tester.execute(CHECK_IN, { input: { activityId, residentId: volunteers[0] } }, worker), alreadyCheckedIn());
    expect(await tester.models.ActivityCheckIn.countDocuments({ activityId })).toBe(2);
  });

  it('refuses non-participants, too many hours and callers who are not host staff, writing nothing', async () => {
    const before = await tester.models.ActivityCheckIn.countDocuments();
    expectError(await tester.execute(CHECK_IN, { input: { activityId, residentId: newResidentId() } }, worker), checkInWithoutSignUp());
    expectError(await tester.execute(CHECK_IN, { input: { activityId, residentId: absentee, hours: 3 } }, worker), invalidInput(hoursBeyondActivity(2.5)));
    expectError(await tester.execute(CHECK_IN, { input: { activityId, residentId: absentee } }, resident(absentee)), checkInOutOfScope());
    expect(await tester.models.ActivityCheckIn.countDocuments()).toBe(before);
  });

  it("shows participants and check-ins to the host's staff only", async () => {
    const QUERY = `query($id: ID!) { activity(id: $id) { participants { totalCount edges { node { id } } } checkIns { totalCount edges { node { resident { id } hours } } } } }`;
    expect(dataOf(await tester.execute(QUERY, { id: activityId }, worker))).toEqual({
      activity: {
        participants: { totalCount: 3, edges: [...volunteers, absentee].map((id) => ({ node: { id } })) },
        checkIns: {
          totalCount: 2,
          edges: [{ node: { resident: { id: volunteers[0] }, hours: 2.5 } }, { node: { resident: { id: volunteers[1] }, hours: 1.5 } }],
        },
      },
    });
    const forResident = await tester.execute(QUERY, { id: activityId }, resident(volunteers[0]!));
    expect(forResident.data).toEqual({ activity: { participants: null, checkIns: null } });
    expect(forResident.errors.map(summaryOf).sort(byMessage)).toEqual([readCheckInsOutOfScope(), readParticipantsOutOfScope()].map(summaryOf).sort(byMessage));
  });

  it('pages participants earliest first, leaving out a resident who closed their account', async () => {
    const crowd = [newResidentId(), newResidentId(), newResidentId(), newResidentId()];
    const id = await createActivity(tester, worker, activityInput(clock, tree.community, { title: '社区义诊' }, 24));
    for (const participant of crowd) dataOf(await tester.execute(SIGN_UP, { id }, resident(participant)));
    // What the closure consumer does to a sign-up: a fresh id of its own, and the time it was anonymised.
    await tester.models.ActivitySignUp.updateOne({ activityId: id, residentId: crowd[1] }, { $set: { residentId: new Types.ObjectId(), anonymisedAt: clock.now() } });
    const PAGE = `query($id: ID!, $after: String) { activity(id: $id) { participants(first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }`;
    type Page = { activity: { participants: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
    const first = dataOf<Page>(await tester.execute(PAGE, { id }, worker)).activity.participants;
    expect(first).toEqual({ totalCount: 3, edges: [{ node: { id: crowd[0] } }, { node: { id: crowd[2] } }], pageInfo: { hasNextPage: true, endCursor: first.pageInfo.endCursor } });
    const second = dataOf<Page>(await tester.execute(PAGE, { id, after: first.pageInfo.endCursor }, worker)).activity.participants;
    expect(second).toEqual({ totalCount: 3, edges: [{ node: { id: crowd[3] } }], pageInfo: { hasNextPage: false, endCursor: second.pageInfo.endCursor } });
  });

  it('resolves Residents with their activities (latest sign-up first) and service hours in one query each', async () => {
    const [volunteer] = volunteers;
    const later = await createActivity(tester, worker, activityInput(clock, tree.community, { title: '垃圾分类宣传' }, 48));
    dataOf(await tester.execute(SIGN_UP, { id: later }, resident(volunteer!)));
    const representations = [volunteer, absentee, newResidentId()].map((id) => ({ __typename: 'Resident', id, organisationPath: homeOf() }));
    tester.commands.reset();
    const result = await tester.execute(RESIDENTS, { r: representations }, service);
    expect(dataOf(result)).toEqual({
      _entities: [
        { id: volunteer, activities: titled('垃圾分类宣传', '楼道清洁志愿服务'), serviceHours: 2.5 },
        { id: absentee, activities: titled('楼道清洁志愿服务'), serviceHours: 0 },
        { id: representations[2]!.id, activities: titled(), serviceHours: 0 },
      ],
    });
    // The residents' sign-up pages in one aggregate and the activities in one find; the counts in
    // one aggregate for the residents with no activity to load and one for the others, whatever their number.
    expect(commandsSince(tester.commands)).toEqual([
      { name: 'find', collection: 'activities' },
      { name: 'aggregate', collection: 'activity_check_ins' },
      { name: 'aggregate', collection: 'activity_sign_ups' },
      { name: 'aggregate', collection: 'activity_sign_ups' },
      { name: 'aggregate', collection: 'activity_sign_ups' },
    ]);
  });

  it("keeps a resident's activities and service hours to the resident, staff covering where they live and services", async () => {
    const [volunteer, other] = volunteers;
    const r = [{ __typename: 'Resident', id: volunteer, organisationPath: homeOf() }];
    const inFull = { _entities: [{ id: volunteer, activities: titled('垃圾分类宣传', '楼道清洁志愿服务'), serviceHours: 2.5 }] };
    expect(dataOf(await tester.execute(RESIDENTS, { r }, resident(volunteer!)))).toEqual(inFull);
    expect(dataOf(await tester.execute(RESIDENTS, { r }, staff('GRID_WORKER', [tree.community])))).toEqual(inFull);
    const refused = [readAnotherResidentsActivities(), readAnotherResidentsServiceHours()].map(summaryOf).sort(byMessage);
    for (const viewer of [resident(other!), staff('COMMUNITY_WORKER', [elsewhere]), staff('ANALYST', [])]) {
      const result = await tester.execute(RESIDENTS, { r }, viewer);
      expect(result.data).toEqual({ _entities: [{ id: volunteer, activities: null, serviceHours: null }] });
      expect(result.errors.map(summaryOf).sort(byMessage)).toEqual(refused);
    }
    const anonymous = await tester.execute(RESIDENTS, { r }, ANONYMOUS);
    expect(anonymous.data).toEqual({ _entities: [{ id: volunteer, activities: null, serviceHours: null }] });
    expect(anonymous.errors.map(summaryOf)).toEqual([
      summaryOf(unauthenticated()),
      summaryOf(unauthenticated()),
    ]);
  });
});

/** A resident's activities connection holding these titles, in this order. */
function titled(...titles: string[]) {
  return { edges: titles.map((title) => ({ node: { title } })), totalCount: titles.length };
}

function byMessage(a: { message: string }, b: { message: string }): number {
  return a.message.localeCompare(b.message);
}
