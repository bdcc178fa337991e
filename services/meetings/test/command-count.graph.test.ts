import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '@civic/service-kit';
import { aWorld, startStack, type Stack, commandCounts } from '@civic/test-harness';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { meetingsSubgraph } from '../src/subgraph.ts';
import { MeetingWorld } from './support/meeting-world.ts';

// No N+1: a meeting with its agenda, participants and referenced wishes costs one database command
// per entity type per level in each subgraph, whatever the number of items and participants.
const clock = new ManualClock(new Date('2026-05-11T01:00:00.000Z'));
const ITEMS = 6;
const RESIDENTS = 8;
let stack: Stack;
let meetingId: string;
let staffToken: string;

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph, meetingsSubgraph], clock });
  const world = await aWorld(stack);
  const meetings = new MeetingWorld(stack, world);
  const gridId = await world.aMicroGrid();
  const token = await meetings.staffToken([world.communityId]);
  staffToken = token;
  meetingId = await meetings.aMeeting(token, {
    kind: 'RESIDENTS_COUNCIL',
    title: '新城社区居民议事会（五月）',
    hostIds: [world.communityId, world.branchId],
    startsAt: new Date(clock.now().getTime() + 86_400_000).toISOString(),
    place: '新城社区议事厅',
  });
  const residents: string[] = [];
  for (let n = 0; n < RESIDENTS; n++) residents.push(await meetings.aResidentIn(gridId));
  for (let n = 0; n < ITEMS; n++) {
    const wishId = await meetings.aWish(residents[n % RESIDENTS]!, gridId, `第${n + 1}号楼道堆物清理`);
    await meetings.anAgendaItem(token, { meetingId, title: `议题${n + 1}：楼道堆物`, wishId });
  }
  for (const residentId of residents) await meetings.invite(token, { meetingId, residentId, role: 'RESIDENT_REP' });
  for (const [name, kind, role] of [
    ['金鹰物业新城服务中心', 'PROPERTY_COMPANY', 'PROPERTY_COMPANY'],
    ['新城花园业主委员会', 'OWNERS_COMMITTEE', 'OWNERS_COMMITTEE'],
  ] as const) {
    await meetings.invite(token, { meetingId, organisationId: await meetings.anOrganisation(name, kind), role });
  }
}, 240_000);

afterAll(() => stack.stop());


it('reads a meeting with its agenda, participants and referenced wishes in one command per type per level', async () => {
  stack.resetCommands();
  type Invitee = { resident: { name: string } | null; organisation: { name: string } | null };
  const response = await stack.query<{ meeting: { agenda: { edges: { node: { wish: { title: string } } }[] }; participants: { totalCount: number; edges: { node: Invitee }[] } } }>(
    `query($id: ID!) {
      meeting(id: $id) {
        title level status hosts { name }
        agenda { edges { node { position title wish { title status } decision { text } } } }
        participants { totalCount edges { node { role reply attended resident { name } organisation { name } } } }
        quorum { met present required }
      }
    }`,
    { id: meetingId },
    { token: staffToken },
  );
  expect(response.errors).toEqual([]);
  const meeting = response.data!.meeting;
  expect(meeting.agenda.edges.map(({ node }) => node.wish.title)).toEqual(Array.from({ length: ITEMS }, (_, n) => `第${n + 1}号楼道堆物清理`));
  const participants = meeting.participants.edges.map(({ node }) => node);
  expect(meeting.participants.totalCount).toBe(RESIDENTS + 2);
  expect(participants.filter((participant) => participant.resident !== null).length).toBe(RESIDENTS);
  expect(participants.filter((participant) => participant.organisation !== null).map((participant) => participant.organisation!.name)).toEqual([
    '金鹰物业新城服务中心',
    '新城花园业主委员会',
  ]);

  const commands = stack.commands();
  console.log(`database commands for a meeting with ${ITEMS} agenda items (each a wish) and ${RESIDENTS + 2} participants: ${JSON.stringify(Object.fromEntries(Object.entries(commands).map(([name, records]) => [name, commandCounts(records)])))}`);
  // Agenda items and participants are one level: the participants' page, its count, and the whole list the quorum counts.
  expect(commandCounts(commands.meetings)).toEqual({ 'find meetings': 1, 'find agenda_items': 1, 'find participants': 2, 'aggregate participants': 1 });
  expect(commandCounts(commands.wishes)).toEqual({ 'find wishes': 1 });
  expect(commandCounts(commands.residents)).toEqual({ 'find residents': 1 });
  // Two levels reach organisations: the hosts (Meeting.hosts) and the invited ones (Participant.organisation).
  expect(commandCounts(commands.organisations)).toEqual({ 'find organisations': 2 });
});

it("pages a meeting's agenda in order, counting every item", async () => {
  const AGENDA = `query($id: ID!, $after: String) { meeting(id: $id) { agenda(first: 4, after: $after) { totalCount edges { node { position } } pageInfo { hasNextPage endCursor } } } }`;
  type Page = { meeting: { agenda: { totalCount: number; edges: { node: { position: number } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
  const first = (await stack.query<Page>(AGENDA, { id: meetingId })).data!.meeting.agenda;
  expect([first.totalCount, first.edges.map(({ node }) => node.position), first.pageInfo.hasNextPage]).toEqual([ITEMS, [1, 2, 3, 4], true]);
  const second = (await stack.query<Page>(AGENDA, { id: meetingId, after: first.pageInfo.endCursor })).data!.meeting.agenda;
  expect([second.totalCount, second.edges.map(({ node }) => node.position), second.pageInfo.hasNextPage]).toEqual([ITEMS, [5, 6], false]);
});
