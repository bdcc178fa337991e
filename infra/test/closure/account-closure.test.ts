import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { ManualClock, unauthenticated } from '@civic/service-kit';
import { accountClosed, closeAccountOutOfScope, closeMyAccountWithoutResident, closureNotConfirmed, residentClosed } from '@civic/residents/errors';
import { aWorld, loadLocalSubgraphs, startStack, summaryOf, waitUntilApplied, waitUntilPublished, type AnySubgraph, type Stack, type World } from '@civic/test-harness';
import { CLOSING, EverywhereBuilder, type EverywhereRecords } from './support/resident-everywhere.ts';
import { settled, tracesIn } from './support/settling.ts';

// Closing an account through the gateway: the person leaves every department, the records keep their shape.
const clock = new ManualClock(new Date('2026-07-01T02:00:00.000Z'));
// What stands in for the person: the closed record's name, a removed description, a rejected proposal's reason.
const CLOSED_RESIDENT_NAME = '已注销居民';
const REMOVED_TEXT = '（居民已注销，内容已删除）';
const RECIPIENT_CLOSED_REASON = '收款居民已注销';
const CLOSURE_CONSUMERS = {
  organisations: 'organisations-resident-closure',
  wishes: 'wishes-resident-closure',
  resources: 'resources-resident-closure',
  meetings: 'meetings-resident-closure',
  notifications: 'notifications-resident-closure',
};
let stack: Stack;
let world: World;
let subgraphs: AnySubgraph[];
let gridId: string;
let workerToken: string;
let records: EverywhereRecords;
let builder: EverywhereBuilder;

