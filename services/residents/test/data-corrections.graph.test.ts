import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyCivicEvent, OutboxModel } from '@civic/events';
import { ManualClock, invalidTransition, notFound, unauthenticated } from '@civic/service-kit';
import { aWorld, expectError, repeatRace, RACE_TIMEOUT, startStack, waitUntilApplied, type GraphResponse, type Stack, type World } from '@civic/test-harness';
import {
  correctionAlreadyOpen,
  decideCorrectionOutOfScope,
  idNumberTaken,
  listCorrectionsOutOfScope,
  phoneNotMobile,
  proposedGenderUnknown,
  rejectionWithoutReason,
  requestCorrectionWithoutResidentAccount,
} from '../src/errors.ts';

// Correction requests end to end through the gateway: asked by the resident, a task in the
// community's inbox over the broker, listed and decided by staff in scope, applied to the resident
// in the decision's transaction, and told to the resident.
const clock = new ManualClock(new Date('2026-11-30T02:00:00.000Z'));
let stack: Stack;
let world: World;
let gridId: string;
let otherCommunityId: string;

const REQUEST = `mutation($input: DataCorrectionInput!) { requestDataCorrection(input: $input) { id field proposedValue note status requestedAt resident { id } } }`;
const DECIDE = `mutation($id: ID!, $accept: Boolean!, $note: String) { decideDataCorrection(id: $id, accept: $accept, note: $note) { id status decidedAt decidedBy decisionNote applied } }`;
const LIST = `query($org: ID!, $status: DataCorrectionStatus) { dataCorrectionRequests(organisationId: $org, status: $status) { totalCount edges { node { id field proposedValue status resident { id name } } } } }`;
const MINE = `{ myDataCorrectionRequests { totalCount edges { node { id field status decisionNote applied } } } }`;
const ME = `{ me { id phone gender birthYear specialCare } }`;
const COMMUNITY_INBOX = `query($id: ID!) { organisation(id: $id) { notifications { edges { node { kind title dataCorrectionRequestId } } } } }`;
const MY_INBOX = `{ myNotifications { edges { node { kind title dataCorrectionRequestId } } } }`;

const dataOf = <T>(response: GraphResponse<T>): T => {
  expect(response.errors).toEqual([]);
  return response.data!;
};

const residentToken = (residentId: string) => stack.token({ roles: ['RESIDENT'], residentId });
const workerToken = (scope: string) => stack.token({ roles: ['COMMUNITY_WORKER'], scope: [scope], subject: `staff:worker-${scope.slice(-4)}` });

async function aResident(fields: { phone?: string; idNumber?: string } = {}): Promise<{ id: string; token: string }> {
  const id = await world.aResident(await world.aHousehold(gridId), fields);
  return { id, token: await residentToken(id) };
}

async function request(token: string, input: { field: string; proposedValue: string; note?: string }): Promise<string> {
  return dataOf(await stack.query<{ requestDataCorrection: { id: string } }>(REQUEST, { input }, { token })).requestDataCorrection.id;
}

/** Waits until the notifications department applied every event residents wrote about this request. */
async function heard(requestId: string, count: number): Promise<void> {
  const outbox = (stack.subgraph('residents').models as unknown as { Outbox: OutboxModel }).Outbox;
  const events = (await outbox.find({ 'event.facts.requestId': requestId }, { event: 1 }).lean()).map((entry) => entry.event as AnyCivicEvent);
  expect(events.length).toBe(count);
  await waitUntilApplied(stack.subgraph('notifications'), 'notifications-inbox', events.map((event) => event.id));
}

beforeAll(async () => {
  stack = await startStack({ clock });
  world = await aWorld(stack);
  gridId = await world.aMicroGrid();
  otherCommunityId = (await world.mutate<{ createOrganisation: { id: string } }>(`mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`, {
    input: { name: '滨江社区党委', kind: 'COMMUNITY_PARTY_COMMITTEE', parentId: world.streetId },
  })).createOrganisation.id;
}, 120_000);

afterAll(() => stack?.stop());

