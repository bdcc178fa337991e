import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyCivicEvent, OutboxModel } from '@civic/events';
import { generateKeyPair } from 'jose';
import { gatewaySigningKey, signForwardedViewer, SIGNING_ALGORITHM, type ForwardedViewerSigningKey, type KeyPair, type Viewer } from '@civic/identity';
import { ManualClock, unauthenticated } from '@civic/service-kit';
import { aWorld, expectError, resident, staff, startStack, waitUntilApplied, type GraphResponse, type Stack, type World } from '@civic/test-harness';
import { exportWithoutResidentAccount } from '../src/errors.ts';

// A resident's export through the gateway: a resident and a neighbour with records in every
// department; the resident's export holds exactly the resident's records, and nothing of the neighbour's.
const clock = new ManualClock(new Date('2026-11-30T02:00:00.000Z'));
let stack: Stack;
let world: World;
let gatewayKey: ForwardedViewerSigningKey;

const EXPORT = `{ exportMyData { residentId generatedAt residents organisations wishes resources meetings notifications } }`;

interface Export {
  residentId: string;
  generatedAt: string;
  residents: {
    resident: { id: string; name: string; phone: string | null; idNumber: string | null; specialCare: string[] };
    household: { id: string; building: string; unit: string; room: string };
    pointsEntries: { id: string; amount: number; reason: string }[];
    dataCorrectionRequests: { id: string; field: string; proposedValue: string; status: string }[];
  };
  organisations: { activitySignUps: { id: string; activityId: string }[]; activityCheckIns: unknown[]; gridsResponsibleFor: { id: string }[]; householdVisitsRecorded: unknown[] };
  wishes: { requested: { id: string; title: string; description: string }[]; claimed: unknown[]; served: unknown[] };
  resources: { bookings: { id: string; resourceId: string; quantity: number }[]; disbursementsReceived: unknown[]; parkingApplications: unknown[]; prioritySpendings: unknown[]; resourcesProvided: unknown[] };
  meetings: { invitations: { id: string; meetingId: string; role: string }[]; microProjectVotes: unknown[] };
  notifications: { inbox: { id: string; kind: string; about: Record<string, string> }[]; preferences: unknown };
}

/** Every record one person has in the graph, as made through the gateway. */
interface Person {
  id: string;
  name: string;
  phone: string;
  idNumber: string;
  householdId: string;
  signUpActivity: string;
  wishId: string;
  bookingId: string;
  invitationId: string;
  pointsEntryId: string;
  correctionId: string | null;
}

const dataOf = <T>(response: GraphResponse<T>): T => {
  expect(response.errors).toEqual([]);
  return response.data!;
};

let me: Person;
let neighbour: Person;
let resourceId: string;
let meetingId: string;
let gridId: string;
let mobilisationId: string;
let visitId: string;

async function aPerson(gridId: string, name: string, phone: string, idNumber: string, activityId: string, correct: boolean): Promise<Person> {
  const householdId = await world.aHousehold(gridId);
  const id = await world.aResident(householdId, { name, phone, idNumber, specialCare: ['DISABLED'] });
  const token = await stack.token({ roles: ['RESIDENT'], residentId: id });
  await world.signUp(id, activityId);
  const wishId = dataOf(
    await stack.query<{ submitWish: { id: string } }>(
      `mutation($input: SubmitWishInput!) { submitWish(input: $input) { id } }`,
      { input: { kind: 'WISH', category: 'PUBLIC_WELFARE', title: `${name}的心愿：换灯泡`, description: '楼道灯坏了，老人夜里看不清台阶。', channel: 'APP', communityId: world.communityId, gridId } },
      { token },
    ),
  ).submitWish.id;
  const bookingId = dataOf(await stack.query<{ bookResource: { id: string } }>(`mutation($input: BookResourceInput!) { bookResource(input: $input) { id } }`, { input: { resourceId, quantity: 1 } }, { token })).bookResource.id;
  const invitationId = (await world.mutate<{ inviteParticipant: { id: string } }>(`mutation($input: InviteParticipantInput!) { inviteParticipant(input: $input) { id } }`, { input: { meetingId, residentId: id, role: 'RESIDENT_REP' } })).inviteParticipant.id;
  const streetAdmin = await stack.token({ roles: ['STREET_ADMIN'], scope: [world.streetId] });
  const pointsEntryId = dataOf(
    await stack.query<{ awardPoints: { id: string } }>(`mutation($input: PointsAwardInput!) { awardPoints(input: $input) { id } }`, { input: { residentId: id, amount: 5, source: 'AWARD', reason: '楼道清洁志愿服务' } }, { token: streetAdmin }),
  ).awardPoints.id;
  const correctionId = correct
    ? dataOf(
        await stack.query<{ requestDataCorrection: { id: string } }>(
          `mutation($input: DataCorrectionInput!) { requestDataCorrection(input: $input) { id } }`,
          { input: { field: 'PHONE', proposedValue: '13912345678', note: '换了新号码' } },
          { token },
        ),
      ).requestDataCorrection.id
    : null;
  return { id, name, phone, idNumber, householdId, signUpActivity: activityId, wishId, bookingId, invitationId, pointsEntryId, correctionId };
}