beforeAll(async () => {
  subgraphs = await loadLocalSubgraphs();
  stack = await startStack({ subgraphs, clock });
  world = await aWorld(stack);
  gridId = await world.aMicroGrid();
  workerToken = await stack.token({ subject: 'staff:li-hong', roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
  const secondWorkerToken = await stack.token({ subject: 'staff:wang-fang', roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
  builder = new EverywhereBuilder(stack, world, clock, workerToken, secondWorkerToken);
  records = await builder.build(gridId);
  await settled(stack, subgraphs);
}, 240_000);
afterAll(() => stack.stop());

interface Listing {
  totalCount: number;
  edges: { node: { id: string } }[];
}
/** A listing's ids, sorted, with its count checked against them. */
const idsOf = (listing: Listing) => {
  expect(listing.totalCount).toBe(listing.edges.length);
  return listing.edges.map((edge) => edge.node.id).sort();
};
const must = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token = workerToken) => builder.must<T>(query, variables, token);
/** A department's database, read beside the running service. */
const databaseOf = (department: string) => stack.subgraph(department).eventCollections.outbox.db;

/** The community's stars of service of 2026: who, with how many points. */
async function rankingOf2026() {
  const { pointsRanking } = await must<{ pointsRanking: { edges: { node: { points: number; resident: { id: string } } }[] } }>(
    'query($c: ID!) { pointsRanking(organisationId: $c, period: { year: 2026 }, first: 10) { edges { node { points resident { id } } } } }',
    { c: world.communityId },
  );
  return pointsRanking.edges.map(({ node }) => [node.resident.id, node.points]);
}

/** How many notifications, deliveries outside the app and preference sets a resident has. */
async function inboxOf(residentId: string) {
  const stored = databaseOf('notifications');
  const recipient = { 'recipient.type': 'Resident', 'recipient.id': new Types.ObjectId(residentId) };
  const notifications = await stored.collection('notifications').find(recipient, { projection: { _id: 1 } }).toArray();
  return {
    notifications: notifications.length,
    deliveries: await stored.collection('notification_deliveries').countDocuments({ notificationId: { $in: notifications.map((notification) => notification._id) } }),
    preferences: await stored.collection('notification_preferences').countDocuments(recipient),
  };
}

const VISIT_RECORDERS = 'query($id: ID!) { mobilisation(id: $id) { visits { totalCount edges { node { outcome recordedBy { id } } } } } }';

/** Waits until every department applied the closure of `residentId`; the event's id. */
async function closureApplied(residentId: string): Promise<string> {
  const residents = stack.subgraph('residents');
  await waitUntilPublished(residents);
  const closed = await residents.eventCollections.outbox.find({ 'event.kind': 'resident.closed', 'event.facts.residentId': residentId }).lean();
  expect(closed.map((entry) => entry.event.facts)).toEqual([{ residentId }]);
  for (const [department, consumer] of Object.entries(CLOSURE_CONSUMERS)) await waitUntilApplied(stack.subgraph(department), consumer, [closed[0]!._id]);
  return closed[0]!._id;
}

describe('a resident with records in every department, closed by their community worker', () => {
  const RESIDENT = `query($id: ID!) { resident(id: $id) { name gender birthYear phone idNumber specialCare household { id } partyMembership { kind } volunteerProfile { skills }
    pairedCoreMember { id } pairedHouseholds { id } status closureReason points { balance entries(first: 10) { edges { node { amount source reason } } } } } }`;
  let pointsBefore: unknown;
  let neighbourInboxBefore: unknown;

  it('answers with the anonymised record, and writes resident.closed once', async () => {
    pointsBefore = (await must<{ resident: { points: unknown } }>(RESIDENT, { id: records.residentId })).resident.points;
    neighbourInboxBefore = await inboxOf(records.neighbourId);
    // 5 awarded, 10 for the wish served with 5 stars and 3 for the meeting; the helper 8 for 4 stars; the neighbour 3 for the meeting.
    expect(await rankingOf2026()).toEqual([
      [records.residentId, 18],
      [records.helperId, 8],
      [records.neighbourId, 3],
    ]);
    // What the closure is to remove: the resident's notifications (their wish's steps, the claim they won, their booking),
    // the SMS deliveries of their wish's steps after they chose SMS, and that choice.
    expect(await inboxOf(records.residentId)).toEqual({ notifications: 6, deliveries: 2, preferences: 1 });
    // The visit the resident recorded names them, as its recorder.
    expect(await must(VISIT_RECORDERS, { id: records.mobilisationId })).toEqual({
      mobilisation: { visits: { totalCount: 1, edges: [{ node: { outcome: 'NOT_AT_HOME', recordedBy: { id: records.residentId } } }] } },
    });
    const closed = await must<{ closeResidentAccount: Record<string, unknown> }>(
      'mutation($id: ID!) { closeResidentAccount(residentId: $id, reason: MOVED_AWAY) { id name phone status closureReason closedAt } }',
      { id: records.residentId },
    );
    expect(closed.closeResidentAccount).toEqual({ id: records.residentId, name: CLOSED_RESIDENT_NAME, phone: null, status: 'CLOSED', closureReason: 'MOVED_AWAY', closedAt: clock.now().toISOString() });
    await closureApplied(records.residentId);
  });

  it('residents: keeps the record and its points ledger, and nothing that describes the person', async () => {
    const { resident } = await must<{ resident: Record<string, unknown> }>(RESIDENT, { id: records.residentId });
    expect(resident).toEqual({
      name: CLOSED_RESIDENT_NAME,
      gender: null,
      birthYear: null,
      phone: null,
      idNumber: null,
      specialCare: [],
      household: null,
      partyMembership: null,
      volunteerProfile: null,
      pairedCoreMember: null,
      pairedHouseholds: [],
      status: 'CLOSED',
      closureReason: 'MOVED_AWAY',
      points: pointsBefore,
    });
    // Not listed or counted as a resident any more.
    const stillLiving = [records.neighbourId, records.coreMemberId, records.helperId].sort();
    const listed = await must<{ residents: Listing }>('query($c: ID!) { residents(filter: { communityId: $c }, first: 50) { totalCount edges { node { id } } } }', { c: world.communityId });
    expect(idsOf(listed.residents)).toEqual(stillLiving);
    const inGrid = await must<{ grid: { residents: Listing } }>('query($id: ID!) { grid(id: $id) { residents(first: 50) { totalCount edges { node { id } } } } }', { id: gridId });
    expect(idsOf(inGrid.grid.residents)).toEqual(stillLiving);
    expect(await rankingOf2026()).toEqual([
      [records.helperId, 8],
      [records.neighbourId, 3],
    ]);
    const core = await must<{ resident: { pairedMembers: unknown[] } }>('query($id: ID!) { resident(id: $id) { pairedMembers { id } } }', { id: records.coreMemberId });
    expect(core.resident.pairedMembers).toEqual([]);
    const household = await must<{ household: { pairedMember: unknown } }>('query($id: ID!) { household(id: $id) { pairedMember { id } } }', { id: records.pairedHouseholdId });
    expect(household.household.pairedMember).toBeNull();

    const stored = await databaseOf('residents').collection('residents').findOne({ _id: new Types.ObjectId(records.residentId) });
    expect(stored).toMatchObject({ phone: null, gender: null, birthYear: null, specialCare: [], householdId: null, status: 'CLOSED', closureReason: 'MOVED_AWAY' });
    expect(Object.keys(stored!).filter((field) => ['idNumber', 'partyMembership', 'volunteerProfile'].includes(field))).toEqual([]);
    expect(await tracesIn(stack, 'residents', [CLOSING.name, CLOSING.phone, CLOSING.idNumber])).toEqual([]);
    // The id stays on the closed record, its ledger and the access log of who read the person's data only.
    expect(await tracesIn(stack, 'residents', [records.residentId], ['residents', 'pointsEntries', 'personalDataReads'])).toEqual([]);
  });

  it('organisations: the activity keeps its sign-ups, count and hours, and the mobilisation its visits, without the person', async () => {
    const { activity } = await must<{ activity: Record<string, unknown> }>(
      'query($id: ID!) { activity(id: $id) { signedUpCount participants { totalCount edges { node { id } } } checkIns { totalCount edges { node { hours resident { id } } } } } }',
      { id: records.activityId },
    );
    expect(activity).toEqual({
      signedUpCount: 2,
      participants: { totalCount: 1, edges: [{ node: { id: records.neighbourId } }] },
      checkIns: {
        totalCount: 2,
        edges: [{ node: { hours: 2.5, resident: null } }, { node: { hours: 2.5, resident: { id: records.neighbourId } } }],
      },
    });
    expect(await databaseOf('organisations').collection('activity_sign_ups').countDocuments({ anonymisedAt: { $type: 'date' } })).toBe(1);
    // The mobilisation keeps the visit the person recorded, recorded by no one.
    expect(await must(VISIT_RECORDERS, { id: records.mobilisationId })).toEqual({
      mobilisation: { visits: { totalCount: 1, edges: [{ node: { outcome: 'NOT_AT_HOME', recordedBy: null } }] } },
    });
    expect(await databaseOf('organisations').collection('household_visits').countDocuments({ recordedById: null, anonymisedAt: { $type: 'date' } })).toBe(1);
    expect(await tracesIn(stack, 'organisations', [records.residentId, CLOSING.name])).toEqual([]);
  });

  it('wishes: keeps each wish’s steps, rating and title, without the requester, the claimant or what the person wrote', async () => {
    const WISH = `query($id: ID!) { wish(id: $id) { title description status requester { id } claimant { ... on Resident { id } } servedBy { id } recordedBy
      feedback { rating comment } timeline { action actor status } } }`;
    const stepsOf = (wish: Record<string, unknown>) => (wish.timeline as { action: string; actor: string; status: string }[]).map((step) => [step.action, step.actor, step.status]);
    const requested = (await must<{ wish: Record<string, unknown> }>(WISH, { id: records.requestedWishId })).wish;
    expect(requested).toMatchObject({ title: '帮忙买菜送上门', description: REMOVED_TEXT, status: 'CONFIRMED', requester: null, recordedBy: 'closed-account', feedback: { rating: 4, comment: null } });
    expect(stepsOf(requested)).toEqual([
      ['SUBMIT', 'closed-account', 'SUBMITTED'],
      ['PUBLISH', 'staff:li-hong', 'PUBLISHED'],
      ['CLAIM', records.helperId, 'CLAIMED'],
      ['START_SERVICE', records.helperId, 'IN_SERVICE'],
      ['FULFIL', records.helperId, 'FULFILLED'],
      ['CONFIRM', 'closed-account', 'CONFIRMED'],
    ]);
    const served = (await must<{ wish: Record<string, unknown> }>(WISH, { id: records.servedWishId })).wish;
    expect(served).toMatchObject({ title: '帮忙取快递', description: '快递放在小区门口驿站，我行动不便', status: 'CONFIRMED', requester: { id: records.neighbourId }, claimant: null, servedBy: [], feedback: { rating: 5, comment: '很及时' } });
    expect(stepsOf(served)).toEqual([
      ['SUBMIT', records.neighbourId, 'SUBMITTED'],
      ['PUBLISH', 'staff:li-hong', 'PUBLISHED'],
      ['CLAIM', 'closed-account', 'CLAIMED'],
      ['START_SERVICE', 'closed-account', 'IN_SERVICE'],
      ['FULFIL', 'closed-account', 'FULFILLED'],
      ['CONFIRM', records.neighbourId, 'CONFIRMED'],
    ]);
    expect(await tracesIn(stack, 'wishes', [records.residentId, CLOSING.name, '糖尿病', '降压药'])).toEqual([]);
  });

  it('resources: the booking, the fund’s payments and the parking history stay without the person; the proposal is rejected and the place moves on', async () => {
    const stored = databaseOf('resources');
    expect(await stored.collection('bookings').findOne({}, { projection: { _id: 0, status: 1, quantity: 1, bookerResidentId: 1, note: 1, bookedBy: 1 } })).toEqual({
      status: 'CONFIRMED',
      quantity: 1,
      bookerResidentId: null,
      note: null,
      bookedBy: 'closed-account',
    });
    const fund = await must<{ resource: unknown }>(
      'query($id: ID!) { resource(id: $id) { fund { balanceFen ledger { edges { node { kind amountFen } } } disbursements { edges { node { amountFen reason status rejectionReason recipient { id } } } } } } }',
      { id: records.fundId },
    );
    expect(fund.resource).toEqual({
      fund: {
        balanceFen: 420_000,
        ledger: { edges: [{ node: { kind: 'DISBURSEMENT', amountFen: -80_000 } }, { node: { kind: 'DEPOSIT', amountFen: 500_000 } }] },
        disbursements: {
          edges: [
            { node: { amountFen: 80_000, reason: '残疾人康复补助', status: 'APPROVED', rejectionReason: null, recipient: null } },
            { node: { amountFen: 50_000, reason: '困难补助', status: 'REJECTED', rejectionReason: RECIPIENT_CLOSED_REASON, recipient: null } },
          ],
        },
      },
    });
    const applications = await stored.collection('parking_applications').find({}, { projection: { _id: 1, status: 1, place: 1 } }).sort({ appliedAt: 1, _id: 1 }).toArray();
    expect(applications.map((application) => [application._id.toHexString(), application.status, application.place])).toEqual([
      [records.parkingApplicationId, 'RELEASED', 1],
      [records.neighbourApplicationId, 'ALLOCATED', 1],
    ]);
    expect(await tracesIn(stack, 'resources', [records.residentId, CLOSING.name, '腿伤'])).toEqual([]);
  });

  it('meetings: attendance, invitations and the vote count stay, without the person', async () => {
    const { meeting } = await must<{ meeting: { participants: { edges: { node: { attended: boolean; resident: { id: string } | null } }[] } } }>(
      'query($id: ID!) { meeting(id: $id) { participants { edges { node { attended resident { id } } } } } }',
      { id: records.meetingId },
    );
    expect(meeting.participants.edges).toEqual([
      { node: { attended: true, resident: null } },
      { node: { attended: true, resident: { id: records.neighbourId } } },
    ]);
    const { microProject } = await must<{ microProject: { votes: number } }>('query($id: ID!) { microProject(id: $id) { votes } }', { id: records.microProjectId });
    expect(microProject.votes).toBe(2);
    expect(await tracesIn(stack, 'meetings', [records.residentId, CLOSING.name])).toEqual([]);
  });

  it('notifications: the inbox and the channel choices are gone; only the closed id is kept, so nothing arrives again', async () => {
    const stored = databaseOf('notifications');
    expect(await inboxOf(records.residentId)).toEqual({ notifications: 0, deliveries: 0, preferences: 0 });
    expect(await inboxOf(records.neighbourId)).toEqual(neighbourInboxBefore);
    expect(await tracesIn(stack, 'notifications', [records.residentId], ['closed_recipients'])).toEqual([]);
    expect((await stored.collection('closed_recipients').find({}).toArray()).map((entry) => entry._id.toHexString())).toEqual([records.residentId]);
  });
});

describe('who may close an account, and what a closed account may do', () => {
  const CLOSE = 'mutation($id: ID!) { closeResidentAccount(residentId: $id, reason: DECEASED) { status } }';
  const CLOSE_MINE = 'mutation($confirm: String!) { closeMyAccount(confirm: $confirm) { status } }';
  const refusal = async (query: string, variables: Record<string, unknown>, token?: string) => (await stack.query(query, variables, { token })).errors.map(summaryOf);
  const closuresWritten = () => stack.subgraph('residents').eventCollections.outbox.countDocuments({ 'event.kind': 'resident.closed' });

  it('refuses everyone but the resident and managing staff in scope, and closes nothing', async () => {
    const residentId = await world.aResident(await world.aHousehold(gridId), { name: '郑丽华' });
    const otherCommunity = (await world.mutate<{ createOrganisation: { id: string } }>('mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }', {
      input: { name: '滨江社区党委', kind: 'COMMUNITY_PARTY_COMMITTEE', parentId: world.streetId },
    })).createOrganisation.id;
    const before = await closuresWritten();
    const refusedBy = {
      anotherResident: await stack.token({ roles: ['RESIDENT'], residentId: records.neighbourId }),
      volunteer: await stack.token({ roles: ['RESIDENT', 'VOLUNTEER'], residentId: records.helperId }),
      gridWorkerInScope: await stack.token({ roles: ['GRID_WORKER'], scope: [world.communityId] }),
      workerOutOfScope: await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [otherCommunity] }),
      analyst: await stack.token({ roles: ['ANALYST'], scope: [world.districtId] }),
    };
    for (const [who, token] of Object.entries(refusedBy)) expect([who, await refusal(CLOSE, { id: residentId }, token)]).toEqual([who, [summaryOf(closeAccountOutOfScope())]]);
    expect(await refusal(CLOSE, { id: residentId })).toEqual([summaryOf(unauthenticated())]);
    expect(await refusal(CLOSE_MINE, { confirm: '确认注销' }, workerToken)).toEqual([summaryOf(closeMyAccountWithoutResident())]);
    const ownToken = await stack.token({ roles: ['RESIDENT'], residentId });
    expect(await refusal(CLOSE_MINE, { confirm: '注销' }, ownToken)).toEqual([summaryOf(closureNotConfirmed('确认注销'))]);
    expect(await closuresWritten()).toBe(before);
    expect((await must<{ resident: { name: string; status: string } }>('query($id: ID!) { resident(id: $id) { name status } }', { id: residentId })).resident).toEqual({ name: '郑丽华', status: 'ACTIVE' });
  });

  it('lets the resident close their own account once; after that their token may not act, and staff may not act on the record', async () => {
    const residentId = await world.aResident(await world.aHousehold(gridId), { name: '孙晓东', phone: '13800001111' });
    const ownToken = await stack.token({ roles: ['RESIDENT'], residentId });
    expect((await must<{ closeMyAccount: unknown }>(CLOSE_MINE, { confirm: ' 确认注销 ' }, ownToken)).closeMyAccount).toEqual({ status: 'CLOSED' });
    await closureApplied(residentId);

    expect(await refusal(CLOSE_MINE, { confirm: '确认注销' }, ownToken)).toEqual([summaryOf(residentClosed('CLOSE'))]);
    expect(await refusal(CLOSE, { id: residentId }, workerToken)).toEqual([summaryOf(residentClosed('CLOSE'))]);
    expect(await refusal('mutation($input: UpdateResidentInput!) { updateResident(input: $input) { id } }', { input: { id: residentId, phone: '13800002222' } }, ownToken)).toEqual([summaryOf(accountClosed())]);
    expect(await refusal('mutation($input: PointsAwardInput!) { awardPoints(input: $input) { amount } }', { input: { residentId, amount: 3, source: 'AWARD', reason: '补录' } }, workerToken)).toEqual([
      summaryOf(residentClosed('AWARD_POINTS')),
    ]);
    expect((await must<{ resident: unknown }>('query($id: ID!) { resident(id: $id) { name phone status closureReason } }', { id: residentId })).resident).toEqual({
      name: CLOSED_RESIDENT_NAME,
      phone: null,
      status: 'CLOSED',
      closureReason: 'OWN_REQUEST',
    });
  });

  it('closes an account once when its staff close it at the same moment, round after round', async () => {
    for (let round = 0; round < 5; round++) {
      const residentId = await world.aResident(await world.aHousehold(gridId));
      const before = await closuresWritten();
      const answers = await Promise.all(Array.from({ length: 6 }, () => refusal(CLOSE, { id: residentId }, workerToken)));
      expect([round, answers.filter((errors) => errors.length === 0).length, answers.filter((errors) => errors.length > 0)]).toEqual([round, 1, Array(5).fill([summaryOf(residentClosed('CLOSE'))])]);
      expect(await closuresWritten()).toBe(before + 1);
    }
  });
});
