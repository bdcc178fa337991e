import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { ANONYMOUS } from '@civic/identity';
import { ManualClock, invalidTransition, unauthenticated, unknownId, notAnId, emptyText, notWholeNumberInRange, invalidInput } from '@civic/service-kit';
import { createSubgraphTester, type ErrorWithExtensions, type SubgraphTester, commandsSince, dataOf, RACE_TIMEOUT, repeatRace, resident, staff, expectError, summaryOf, FakeGraph, aTree } from '@civic/test-harness';
import { meetingsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { ADD_ITEM, ASSIGN, ATTEND, DECIDE, INVITE, OPEN, REPLY, REPORT, SCHEDULE } from './support/operations.ts';
import { alreadyDecided, alreadyInvited, alreadyOnAgenda, hostCountOutOfRange, hostsOutsideDistrict, inviteeNotExactlyOne, meetingInThePast, quorumNotMet, replyForAnother, scheduleMeetingElsewhere, wishOutOfReach } from '../src/errors.ts';
import { linkNotHttps, venueMissing } from '../src/domain/meeting-rules.ts';
import { moreVotesThanAttendees } from '../src/domain/decision-rules.ts';
import { roleNeedsKind } from '../src/domain/participant-rules.ts';

const DAY = 24 * 3600_000;
const clock = new ManualClock(new Date('2025-06-02T01:00:00.000Z'));
const graph = new FakeGraph();
const tree = aTree(graph);
const worker = staff('COMMUNITY_WORKER', [tree.community]);
let tester: SubgraphTester<Models>;

beforeAll(async () => {
  tester = await createSubgraphTester(meetingsSubgraph, { clock, graph });
});

afterAll(() => tester.close());

const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();
const meetingInput = (overrides: Record<string, unknown> = {}) => ({
  kind: 'COORDINATION',
  title: '关于3栋夜间施工噪音的协调会',
  hostIds: [tree.community],
  startsAt: inDays(2),
  place: '新城社区党群服务中心二楼会议室',
  ...overrides,
});

async function schedule(overrides: Record<string, unknown> = {}): Promise<string> {
  return dataOf<{ scheduleMeeting: { id: string } }>(await tester.execute(SCHEDULE, { input: meetingInput(overrides) }, worker)).scheduleMeeting.id;
}

async function invite(meetingId: string, invitee: Record<string, string>, role: string): Promise<string> {
  return dataOf<{ inviteParticipant: { id: string } }>(await tester.execute(INVITE, { input: { meetingId, role, ...invitee } }, worker)).inviteParticipant.id;
}

async function addItem(meetingId: string, fields: Record<string, unknown> = {}): Promise<string> {
  return dataOf<{ addAgendaItem: { id: string } }>(await tester.execute(ADD_ITEM, { input: { meetingId, title: '夜间施工噪音扰民', ...fields } }, worker)).addAgendaItem.id;
}

describe('scheduling', () => {
  it('takes its level from the highest host and keeps the lead host first', async () => {
    const result = await tester.execute(SCHEDULE, { input: meetingInput({ kind: 'JOINT_CONFERENCE', hostIds: [tree.community, tree.street] }) }, staff('STREET_ADMIN', [tree.street]));
    const meeting = dataOf<{ scheduleMeeting: Record<string, unknown> }>(result).scheduleMeeting;
    expect({ ...meeting, id: 'id' }).toEqual({
      id: 'id',
      kind: 'JOINT_CONFERENCE',
      title: '关于3栋夜间施工噪音的协调会',
      level: 'STREET',
      status: 'PLANNED',
      place: '新城社区党群服务中心二楼会议室',
      onlineUrl: null,
      hosts: [{ id: tree.community }, { id: tree.street }],
    });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await tester.models.Meeting.countDocuments();
    const cases: [Record<string, unknown>, ErrorWithExtensions][] = [
      [{ title: '  ' }, emptyText('title')],
      [{ hostIds: [] }, hostCountOutOfRange()],
      [{ hostIds: ['不是编号'] }, notAnId('hostIds')],
      [{ startsAt: inDays(-1) }, meetingInThePast()],
      [{ place: null }, invalidInput(venueMissing())],
      [{ place: null, onlineUrl: 'ftp://会议' }, invalidInput(linkNotHttps())],
      [{ hostIds: [graph.organisation('CO_BUILDING_UNIT')] }, hostsOutsideDistrict()],
    ];
    for (const [overrides, expected] of cases) {
      const result = await tester.execute(SCHEDULE, { input: meetingInput(overrides) }, staff('DISTRICT_ADMIN', [tree.district, ...(overrides.hostIds as string[] ?? [])]));
      expectError(result, expected);
    }
    expect(await tester.models.Meeting.countDocuments()).toBe(before);
  });

  it('lets only staff over the lead host schedule', async () => {
    expectError(await tester.execute(SCHEDULE, { input: meetingInput() }, ANONYMOUS), unauthenticated());
    expectError(await tester.execute(SCHEDULE, { input: meetingInput() }, staff('COMMUNITY_WORKER', [tree.otherCommunity])), scheduleMeetingElsewhere());
  });
});

describe('agenda and invitations', () => {
  it('takes up a wish that exists, and refuses an unknown one', async () => {
    const meetingId = await schedule();
    const wishId = graph.wish(tree.community);
    const item = dataOf<{ addAgendaItem: Record<string, unknown> }>(await tester.execute(ADD_ITEM, { input: { meetingId, title: '夜间施工噪音扰民', wishId } }, worker));
    expect({ ...item.addAgendaItem, id: 'id' }).toEqual({ id: 'id', position: 1, title: '夜间施工噪音扰民', wish: { id: wishId }, microProject: null });
    const unknown = new Types.ObjectId().toHexString();
    expectError(await tester.execute(ADD_ITEM, { input: { meetingId, title: '另一件事', wishId: unknown } }, worker), unknownId('wishId', 'wish'));
    expect(await tester.models.AgendaItem.countDocuments({ meetingId })).toBe(1);
  });

  it("takes a wish up once per meeting, and only a wish within the hosts' reach", async () => {
    const meetingId = await schedule();
    const wishId = graph.wish(tree.propertyCompany);
    await addItem(meetingId, { wishId });
    expectError(await tester.execute(ADD_ITEM, { input: { meetingId, title: '再议噪音', wishId } }, worker), alreadyOnAgenda('wish'));
    expectError(await tester.execute(ADD_ITEM, { input: { meetingId, title: '邻社区的事', wishId: graph.wish(tree.otherCommunity) } }, worker), wishOutOfReach());
    expect(await tester.models.AgendaItem.countDocuments({ meetingId })).toBe(1);
  });

  it('numbers items added at once without gaps or repeats, round after round', async () => {
    await repeatRace(async () => {
      const meetingId = await schedule();
      await Promise.all(Array.from({ length: 8 }, (_, index) => addItem(meetingId, { title: `议题${index + 1}` })));
      const positions = (await tester.models.AgendaItem.find({ meetingId }).lean()).map((item) => item.position).sort((a, b) => a - b);
      expect(positions).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });
  }, RACE_TIMEOUT);

  it('invites each invitee once, in a role that fits them', async () => {
    const meetingId = await schedule();
    const residentId = graph.resident(tree.community);
    await invite(meetingId, { organisationId: tree.propertyCompany }, 'PROPERTY_COMPANY');
    expectError(await tester.execute(INVITE, { input: { meetingId, organisationId: tree.propertyCompany, role: 'PROPERTY_COMPANY' } }, worker), alreadyInvited());
    expectError(await tester.execute(INVITE, { input: { meetingId, organisationId: tree.ownersCommittee, role: 'PROPERTY_COMPANY' } }, worker), invalidInput(roleNeedsKind('PROPERTY_COMPANY', 'PROPERTY_COMPANY')));
    expectError(await tester.execute(INVITE, { input: { meetingId, residentId, organisationId: tree.ownersCommittee, role: 'RESIDENT_REP' } }, worker), inviteeNotExactlyOne());
    const participantId = await invite(meetingId, { residentId }, 'RESIDENT_REP');
    expectError(await tester.execute(REPLY, { id: participantId, reply: 'ACCEPTED' }, resident(graph.resident(tree.community))), replyForAnother());
    expect(dataOf(await tester.execute(REPLY, { id: participantId, reply: 'ACCEPTED' }, resident(residentId)))).toEqual({ replyToInvitation: { id: participantId, reply: 'ACCEPTED' } });
    expect(await tester.models.Participant.countDocuments({ meetingId })).toBe(2);
  });
});

describe('decisions and action items', () => {
  it('refuses a decision before the quorum, then records one with its votes and follows its action item past the deadline', async () => {
    const meetingId = await schedule();
    const itemId = await addItem(meetingId, { wishId: graph.wish(tree.community) });
    const property = await invite(meetingId, { organisationId: tree.propertyCompany }, 'PROPERTY_COMPANY');
    const owners = await invite(meetingId, { organisationId: tree.ownersCommittee }, 'OWNERS_COMMITTEE');
    const rep = await invite(meetingId, { residentId: graph.resident(tree.community) }, 'RESIDENT_REP');
    const decision = { agendaItemId: itemId, minutes: '物业承认夜间施工未报备，业委会要求停工整改。', decision: '晚十点后停止施工，物业一周内加装隔音围挡。', votes: { inFavour: 3, against: 0, abstaining: 0 } };

    expectError(await tester.execute(DECIDE, { input: decision }, worker), invalidTransition('Meeting', 'PLANNED', 'record a decision'));
    expect(dataOf(await tester.execute(OPEN, { id: meetingId }, worker))).toEqual({ openMeeting: { id: meetingId, status: 'IN_SESSION' } });
    for (const id of [property, rep]) await tester.execute(ATTEND, { id }, worker);
    expectError(await tester.execute(DECIDE, { input: decision }, worker), quorumNotMet({ met: false, rule: 'every invited organisation attends', present: 1, required: 2 }));
    await tester.execute(ATTEND, { id: owners }, worker);
    expectError(await tester.execute(DECIDE, { input: { ...decision, votes: { inFavour: 3, against: 1, abstaining: 0 } } }, worker), invalidInput(moreVotesThanAttendees(4, 3)));
    expect((await tester.models.AgendaItem.findById(itemId).lean())!.decision).toBe(null);

    expect(dataOf(await tester.execute(DECIDE, { input: decision }, worker))).toEqual({
      recordDecision: {
        id: itemId,
        minutes: '物业承认夜间施工未报备，业委会要求停工整改。',
        decision: { text: '晚十点后停止施工，物业一周内加装隔音围挡。', adopted: true, votes: { inFavour: 3, against: 0, abstaining: 0 }, microProjectOutcome: null },
      },
    });
    expectError(await tester.execute(DECIDE, { input: decision }, worker), alreadyDecided());

    const deadline = inDays(7);
    const assigned = await tester.execute(ASSIGN, { input: { agendaItemId: itemId, description: '加装隔音围挡', responsibleOrganisationId: tree.propertyCompany, deadline } }, worker);
    const actionItem = dataOf<{ assignActionItem: { id: string } }>(assigned).assignActionItem;
    expect(actionItem).toEqual({ id: actionItem.id, description: '加装隔音围挡', status: 'OPEN', overdue: false, deadline: new Date(deadline), responsibleOrganisation: { id: tree.propertyCompany } });

    const overdueList = `query($r: [_Any!]!) {
      _entities(representations: $r) { ... on Organisation { actionItems(overdue: true) { totalCount edges { node { id overdue } } } open: actionItems(status: OPEN) { totalCount edges { node { id } } } } }
    }`;
    const representations = [{ __typename: 'Organisation', id: tree.propertyCompany }];
    const none = { totalCount: 0, edges: [] };
    const openItem = { totalCount: 1, edges: [{ node: { id: actionItem.id } }] };
    expect(dataOf(await tester.execute(overdueList, { r: representations }, ANONYMOUS))).toEqual({ _entities: [{ actionItems: none, open: openItem }] });
    clock.advance(8 * DAY);
    expect(dataOf(await tester.execute(overdueList, { r: representations }, ANONYMOUS))).toEqual({
      _entities: [{ actionItems: { totalCount: 1, edges: [{ node: { id: actionItem.id, overdue: true } }] }, open: openItem }],
    });

    const done = await tester.execute(REPORT, { input: { actionItemId: actionItem.id, note: '围挡已安装完毕', status: 'DONE' } }, staff('COMMUNITY_WORKER', [tree.propertyCompany]));
    expect(dataOf(done)).toEqual({ reportActionItemProgress: { id: actionItem.id, status: 'DONE', overdue: false, progress: [{ note: '围挡已安装完毕', status: 'DONE' }] } });
    expectError(await tester.execute(REPORT, { input: { actionItemId: actionItem.id, note: '再次确认', status: 'IN_PROGRESS' } }, worker), invalidTransition('ActionItem', 'DONE', 'move to IN_PROGRESS'));
    expect(dataOf(await tester.execute(overdueList, { r: representations }, ANONYMOUS))).toEqual({ _entities: [{ actionItems: none, open: none }] });

    // The item's own action items page in order of assignment, the done one too.
    const second = dataOf<{ assignActionItem: { id: string } }>(
      await tester.execute(ASSIGN, { input: { agendaItemId: itemId, description: '夜间巡查施工情况', responsibleOrganisationId: tree.propertyCompany, deadline: inDays(14) } }, worker),
    ).assignActionItem;
    const itemActions = `query($id: ID!, $after: String) {
      meeting(id: $id) { agenda { totalCount edges { node { actionItems(first: 1, after: $after) { totalCount edges { node { id status } } pageInfo { hasNextPage endCursor } } } } } }
    }`;
    type ItemActions = { meeting: { agenda: { edges: { node: { actionItems: { pageInfo: { endCursor: string } } } }[] } } };
    const head = dataOf<ItemActions>(await tester.execute(itemActions, { id: meetingId }, ANONYMOUS));
    const { endCursor } = head.meeting.agenda.edges[0]!.node.actionItems.pageInfo;
    const page = (edges: unknown[], hasNextPage: boolean, cursor: unknown) => ({ meeting: { agenda: { totalCount: 1, edges: [{ node: { actionItems: { totalCount: 2, edges, pageInfo: { hasNextPage, endCursor: cursor } } } }] } } });
    expect(head).toEqual(page([{ node: { id: actionItem.id, status: 'DONE' } }], true, endCursor));
    expect(dataOf(await tester.execute(itemActions, { id: meetingId, after: endCursor }, ANONYMOUS))).toEqual(page([{ node: { id: second.id, status: 'OPEN' } }], false, expect.any(String)));
  });

  it('refuses an action item without a decision, or with a past deadline', async () => {
    const meetingId = await schedule();
    const itemId = await addItem(meetingId);
    const input = { agendaItemId: itemId, description: '整改', responsibleOrganisationId: tree.propertyCompany, deadline: inDays(3) };
    expectError(await tester.execute(ASSIGN, { input }, worker), invalidTransition('AgendaItem', 'UNDECIDED', 'take action items before its decision is recorded'));
    expect(await tester.models.ActionItem.countDocuments({ agendaItemId: itemId })).toBe(0);
  });
});

describe("an organisation's lists", () => {
  it('are pages of at most first, the latest meetings first, in one query for several organisations and one for their counts', async () => {
    const community = graph.organisation('COMMUNITY_PARTY_COMMITTEE', tree.street);
    const neighbour = graph.organisation('COMMUNITY_PARTY_COMMITTEE', tree.street);
    const scheduler = staff('STREET_ADMIN', [tree.street]);
    for (const [host, title, days] of [[community, '一月议事会', 3], [community, '二月议事会', 5], [community, '三月议事会', 4], [neighbour, '邻社区议事会', 6]] as const) {
      dataOf(await tester.execute(SCHEDULE, { input: meetingInput({ kind: 'RESIDENTS_COUNCIL', title, hostIds: [host], startsAt: inDays(days) }) }, scheduler));
    }
    const lists = `query($r: [_Any!]!, $first: Int, $after: String) {
      _entities(representations: $r) { ... on Organisation { meetings(first: $first, after: $after) { totalCount edges { node { title } } pageInfo { hasNextPage endCursor } } } }
    }`;
    const both = [{ __typename: 'Organisation', id: community }, { __typename: 'Organisation', id: neighbour }];
    tester.commands.reset();
    const firstPages = dataOf<{ _entities: { meetings: { pageInfo: { endCursor: string } } }[] }>(await tester.execute(lists, { r: both, first: 2 }, ANONYMOUS));
    const endCursor = firstPages._entities[0]!.meetings.pageInfo.endCursor;
    expect(firstPages).toEqual({
      _entities: [
        { meetings: { totalCount: 3, edges: [{ node: { title: '二月议事会' } }, { node: { title: '三月议事会' } }], pageInfo: { hasNextPage: true, endCursor } } },
        { meetings: { totalCount: 1, edges: [{ node: { title: '邻社区议事会' } }], pageInfo: { hasNextPage: false, endCursor: firstPages._entities[1]!.meetings.pageInfo.endCursor } } },
      ],
    });
    expect(commandsSince(tester.commands)).toEqual([
      { name: 'aggregate', collection: 'meetings' },
      { name: 'aggregate', collection: 'meetings' },
    ]);
    expect(dataOf(await tester.execute(lists, { r: both.slice(0, 1), after: endCursor }, ANONYMOUS))).toEqual({
      _entities: [{ meetings: { totalCount: 3, edges: [{ node: { title: '一月议事会' } }], pageInfo: { hasNextPage: false, endCursor: expect.any(String) } } }],
    });
    const tooMany = await tester.execute(lists, { r: both.slice(0, 1), first: 101 }, ANONYMOUS);
    expect(tooMany.errors.map(summaryOf)).toEqual([summaryOf(notWholeNumberInRange('first', 0, 100))]);
  });

  it("page a meeting's participants in order of invitation, and a resident's invitations and a wish's meetings the latest first", async () => {
    const residentId = graph.resident(tree.community);
    const wishId = graph.wish(tree.community);
    const earlier = await schedule({ title: '上半年议事会' });
    const later = await schedule({ title: '下半年议事会' });
    const invitations: string[] = [];
    for (const meetingId of [earlier, later]) {
      invitations.push(await invite(meetingId, { residentId }, 'RESIDENT_REP'));
      await addItem(meetingId, { wishId });
    }
    await invite(later, { organisationId: tree.propertyCompany }, 'PROPERTY_COMPANY');

    const participants = `query($id: ID!, $after: String) { meeting(id: $id) { participants(first: 1, after: $after) { totalCount edges { node { role } } pageInfo { hasNextPage endCursor } } } }`;
    type Participants = { meeting: { participants: { pageInfo: { endCursor: string } } } };
    const head = dataOf<Participants>(await tester.execute(participants, { id: later }, worker));
    const { endCursor } = head.meeting.participants.pageInfo;
    expect(head).toEqual({ meeting: { participants: { totalCount: 2, edges: [{ node: { role: 'RESIDENT_REP' } }], pageInfo: { hasNextPage: true, endCursor } } } });
    expect(dataOf(await tester.execute(participants, { id: later, after: endCursor }, worker))).toEqual({
      meeting: { participants: { totalCount: 2, edges: [{ node: { role: 'PROPERTY_COMPANY' } }], pageInfo: { hasNextPage: false, endCursor: expect.any(String) } } },
    });

    const ofResident = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { invitations(first: 1) { totalCount edges { node { id } } } attendance { totalCount } } } }`;
    const representation = [{ __typename: 'Resident', id: residentId, organisationPath: [tree.community] }];
    expect(dataOf(await tester.execute(ofResident, { r: representation }, resident(residentId)))).toEqual({
      _entities: [{ invitations: { totalCount: 2, edges: [{ node: { id: invitations[1] } }] }, attendance: { totalCount: 0 } }],
    });

    const ofWish = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Wish { meetings { totalCount edges { node { title } } } } } }`;
    expect(dataOf(await tester.execute(ofWish, { r: [{ __typename: 'Wish', id: wishId }] }, ANONYMOUS))).toEqual({
      _entities: [{ meetings: { totalCount: 2, edges: [{ node: { title: '下半年议事会' } }, { node: { title: '上半年议事会' } }] } }],
    });
  });
});