/** Sends an operation straight to one subgraph as `viewer`, signed with the stack's gateway key as the gateway signs it. */
async function direct(subgraph: string, viewer: Viewer, query: string, variables: Record<string, unknown>) {
  const header = await signForwardedViewer(gatewayKey, viewer, { audience: subgraph, requestId: `direct-${subgraph}`, purpose: null });
  const response = await fetch(stack.subgraph(subgraph).url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-civic-viewer': header, 'x-request-id': `direct-${subgraph}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: { _entities: Record<string, unknown>[] } | null; errors?: { message: string; extensions: { code: string } }[] };
  return { data: body.data ?? null, errors: (body.errors ?? []).map((error) => [error.message, error.extensions.code]) };
}

/** The events of one department's outbox, to wait until the inbox applied them. */
async function outboxEvents(subgraph: string): Promise<AnyCivicEvent[]> {
  const outbox = (stack.subgraph(subgraph).models as unknown as { Outbox: OutboxModel }).Outbox;
  return (await outbox.find({}, { event: 1 }).lean()).map((entry) => entry.event as AnyCivicEvent);
}

beforeAll(async () => {
  const gatewayKeys = (await generateKeyPair(SIGNING_ALGORITHM, { crv: 'Ed25519' })) as KeyPair;
  gatewayKey = await gatewaySigningKey(gatewayKeys);
  stack = await startStack({ clock, gatewayKeys });
  world = await aWorld(stack);
  gridId = await world.aMicroGrid();
  const activityId = await world.anActivity();
  resourceId = (await world.mutate<{ createResource: { id: string } }>(`mutation($input: CreateResourceInput!) { createResource(input: $input) { id } }`, {
    input: { pool: 'PUBLIC_WELFARE', kind: 'GOODS', title: '爱心轮椅', description: '供行动不便的老人临时借用。', providerOrganisationId: world.communityId, servedOrganisationId: world.communityId, tags: ['助老'], stock: 10 },
  })).createResource.id;
  meetingId = (await world.mutate<{ scheduleMeeting: { id: string } }>(`mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`, {
    input: { kind: 'COORDINATION', title: '楼道照明协调会', hostIds: [world.communityId], startsAt: '2026-12-10T06:00:00.000Z', place: '新城社区党群服务中心' },
  })).scheduleMeeting.id;
  me = await aPerson(gridId, '王秀英', '13800001111', '320106196001010020', activityId, true);
  neighbour = await aPerson(gridId, '李建国', '13800002222', '320106195505050013', activityId, false);
  // The resident, the grid's responsible person, records a visit to the neighbour's door in a mobilisation.
  await world.mutate(`mutation($g: ID!, $r: ID!) { assignGridResponsible(gridId: $g, residentId: $r) { id } }`, { g: gridId, r: me.id });
  mobilisationId = (await world.mutate<{ startMobilisation: { id: string } }>(`mutation($input: StartMobilisationInput!) { startMobilisation(input: $input) { id } }`, { input: { gridId, reason: '停水通知逐户告知' } })).startMobilisation.id;
  const visit = { mobilisationId, householdId: neighbour.householdId, outcome: 'REACHED' };
  const recorded = await stack.query<{ recordHouseholdVisit: { visits: { edges: { node: { id: string } }[] } } }>(
    `mutation($input: RecordHouseholdVisitInput!) { recordHouseholdVisit(input: $input) { visits { edges { node { id } } } } }`,
    { input: visit },
    { token: await stack.token({ roles: ['RESIDENT'], residentId: me.id }) },
  );
  visitId = dataOf(recorded).recordHouseholdVisit.visits.edges[0]!.node.id;
  const told = ['booking.made', 'wish.published', 'request.routed', 'dataCorrection.requested'];
  const events = [...(await outboxEvents('resources')), ...(await outboxEvents('wishes')), ...(await outboxEvents('residents'))].filter((event) => told.includes(event.kind));
  await waitUntilApplied(stack.subgraph('notifications'), 'notifications-inbox', events.map((event) => event.id));
}, 180_000);

afterAll(() => stack?.stop());

describe("a resident's data export", () => {
  it("holds exactly the resident's records of every department, and nothing of a neighbour's", async () => {
    const token = await stack.token({ roles: ['RESIDENT'], residentId: me.id });
    const exported = dataOf(await stack.query<{ exportMyData: Export }>(EXPORT, {}, { token })).exportMyData;
    const myInbox = dataOf(await stack.query<{ myNotifications: { edges: { node: { id: string } }[] } }>(`{ myNotifications(first: 100) { edges { node { id } } } }`, {}, { token })).myNotifications.edges;

    expect(exported.residentId).toBe(me.id);
    expect(exported.generatedAt).toBe(clock.now().toISOString());
    const { resident, household, pointsEntries, dataCorrectionRequests } = exported.residents;
    expect({ id: resident.id, name: resident.name, phone: resident.phone, idNumber: resident.idNumber, specialCare: resident.specialCare }).toEqual({
      id: me.id,
      name: me.name,
      phone: me.phone,
      idNumber: me.idNumber,
      specialCare: ['DISABLED'],
    });
    expect(household.id).toBe(me.householdId);
    expect(pointsEntries.map((entry) => [entry.id, entry.amount, entry.reason])).toEqual([[me.pointsEntryId, 5, '楼道清洁志愿服务']]);
    expect(dataCorrectionRequests.map((request) => [request.id, request.field, request.proposedValue, request.status])).toEqual([[me.correctionId, 'PHONE', '13912345678', 'OPEN']]);
    expect(exported.organisations).toEqual({
      activitySignUps: [expect.objectContaining({ activityId: me.signUpActivity })],
      activityCheckIns: [],
      gridsResponsibleFor: [expect.objectContaining({ id: gridId })],
      // By id and times: the household visited is the neighbour's, and stays out of the export.
      householdVisitsRecorded: [{ id: visitId, mobilisationId, at: clock.now().toISOString(), recordedAt: clock.now().toISOString() }],
    });
    expect(exported.wishes.requested.map((wish) => [wish.id, wish.title])).toEqual([[me.wishId, '王秀英的心愿：换灯泡']]);
    expect({ claimed: exported.wishes.claimed, served: exported.wishes.served }).toEqual({ claimed: [], served: [] });
    expect(exported.resources.bookings.map((booking) => [booking.id, booking.resourceId, booking.quantity])).toEqual([[me.bookingId, resourceId, 1]]);
    expect(exported.meetings.invitations.map((invitation) => [invitation.id, invitation.meetingId, invitation.role])).toEqual([[me.invitationId, meetingId, 'RESIDENT_REP']]);
    expect(exported.notifications.inbox.map((notification) => notification.id).sort()).toEqual(myInbox.map((edge) => edge.node.id).sort());
    expect(exported.notifications.inbox.find((notification) => notification.kind === 'BOOKING_CONFIRMED')?.about).toEqual({ resourceId, bookingId: me.bookingId });

    const text = JSON.stringify(exported);
    for (const [what, value] of Object.entries({ ...neighbour, correctionId: undefined })) {
      if (typeof value === 'string' && what !== 'signUpActivity') expect({ what, found: text.includes(value) }).toEqual({ what, found: false });
    }
  });

  it('is refused to anyone without a resident account, staff, analysts and services included', async () => {
    expectError(await stack.query(EXPORT, {}), unauthenticated());
    const callers = [
      { roles: ['GRID_WORKER' as const], scope: [world.communityId] },
      { roles: ['COMMUNITY_WORKER' as const], scope: [world.communityId] },
      { roles: ['STREET_ADMIN' as const], scope: [world.streetId] },
      { roles: ['DISTRICT_ADMIN' as const], scope: [world.districtId] },
      { roles: ['ANALYST' as const] },
      { roles: ['SERVICE' as const], subject: 'service:wishes' },
    ];
    for (const claims of callers) {
      const response = await stack.query(EXPORT, {}, { token: await stack.token(claims) });
      expectError(response, exportWithoutResidentAccount());
      expect(response.data).toBeNull();
    }
  });

  it("has each department refuse its part of the resident's export to anyone else, asked for directly as the gateway would", async () => {
    const parts = ['residents', 'organisations', 'wishes', 'resources', 'meetings', 'notifications'];
    const others: Viewer[] = [
      resident(neighbour.id, ['RESIDENT', 'VOLUNTEER']),
      staff('COMMUNITY_WORKER', [world.communityId]),
      staff('DISTRICT_ADMIN', [world.districtId]),
      staff('ANALYST', []),
      { subject: 'service:wishes', residentId: null, roles: ['SERVICE'], scope: [] },
    ];
    for (const part of parts) {
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on PersonalDataExport { ${part} } } }`;
      const variables = { r: [{ __typename: 'PersonalDataExport', residentId: me.id }] };
      const own = await direct(part, resident(me.id), query, variables);
      expect({ part, errors: own.errors, found: own.data !== null && (own.data._entities[0]![part] ?? null) !== null }).toEqual({ part, errors: [], found: true });
      for (const viewer of others) {
        const refused = await direct(part, viewer, query, variables);
        expect({ part, roles: viewer.roles, data: refused.data, errors: refused.errors }).toEqual({
          part,
          roles: viewer.roles,
          data: { _entities: [{ [part]: null }] },
          errors: [["You may not export another resident's data", 'FORBIDDEN']],
        });
      }
    }
  });

  it("gives another resident their own records, never the resident's", async () => {
    const exported = dataOf(await stack.query<{ exportMyData: Export }>(EXPORT, {}, { token: await stack.token({ roles: ['RESIDENT', 'VOLUNTEER'], residentId: neighbour.id }) })).exportMyData;
    expect([exported.residentId, exported.residents.resident.id, exported.wishes.requested.map((wish) => wish.id), exported.resources.bookings.map((booking) => booking.id)]).toEqual([
      neighbour.id,
      neighbour.id,
      [neighbour.wishId],
      [neighbour.bookingId],
    ]);
    expect(JSON.stringify(exported).includes(me.id)).toBe(false);
  });
});
