import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, invalidInput, unknownId } from '@civic/service-kit';
import { aWorld, startStack, OutboxReader, summaryOf, type RecordedEvent, type Stack, type World } from '@civic/test-harness';
import type { EventFacts, EventKind } from '@civic/events';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { meetingsSubgraph } from '../src/subgraph.ts';
import { MeetingWorld } from './support/meeting-world.ts';
import { alreadyDecided, runActionItemSweep, runActionItemSweepOutOfScope } from '../src/errors.ts';
import { deadlinePassed } from '../src/domain/action-item-rules.ts';

// The events of meetings, as the meetings outbox holds them after each step, through the gateway.
const DAY = 24 * 3_600_000;
const clock = new ManualClock(new Date('2026-06-01T01:00:00.000Z'));
const ATTEND = 'mutation($id: ID!, $attended: Boolean!){ recordAttendance(participantId: $id, attended: $attended) { id } }';
const DECIDE = 'mutation($input: RecordDecisionInput!){ recordDecision(input: $input) { id } }';
const ASSIGN = 'mutation($input: AssignActionItemInput!){ assignActionItem(input: $input) { id } }';
const PROGRESS = 'mutation($input: ReportActionItemProgressInput!){ reportActionItemProgress(input: $input) { status } }';
const SWEEP = 'mutation($at: DateTime, $organisationId: ID){ runActionItemSweep(at: $at, organisationId: $organisationId) { overdue } }';
let stack: Stack;
let world: World;
let meetings: MeetingWorld;
let outbox: OutboxReader;
let gridId: string;
let workerToken: string;
const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY);

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph, meetingsSubgraph], clock });
  world = await aWorld(stack);
  meetings = new MeetingWorld(stack, world);
  outbox = new OutboxReader(stack, 'meetings');
  gridId = await world.aMicroGrid();
  workerToken = await meetings.staffToken([world.communityId]);
}, 120_000);

afterAll(() => stack.stop());

function event<K extends EventKind>(kind: K, facts: EventFacts[K], requestId: string | null, at = clock.now()): RecordedEvent {
  return { kind, source: 'meetings', occurredAt: at.toISOString(), requestId, facts } as RecordedEvent;
}

/** Runs an operation as `token` with `requestId`; its data, and its errors as summaries. */
async function act<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token: string, requestId?: string) {
  const response = await stack.query<T>(query, variables, { token, requestId });
  return { data: response.data, errors: response.errors.map(summaryOf) };
}

