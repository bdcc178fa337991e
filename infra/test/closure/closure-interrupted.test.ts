import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types, type Model } from 'mongoose';
import { replayParkedEvents, type EventConsumer } from '@civic/events';
import { createLogger, disconnectedGraphClient, ManualClock, serviceEventStore, type SubgraphServices } from '@civic/service-kit';
import { aWorld, loadLocalSubgraphs, startStack, waitUntilApplied, waitUntilParked, waitUntilPublished, type AnySubgraph, type Stack, type World } from '@civic/test-harness';
import { tracesIn } from './support/settling.ts';

// A department's closure consumer refused by its database half-way (its participants rewritten, its
// votes refused): the transaction leaves nothing half-anonymised, and a later delivery or a replay completes it.
const clock = new ManualClock(new Date('2026-07-01T02:00:00.000Z'));
const CONSUMER = 'meetings-resident-closure';
const DAY = 24 * 3_600_000;
let stack: Stack;
let world: World;
let workerToken: string;
let gridId: string;
/** How many more times the votes collection refuses the closure consumer's read. */
let refusalsLeft = 0;
let deliveries = 0;
let consumer: EventConsumer<SubgraphServices<Record<string, Model<unknown>>>>;

/** The meetings department with its closure consumer's votes collection refusing while `refusalsLeft` lasts. */
function withRefusingVotes(meetings: AnySubgraph): AnySubgraph {
  const real = meetings.consumers!.find((candidate) => candidate.name === CONSUMER)! as unknown as typeof consumer;
  consumer = {
    ...real,
    async apply(event, services, session) {
      deliveries++;
      const votes = new Proxy(services.models.MicroProjectVote!, {
        get(target, property, receiver) {
          if (property === 'find' && refusalsLeft > 0) {
            refusalsLeft--;
            throw new Error('the database refused the command');
          }
          return Reflect.get(target, property, receiver) as unknown;
        },
      });
      await real.apply(event, { ...services, models: { ...services.models, MicroProjectVote: votes } }, session);
    },
  };
  return { ...meetings, consumers: [consumer] } as AnySubgraph;
}

beforeAll(async () => {
  const subgraphs = (await loadLocalSubgraphs()).map((definition) => (definition.name === 'meetings' ? withRefusingVotes(definition) : definition));
  stack = await startStack({ subgraphs, clock });
  world = await aWorld(stack);
  gridId = await world.aMicroGrid();
  workerToken = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
}, 120_000);
afterAll(() => stack.stop());

async function must<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token = workerToken): Promise<T> {
  const response = await stack.query<T>(query, variables, { token });
  expect(response.errors).toEqual([]);
  return response.data!;
}

/** A resident invited to a meeting who voted for a micro-project; closed by staff. The closure event's id. */
async function anInvitedVoterClosed(): Promise<{ residentId: string; eventId: string }> {
  const residentId = await world.aResident(await world.aHousehold(gridId));
  const token = await stack.token({ roles: ['RESIDENT'], residentId });
  const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();
  const { proposeMicroProject } = await must<{ proposeMicroProject: { id: string } }>('mutation($input: ProposeMicroProjectInput!) { proposeMicroProject(input: $input) { id } }', {
    input: { communityId: world.communityId, title: '小区增设休闲座椅', description: '小区增设休闲座椅，请居民投票。', estimatedCost: 300_000, votingOpensAt: clock.now().toISOString(), votingClosesAt: inDays(10) },
  });
  await must('mutation($id: ID!) { voteForMicroProject(microProjectId: $id) { votes } }', { id: proposeMicroProject.id }, token);
  const { scheduleMeeting } = await must<{ scheduleMeeting: { id: string } }>('mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }', {
    input: { kind: 'COORDINATION', title: '停车难协调会', hostIds: [world.communityId], startsAt: inDays(1), place: '社区议事厅' },
  });
  await must('mutation($input: InviteParticipantInput!) { inviteParticipant(input: $input) { id } }', { input: { meetingId: scheduleMeeting.id, residentId, role: 'RESIDENT_REP' } });
  await must('mutation($id: ID!) { closeResidentAccount(residentId: $id, reason: MOVED_AWAY) { status } }', { id: residentId });
  const residents = stack.subgraph('residents');
  await waitUntilPublished(residents);
  const closed = await residents.eventCollections.outbox.findOne({ 'event.kind': 'resident.closed', 'event.facts.residentId': residentId }).lean();
  return { residentId, eventId: closed!._id };
}

/** The meetings records that still name the resident, by collection. */
async function meetingsRecordsOf(residentId: string) {
  const database = stack.subgraph('meetings').eventCollections.outbox.db;
  const of = { residentId: new Types.ObjectId(residentId) };
  return { participants: await database.collection('participants').countDocuments(of), votes: await database.collection('micro_project_votes').countDocuments(of) };
}

describe('a closure consumer refused half-way', () => {
  it('is retried, and the next delivery completes it', async () => {
    deliveries = 0;
    refusalsLeft = 1;
    const { residentId, eventId } = await anInvitedVoterClosed();
    await waitUntilApplied(stack.subgraph('meetings'), CONSUMER, [eventId]);
    expect(deliveries).toBe(2);
    expect(await meetingsRecordsOf(residentId)).toEqual({ participants: 0, votes: 0 });
    expect(await tracesIn(stack, 'meetings', [residentId])).toEqual([]);
  });

  it('leaves nothing half-anonymised while it keeps failing, is parked, and a replay completes it once', async () => {
    refusalsLeft = Number.POSITIVE_INFINITY;
    const { residentId, eventId } = await anInvitedVoterClosed();
    const meetings = stack.subgraph('meetings');
    await waitUntilParked(meetings, CONSUMER, [eventId]);
    // Every other department removed the person meanwhile; meetings changed nothing, not even the invitation it had rewritten.
    await waitUntilApplied(stack.subgraph('notifications'), 'notifications-resident-closure', [eventId]);
    expect(await meetingsRecordsOf(residentId)).toEqual({ participants: 1, votes: 1 });
    expect(await meetings.eventCollections.appliedEvents.countDocuments({ consumer: CONSUMER, eventId })).toBe(0);

    refusalsLeft = 0;
    const services = { models: meetings.models as unknown as Record<string, Model<unknown>>, clock, logger: createLogger('meetings', 'silent'), graph: disconnectedGraphClient };
    const target = { consumer, services, store: serviceEventStore(services.models.Participant!.db), now: () => new Date() };
    expect(await replayParkedEvents(target, 'all')).toEqual({ applied: [eventId], alreadyApplied: [], failed: [] });
    expect(await replayParkedEvents(target, { eventId })).toEqual({ applied: [], alreadyApplied: [], failed: [] });
    expect(await meetingsRecordsOf(residentId)).toEqual({ participants: 0, votes: 0 });
    expect(await tracesIn(stack, 'meetings', [residentId])).toEqual([]);
  });
});
