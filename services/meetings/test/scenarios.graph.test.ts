import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, notAnId, invalidInput } from '@civic/service-kit';
import { aWorld, startStack, type Stack, type World, summaryOf } from '@civic/test-harness';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { meetingsSubgraph } from '../src/subgraph.ts';
import { MeetingWorld } from './support/meeting-world.ts';
import { alreadyVoted, meetingInThePast } from '../src/errors.ts';
import { venueMissing } from '../src/domain/meeting-rules.ts';

// The user stories of issue 4's meetings half, through the real gateway, with one clock for every subgraph.
const DAY = 24 * 3_600_000;
const clock = new ManualClock(new Date('2026-05-11T01:00:00.000Z'));
let stack: Stack;
let world: World;
let meetings: MeetingWorld;
let gridId: string;
let workerToken: string;
const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph, meetingsSubgraph], clock });
  world = await aWorld(stack);
  meetings = new MeetingWorld(stack, world);
  gridId = await world.aMicroGrid();
  workerToken = await meetings.staffToken([world.communityId]);
}, 120_000);

afterAll(() => stack.stop());

describe('a noise complaint settled at a coordination meeting', () => {
  it("ends as an overdue action item on the property company's list once its deadline passes", async () => {
    const property = await meetings.anOrganisation('金鹰物业新城服务中心', 'PROPERTY_COMPANY');
    const owners = await meetings.anOrganisation('新城花园业主委员会', 'OWNERS_COMMITTEE');
    const complainant = await meetings.aResidentIn(gridId, '赵桂兰');
    const wishId = await meetings.aWish(complainant, gridId, '楼下商铺夜间装修噪音扰民');

    const meetingId = await meetings.aMeeting(workerToken, {
      kind: 'COORDINATION',
      title: '3栋夜间噪音协调会',
      hostIds: [world.communityId],
      startsAt: inDays(1),
      place: '新城社区党群服务中心二楼会议室',
    });
    const itemId = await meetings.anAgendaItem(workerToken, { meetingId, title: '商铺夜间装修噪音', wishId });
    const invitations = [
      await meetings.invite(workerToken, { meetingId, organisationId: property, role: 'PROPERTY_COMPANY' }),
      await meetings.invite(workerToken, { meetingId, organisationId: owners, role: 'OWNERS_COMMITTEE' }),
      await meetings.invite(workerToken, { meetingId, residentId: complainant, role: 'RESIDENT_REP' }),
    ];
    const complainantToken = await meetings.residentToken(complainant);
    await meetings.must(`mutation($id: ID!) { replyToInvitation(participantId: $id, reply: ACCEPTED) { id } }`, { id: invitations[2] }, complainantToken);
    clock.advance(DAY);
    await meetings.must(`mutation($id: ID!) { openMeeting(id: $id) { status } }`, { id: meetingId }, workerToken);
    for (const participantId of invitations) await meetings.attend(workerToken, participantId);
    await meetings.must(
      `mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }`,
      {
        input: {
          agendaItemId: itemId,
          minutes: '物业确认商铺未按规定时间施工；业委会要求限时整改。',
          decision: '商铺每晚八点后停止施工，物业加强巡查并公示整改情况。',
          votes: { inFavour: 3, against: 0, abstaining: 0 },
        },
      },
      workerToken,
    );
    const assigned = await meetings.must<{ assignActionItem: { id: string } }>(
      `mutation($input: AssignActionItemInput!) { assignActionItem(input: $input) { id } }`,
      { input: { agendaItemId: itemId, description: '督促商铺整改并每日巡查', responsibleOrganisationId: property, deadline: inDays(7) } },
      workerToken,
    );
    await meetings.must(`mutation($id: ID!) { closeMeeting(id: $id) { status } }`, { id: meetingId }, workerToken);

    const overdueList = `query($id: ID!) { organisation(id: $id) { name actionItems(overdue: true) { totalCount edges { node { id description overdue meeting { title } } } } } }`;
    expect(await meetings.must(overdueList, { id: property }, workerToken)).toEqual({ organisation: { name: '金鹰物业新城服务中心', actionItems: { totalCount: 0, edges: [] } } });
    clock.advance(8 * DAY);
    expect(await meetings.must(overdueList, { id: property }, workerToken)).toEqual({
      organisation: {
        name: '金鹰物业新城服务中心',
        actionItems: {
          totalCount: 1,
          edges: [{ node: { id: assigned.assignActionItem.id, description: '督促商铺整改并每日巡查', overdue: true, meeting: { title: '3栋夜间噪音协调会' } } }],
        },
      },
    });

    const wishView = `query($id: ID!) { wish(id: $id) { title meetings(first: 2) { edges { node { title status agenda(first: 5) { totalCount edges { node { decision { adopted votes { inFavour } } actionItems(first: 5) { totalCount edges { node { description status } } } } } } participants(first: 5) { edges { node { role organisation { name } } } } } } } } }`;
    expect(await meetings.must(wishView, { id: wishId }, workerToken)).toEqual({
      wish: {
        title: '楼下商铺夜间装修噪音扰民',
        meetings: {
          edges: [
            {
              node: {
                title: '3栋夜间噪音协调会',
                status: 'CLOSED',
                agenda: {
                  totalCount: 1,
                  edges: [{ node: { decision: { adopted: true, votes: { inFavour: 3 } }, actionItems: { totalCount: 1, edges: [{ node: { description: '督促商铺整改并每日巡查', status: 'OPEN' } }] } } }],
                },
                participants: {
                  edges: [
                    { node: { role: 'PROPERTY_COMPANY', organisation: { name: '金鹰物业新城服务中心' } } },
                    { node: { role: 'OWNERS_COMMITTEE', organisation: { name: '新城花园业主委员会' } } },
                    { node: { role: 'RESIDENT_REP', organisation: null } },
                  ],
                },
              },
            },
          ],
        },
      },
    });
  });

  it('answers bad inputs with a clear error and writes nothing', async () => {
    const count = `query($c: ID!) { meetings(filter: { hostWithin: $c }) { totalCount } }`;
    const before = await meetings.must<{ meetings: { totalCount: number } }>(count, { c: world.communityId }, workerToken);
    const schedule = `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`;
    const input = { kind: 'HEARING', title: '加装电梯听证会', hostIds: [world.communityId], startsAt: inDays(3), place: '社区议事厅' };
    expect(await meetings.refused(schedule, { input: { ...input, startsAt: inDays(-1) } }, workerToken)).toEqual([summaryOf(meetingInThePast())]);
    expect(await meetings.refused(schedule, { input: { ...input, hostIds: [world.branchId.replace(/.$/, 'x')] } }, workerToken)).toEqual([
      summaryOf(notAnId('hostIds')),
    ]);
    expect(await meetings.refused(schedule, { input: { ...input, place: null, onlineUrl: null } }, workerToken)).toEqual([
      summaryOf(invalidInput(venueMissing())),
    ]);
    expect(await meetings.must(count, { c: world.communityId }, workerToken)).toEqual(before);
  });
});

