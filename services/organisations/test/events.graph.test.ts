import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { ManualClock } from '@civic/service-kit';
import { aWorld, loadLocalSubgraphs, startStack, OutboxReader, summaryOf, type RecordedEvent, type Stack, type World } from '@civic/test-harness';
import type { EventFacts, EventKind } from '@civic/events';
import { organisationsSubgraph } from '../src/subgraph.ts';
import { activityFull, alreadyCheckedIn, alreadySignedUp, checkInWithoutSignUp } from '../src/errors.ts';

// The events of activities (微行动), as the organisations outbox holds them after each step, through the gateway.
const clock = new ManualClock(new Date('2030-09-01T01:00:00.000Z'));
const STARTED = new Date('2030-10-01T02:00:00.000Z');
const SIGN_UP = 'mutation($id: ID!){ signUpForActivity(activityId: $id) { id } }';
const CHECK_IN = 'mutation($input: CheckInParticipantInput!){ checkInParticipant(input: $input) { hours } }';
let stack: Stack;
let world: World;
let outbox: OutboxReader;
let hostToken: string;

beforeAll(async () => {
  // residents is in the stack because this SDL @requires where a resident lives (Resident.organisationPath).
  const residents = (await loadLocalSubgraphs()).filter((subgraph) => subgraph.name === 'residents');
  stack = await startStack({ subgraphs: [organisationsSubgraph, ...residents], clock });
  world = await aWorld(stack);
  outbox = new OutboxReader(stack, 'organisations');
  hostToken = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
}, 120_000);

afterAll(() => stack.stop());

function event<K extends EventKind>(kind: K, facts: EventFacts[K], requestId: string | null): RecordedEvent {
  return { kind, source: 'organisations', occurredAt: clock.now().toISOString(), requestId, facts } as RecordedEvent;
}

async function act(query: string, variables: Record<string, unknown>, token: string, requestId?: string) {
  return (await stack.query(query, variables, { token, requestId })).errors.map(summaryOf);
}

const aResidentToken = async (residentId: string) => stack.token({ roles: ['RESIDENT'], residentId });

describe('an activity', () => {
  it('tells of each sign-up and each check-in with its hours, once, and of nothing refused', async () => {
    clock.set(new Date('2030-09-01T01:00:00.000Z'));
    const activityId = await world.anActivity({ title: '重阳节敬老活动', capacity: 1 });
    await outbox.newEvents();
    const residentId = new Types.ObjectId().toHexString();
    const token = await aResidentToken(residentId);
    const facts = { activityId, residentId, organisationId: world.communityId };

    expect(await act(SIGN_UP, { id: activityId }, token, 'req-sign-up')).toEqual([]);
    expect(await outbox.newEvents()).toEqual([event('activity.signedUp', facts, 'req-sign-up')]);

    // Refused, and told nothing: a second sign-up, and another resident when no place is left.
    const lateComer = new Types.ObjectId().toHexString();
    expect(await act(SIGN_UP, { id: activityId }, token)).toEqual([summaryOf(alreadySignedUp())]);
    expect(await act(SIGN_UP, { id: activityId }, await aResidentToken(lateComer))).toEqual([summaryOf(activityFull())]);
    expect(await outbox.newEvents()).toEqual([]);

    clock.set(STARTED);
    expect(await act(CHECK_IN, { input: { activityId, residentId: lateComer } }, hostToken)).toEqual([summaryOf(checkInWithoutSignUp())]);
    expect(await act(CHECK_IN, { input: { activityId, residentId, hours: 2.5 } }, hostToken, 'req-check-in')).toEqual([]);
    expect(await outbox.newEvents()).toEqual([event('activity.checkedIn', { ...facts, hours: 2.5 }, 'req-check-in')]);
    expect(await act(CHECK_IN, { input: { activityId, residentId } }, hostToken)).toEqual([summaryOf(alreadyCheckedIn())]);
    expect(await outbox.newEvents()).toEqual([]);
  });
});