describe('a correction request', () => {
  it("reaches the community's inbox as a task, is accepted by staff in scope, changes the resident and is told to them", async () => {
    const resident = await aResident({ phone: '13800001111' });
    clock.advance(60_000);
    const asked = dataOf(await stack.query<{ requestDataCorrection: Record<string, unknown> }>(REQUEST, { input: { field: 'PHONE', proposedValue: ' 139 1234 5678 ', note: '换了新号码' } }, { token: resident.token }))
      .requestDataCorrection;
    expect(asked).toEqual({ id: asked.id, field: 'PHONE', proposedValue: '139 1234 5678', note: '换了新号码', status: 'OPEN', requestedAt: clock.now().toISOString(), resident: { id: resident.id } });
    const id = asked.id as string;
    await heard(id, 1);

    const worker = await workerToken(world.communityId);
    const inbox = dataOf(await stack.query<{ organisation: { notifications: { edges: { node: unknown }[] } } }>(COMMUNITY_INBOX, { id: world.communityId }, { token: worker }));
    expect(inbox.organisation.notifications.edges.map((edge) => edge.node)).toContainEqual({ kind: 'DATA_CORRECTION_REQUESTED', title: '居民申请更正个人信息', dataCorrectionRequestId: id });
    const open = dataOf(await stack.query<{ dataCorrectionRequests: { edges: { node: { id: string; status: string; resident: { id: string } } }[] } }>(LIST, { org: world.communityId, status: 'OPEN' }, { token: worker }));
    expect(open.dataCorrectionRequests.edges.map((edge) => edge.node.id)).toContain(id);

    clock.advance(60_000);
    const decided = dataOf(await stack.query<{ decideDataCorrection: unknown }>(DECIDE, { id, accept: true, note: '已核实' }, { token: worker })).decideDataCorrection;
    expect(decided).toEqual({ id, status: 'ACCEPTED', decidedAt: clock.now().toISOString(), decidedBy: `staff:worker-${world.communityId.slice(-4)}`, decisionNote: '已核实', applied: true });
    expect(dataOf(await stack.query<{ me: { phone: string } }>(ME, {}, { token: resident.token })).me.phone).toBe('13912345678');
    await heard(id, 2);
    expect(dataOf(await stack.query<{ myNotifications: { edges: { node: unknown }[] } }>(MY_INBOX, {}, { token: resident.token })).myNotifications.edges.map((edge) => edge.node)).toEqual([
      { kind: 'DATA_CORRECTION_DECIDED', title: '更正申请已通过', dataCorrectionRequestId: id },
    ]);
    expect(dataOf(await stack.query(MINE, {}, { token: resident.token }))).toEqual({
      myDataCorrectionRequests: { totalCount: 1, edges: [{ node: { id, field: 'PHONE', status: 'ACCEPTED', decisionNote: '已核实', applied: true } }] },
    });
    expect(dataOf(await stack.query<{ dataCorrectionRequests: { edges: { node: { id: string } }[] } }>(LIST, { org: world.communityId, status: 'OPEN' }, { token: worker })).dataCorrectionRequests.edges.map((edge) => edge.node.id)).not.toContain(id);
    expectError(await stack.query(DECIDE, { id, accept: false, note: '重复处理' }, { token: worker }), invalidTransition('DataCorrectionRequest', 'ACCEPTED', 'REJECT'));
  });

  it('is rejected with a reason, keeping the resident as they were; the rejection is told', async () => {
    const resident = await aResident();
    const id = await request(resident.token, { field: 'SPECIAL_CARE', proposedValue: 'DISABLED, LOW_INCOME' });
    const worker = await workerToken(world.communityId);
    expectError(await stack.query(DECIDE, { id, accept: false }, { token: worker }), rejectionWithoutReason());
    const decided = dataOf(await stack.query<{ decideDataCorrection: { status: string; decisionNote: string; applied: boolean } }>(DECIDE, { id, accept: false, note: '需提供残疾证' }, { token: worker }));
    expect(decided.decideDataCorrection).toMatchObject({ status: 'REJECTED', decisionNote: '需提供残疾证', applied: false });
    expect(dataOf(await stack.query<{ me: { specialCare: string[] } }>(ME, {}, { token: resident.token })).me.specialCare).toEqual([]);
    await heard(id, 2);
    expect(dataOf(await stack.query<{ myNotifications: { edges: { node: unknown }[] } }>(MY_INBOX, {}, { token: resident.token })).myNotifications.edges.map((edge) => edge.node)).toEqual([
      { kind: 'DATA_CORRECTION_DECIDED', title: '更正申请未通过', dataCorrectionRequestId: id },
    ]);
  });

  it('of the household address is accepted without changing the shared household', async () => {
    const resident = await aResident();
    const id = await request(resident.token, { field: 'HOUSEHOLD_ADDRESS', proposedValue: '3栋2单元301室' });
    const decided = dataOf(await stack.query<{ decideDataCorrection: { status: string; applied: boolean } }>(DECIDE, { id, accept: true, note: '请到社区办理迁移' }, { token: await workerToken(world.communityId) }));
    expect(decided.decideDataCorrection).toMatchObject({ status: 'ACCEPTED', applied: false });
  });

  it('with a value the update would refuse is refused naming the fact, and a refused acceptance changes nothing', async () => {
    const resident = await aResident({ phone: '13800003333' });
    expectError(await stack.query(REQUEST, { input: { field: 'PHONE', proposedValue: '12345' } }, { token: resident.token }), phoneNotMobile('phone'));
    expectError(await stack.query(REQUEST, { input: { field: 'GENDER', proposedValue: 'OTHER' } }, { token: resident.token }), proposedGenderUnknown(['MALE', 'FEMALE']));
    // An ID number another resident registered since the request is a conflict at the decision: the request stays open.
    const id = await request(resident.token, { field: 'ID_NUMBER', proposedValue: '320106196001010020' });
    await aResident({ idNumber: '320106196001010020' });
    const worker = await workerToken(world.communityId);
    expectError(await stack.query(DECIDE, { id, accept: true }, { token: worker }), idNumberTaken());
    expect(dataOf(await stack.query(MINE, {}, { token: resident.token }))).toEqual({
      myDataCorrectionRequests: { totalCount: 1, edges: [{ node: { id, field: 'ID_NUMBER', status: 'OPEN', decisionNote: null, applied: false } }] },
    });
    expect(dataOf(await stack.query<{ me: { phone: string; gender: string } }>(ME, {}, { token: resident.token })).me).toMatchObject({ phone: '13800003333', gender: 'FEMALE' });
    expectError(await stack.query(REQUEST, { input: { field: 'ID_NUMBER', proposedValue: '320106195505050013' } }, { token: resident.token }), correctionAlreadyOpen('ID_NUMBER'));
  });

  it('is asked by a resident account only, and listed and decided by staff covering the resident only', async () => {
    const resident = await aResident();
    const id = await request(resident.token, { field: 'BIRTH_YEAR', proposedValue: '1961' });
    expectError(await stack.query(REQUEST, { input: { field: 'NAME', proposedValue: '王秀兰' } }), unauthenticated());
    expectError(await stack.query(REQUEST, { input: { field: 'NAME', proposedValue: '王秀兰' } }, { token: await workerToken(world.communityId) }), requestCorrectionWithoutResidentAccount());
    const outOfScope = await workerToken(otherCommunityId);
    const neighbour = (await aResident()).token;
    for (const token of [outOfScope, neighbour, await stack.token({ roles: ['ANALYST'] })]) {
      const listed = await stack.query(LIST, { org: world.communityId }, { token });
      expectError(listed, listCorrectionsOutOfScope());
      expect(listed.data).toBeNull();
      expectError(await stack.query(DECIDE, { id, accept: true }, { token }), decideCorrectionOutOfScope());
    }
    expectError(await stack.query(LIST, { org: world.communityId }), unauthenticated());
    expectError(await stack.query(DECIDE, { id, accept: true }), unauthenticated());
    const unknown = '6650a0000000000000000001';
    expectError(await stack.query(DECIDE, { id: unknown, accept: true }, { token: outOfScope }), notFound('DataCorrectionRequest', unknown));
    expect(dataOf(await stack.query(MINE, {}, { token: resident.token }))).toEqual({
      myDataCorrectionRequests: { totalCount: 1, edges: [{ node: { id, field: 'BIRTH_YEAR', status: 'OPEN', decisionNote: null, applied: false } }] },
    });
    // A street admin above the community decides it.
    const admin = await stack.token({ roles: ['STREET_ADMIN'], scope: [world.streetId] });
    expect(dataOf(await stack.query<{ decideDataCorrection: { status: string } }>(DECIDE, { id, accept: true }, { token: admin })).decideDataCorrection.status).toBe('ACCEPTED');
    expect(dataOf(await stack.query<{ me: { birthYear: number } }>(ME, {}, { token: resident.token })).me.birthYear).toBe(1961);
  });

  it(
    'decided by several staff at once is decided exactly once',
    async () => {
      const worker = await workerToken(world.communityId);
      await repeatRace(async (round) => {
        const resident = await aResident();
        const id = await request(resident.token, { field: 'BIRTH_YEAR', proposedValue: String(1950 + (round % 10)) });
        const answers = await Promise.all(Array.from({ length: 6 }, (_, n) => stack.query(DECIDE, { id, accept: n % 2 === 0, note: `决定${n}` }, { token: worker })));
        const winners = answers.filter((answer) => answer.errors.length === 0);
        expect(winners.length).toBe(1);
        for (const loser of answers.filter((answer) => answer.errors.length > 0)) expect(loser.errors[0]!.extensions?.code).toBe('INVALID_TRANSITION');
        const won = (winners[0]!.data as { decideDataCorrection: { status: string; decisionNote: string } }).decideDataCorrection;
        const birthYear = dataOf(await stack.query<{ me: { birthYear: number } }>(ME, {}, { token: resident.token })).me.birthYear;
        expect({ status: won.status, birthYear }).toEqual(won.status === 'ACCEPTED' ? { status: 'ACCEPTED', birthYear: 1950 + (round % 10) } : { status: 'REJECTED', birthYear: 1960 });
        const outbox = (stack.subgraph('residents').models as unknown as { Outbox: OutboxModel }).Outbox;
        expect(await outbox.countDocuments({ 'event.kind': 'dataCorrection.decided', 'event.facts.requestId': id })).toBe(1);
      });
    },
    RACE_TIMEOUT,
  );
});