describe('a micro-project vote', () => {
  it('prioritises the popular project and sends the two low-vote projects to an expert review meeting', async () => {
    await meetings.must(`mutation($c: ID!) { setMicroProjectVoteThreshold(communityId: $c, threshold: 3) }`, { c: world.communityId }, workerToken);
    const propose = async (title: string, estimatedCost: number) =>
      (
        await meetings.must<{ proposeMicroProject: { id: string } }>(
          `mutation($input: ProposeMicroProjectInput!) { proposeMicroProject(input: $input) { id } }`,
          { input: { communityId: world.communityId, title, description: `${title}，请居民投票。`, estimatedCost, votingOpensAt: inDays(0), votingClosesAt: inDays(10) } },
          workerToken,
        )
      ).proposeMicroProject.id;
    const lights = await propose('楼道声控灯更换', 1_200_000);
    const benches = await propose('小区增设休闲座椅', 800_000);
    const shelter = await propose('非机动车雨棚', 2_500_000);
    const voters = await Promise.all(['钱玉梅', '孙德明', '李春花'].map((name) => meetings.aResidentIn(gridId, name)));
    const vote = `mutation($id: ID!) { voteForMicroProject(microProjectId: $id) { votes } }`;
    for (const voter of voters) await meetings.must(vote, { id: lights }, await meetings.residentToken(voter));
    await meetings.must(vote, { id: benches }, await meetings.residentToken(voters[0]!));
    expect(await meetings.refused(vote, { id: benches }, await meetings.residentToken(voters[0]!))).toEqual([
      summaryOf(alreadyVoted()),
    ]);

    clock.advance(11 * DAY);
    const closed = await meetings.must(
      `mutation($input: CloseMicroProjectVotingInput!) {
        closeMicroProjectVoting(input: $input) {
          prioritised { id votes status }
          sentToReview { id votes status }
          reviewMeeting { kind level hosts { name } agenda { edges { node { position microProject { title } } } } }
        }
      }`,
      { input: { communityId: world.communityId, reviewStartsAt: inDays(3), reviewPlace: '新城社区议事厅' } },
      workerToken,
    );
    expect(closed).toEqual({
      closeMicroProjectVoting: {
        prioritised: [{ id: lights, votes: 3, status: 'PRIORITISED' }],
        sentToReview: [
          { id: benches, votes: 1, status: 'EXPERT_REVIEW' },
          { id: shelter, votes: 0, status: 'EXPERT_REVIEW' },
        ],
        reviewMeeting: {
          kind: 'EXPERT_REVIEW',
          level: 'COMMUNITY',
          hosts: [{ name: '新城社区党委' }],
          agenda: {
            edges: [{ node: { position: 1, microProject: { title: '小区增设休闲座椅' } } }, { node: { position: 2, microProject: { title: '非机动车雨棚' } } }],
          },
        },
      },
    });
    const ranking = `query($c: ID!) { organisation(id: $c) { microProjects { totalCount edges { node { title votes status } } } } }`;
    expect(await meetings.must(ranking, { c: world.communityId }, workerToken)).toEqual({
      organisation: {
        microProjects: {
          totalCount: 3,
          edges: [
            { node: { title: '楼道声控灯更换', votes: 3, status: 'PRIORITISED' } },
            { node: { title: '小区增设休闲座椅', votes: 1, status: 'EXPERT_REVIEW' } },
            { node: { title: '非机动车雨棚', votes: 0, status: 'EXPERT_REVIEW' } },
          ],
        },
      },
    });
    const myVotes = `query($after: String) { me { name microProjectVotes(first: 1, after: $after) { totalCount edges { node { title } } pageInfo { hasNextPage endCursor } } } }`;
    const voterToken = await meetings.residentToken(voters[0]!);
    const latestVote = await meetings.must<{ me: { microProjectVotes: { pageInfo: { endCursor: string } } } }>(myVotes, {}, voterToken);
    const { endCursor } = latestVote.me.microProjectVotes.pageInfo;
    expect(latestVote).toEqual({
      me: { name: '钱玉梅', microProjectVotes: { totalCount: 2, edges: [{ node: { title: '小区增设休闲座椅' } }], pageInfo: { hasNextPage: true, endCursor } } },
    });
    expect(await meetings.must(myVotes, { after: endCursor }, voterToken)).toEqual({
      me: { name: '钱玉梅', microProjectVotes: { totalCount: 2, edges: [{ node: { title: '楼道声控灯更换' } }], pageInfo: { hasNextPage: false, endCursor: expect.any(String) } } },
    });
  });
});