describe('a coordination meeting', () => {
  it('tells of attendance once, the decision, its action items and, once, each one overdue', async () => {
    const property = await meetings.anOrganisation('金鹰物业新城服务中心', 'PROPERTY_COMPANY');
    const owners = await meetings.anOrganisation('新城花园业主委员会', 'OWNERS_COMMITTEE');
    const complainant = await meetings.aResidentIn(gridId, '赵桂兰');
    const wishId = await meetings.aWish(complainant, gridId, '楼下商铺夜间装修噪音扰民');
    const meetingId = await meetings.aMeeting(workerToken, { kind: 'COORDINATION', title: '3栋夜间噪音协调会', hostIds: [world.communityId], startsAt: inDays(1).toISOString(), place: '社区议事厅' });
    const itemId = await meetings.anAgendaItem(workerToken, { meetingId, title: '商铺夜间装修噪音', wishId });
    const propertySeat = await meetings.invite(workerToken, { meetingId, organisationId: property, role: 'PROPERTY_COMPANY' });
    const ownersSeat = await meetings.invite(workerToken, { meetingId, organisationId: owners, role: 'OWNERS_COMMITTEE' });
    const complainantSeat = await meetings.invite(workerToken, { meetingId, residentId: complainant, role: 'RESIDENT_REP' });
    clock.advance(DAY);
    await meetings.must(`mutation($id: ID!) { openMeeting(id: $id) { status } }`, { id: meetingId }, workerToken);
    expect(await outbox.newEvents()).toEqual([]);

    // Organisations attend without an event; a resident's attendance is told once, however often it is taken.
    await meetings.attend(workerToken, propertySeat);
    await meetings.attend(workerToken, ownersSeat);
    expect(await outbox.newEvents()).toEqual([]);
    expect((await act(ATTEND, { id: complainantSeat, attended: true }, workerToken, 'req-attend')).errors).toEqual([]);
    expect(await outbox.newEvents()).toEqual([event('meeting.attended', { meetingId, residentId: complainant, organisationId: world.communityId }, 'req-attend')]);
    await act(ATTEND, { id: complainantSeat, attended: false }, workerToken);
    await act(ATTEND, { id: complainantSeat, attended: true }, workerToken);
    expect(await outbox.newEvents()).toEqual([]);

    const decision = { agendaItemId: itemId, minutes: '物业确认商铺未按规定时间施工。', decision: '商铺每晚八点后停止施工。', votes: { inFavour: 3, against: 0, abstaining: 0 } };
    expect((await act(DECIDE, { input: decision }, workerToken, 'req-decide')).errors).toEqual([]);
    expect(await outbox.newEvents()).toEqual([
      event('decision.recorded', { meetingId, agendaItemId: itemId, organisationId: world.communityId, adopted: true, wishId, microProjectId: null }, 'req-decide'),
    ]);
    expect((await act(DECIDE, { input: decision }, workerToken)).errors).toEqual([summaryOf(alreadyDecided())]);

    const assign = (description: string, deadline: Date, requestId?: string) =>
      act<{ assignActionItem: { id: string } }>(ASSIGN, { input: { agendaItemId: itemId, description, responsibleOrganisationId: property, deadline: deadline.toISOString() } }, workerToken, requestId);
    expect((await assign('督促商铺整改', inDays(-1))).errors).toEqual([summaryOf(invalidInput(deadlinePassed()))]);
    expect(await outbox.newEvents()).toEqual([]);
    const dueAt = inDays(7);
    const patrol = (await assign('督促商铺整改并每日巡查', dueAt, 'req-assign')).data!.assignActionItem.id;
    const assignee = { type: 'Organisation' as const, id: property };
    expect(await outbox.newEvents()).toEqual([event('actionItem.assigned', { actionItemId: patrol, meetingId, assignee, dueAt: dueAt.toISOString() }, 'req-assign')]);
    // An item done in time is never overdue.
    const notice = (await assign('张贴整改公示', dueAt)).data!.assignActionItem.id;
    await meetings.must(PROGRESS, { input: { actionItemId: notice, status: 'DONE', note: '公示已张贴' } }, workerToken);
    await outbox.newEvents();

    // The community's staff sweep its subtree; the whole instance is for district admins and services.
    const sweeperToken = await stack.token({ roles: ['SERVICE'] });
    const later = inDays(8);
    const community = world.communityId;
    expect((await act(SWEEP, { at: later.toISOString() }, workerToken)).errors).toEqual([summaryOf(runActionItemSweep())]);
    const ownersStaff = await meetings.staffToken([owners]);
    expect((await act(SWEEP, { at: later.toISOString(), organisationId: community }, ownersStaff)).errors).toEqual([summaryOf(runActionItemSweepOutOfScope())]);
    expect((await act(SWEEP, { at: later.toISOString(), organisationId: '65f0000000000000000000ff' }, workerToken)).errors).toEqual([summaryOf(unknownId('organisationId', 'organisation'))]);
    expect(await outbox.newEvents()).toEqual([]);
    expect(await act(SWEEP, { at: inDays(6).toISOString(), organisationId: community }, workerToken)).toEqual({ data: { runActionItemSweep: { overdue: 0 } }, errors: [] });
    expect(await act(SWEEP, { at: later.toISOString(), organisationId: owners }, workerToken)).toEqual({ data: { runActionItemSweep: { overdue: 0 } }, errors: [] });
    expect(await act(SWEEP, { at: later.toISOString(), organisationId: community }, workerToken, 'req-sweep')).toEqual({ data: { runActionItemSweep: { overdue: 1 } }, errors: [] });
    expect(await outbox.newEvents()).toEqual([event('actionItem.overdue', { actionItemId: patrol, meetingId, assignee, dueAt: dueAt.toISOString() }, 'req-sweep', later)]);
    expect(await act(SWEEP, { at: later.toISOString() }, sweeperToken)).toEqual({ data: { runActionItemSweep: { overdue: 0 } }, errors: [] });
    expect(await outbox.newEvents()).toEqual([]);
  });
});

describe('closing a micro-project vote', () => {
  it('tells of each project whose voting closed, with its outcome and count', async () => {
    await meetings.must(`mutation($c: ID!) { setMicroProjectVoteThreshold(communityId: $c, threshold: 2) }`, { c: world.communityId }, workerToken);
    const propose = async (title: string) =>
      (
        await meetings.must<{ proposeMicroProject: { id: string } }>(
          `mutation($input: ProposeMicroProjectInput!) { proposeMicroProject(input: $input) { id } }`,
          { input: { communityId: world.communityId, title, description: `${title}，请居民投票。`, estimatedCost: 500_000, votingOpensAt: clock.now().toISOString(), votingClosesAt: inDays(10).toISOString() } },
          workerToken,
        )
      ).proposeMicroProject.id;
    const lights = await propose('楼道声控灯更换');
    const benches = await propose('小区增设休闲座椅');
    const vote = `mutation($id: ID!) { voteForMicroProject(microProjectId: $id) { votes } }`;
    for (const name of ['钱玉梅', '孙德明']) await meetings.must(vote, { id: lights }, await meetings.residentToken(await meetings.aResidentIn(gridId, name)));
    await outbox.newEvents();

    clock.advance(11 * DAY);
    const close = `mutation($input: CloseMicroProjectVotingInput!) { closeMicroProjectVoting(input: $input) { prioritised { id } } }`;
    const input = { communityId: world.communityId, reviewStartsAt: inDays(3).toISOString(), reviewPlace: '新城社区议事厅' };
    expect((await act(close, { input }, workerToken, 'req-close')).errors).toEqual([]);
    const closed = (await outbox.newEvents()).sort((a, b) => (b.facts as EventFacts['microProject.voteClosed']).voteCount - (a.facts as EventFacts['microProject.voteClosed']).voteCount);
    expect(closed).toEqual([
      event('microProject.voteClosed', { microProjectId: lights, communityId: world.communityId, approved: true, outcome: 'PRIORITISED', voteCount: 2 }, 'req-close'),
      event('microProject.voteClosed', { microProjectId: benches, communityId: world.communityId, approved: false, outcome: 'EXPERT_REVIEW', voteCount: 0 }, 'req-close'),
    ]);
    // Closing again finds nothing left to close, and tells nothing.
    expect((await act(close, { input }, workerToken)).errors).toEqual([]);
    expect(await outbox.newEvents()).toEqual([]);
  });
});
