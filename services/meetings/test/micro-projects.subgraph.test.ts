import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, invalidTransition, emptyText, invalidInput } from '@civic/service-kit';
import { createSubgraphTester, type ErrorWithExtensions, type SubgraphTester, dataOf, errorOf, RACE_TIMEOUT, repeatRace, resident, staff, expectError, summaryOf, FakeGraph, aTree } from '@civic/test-harness';
import { meetingsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { ATTEND, CLOSE_VOTING, DECIDE, INVITE, OPEN, PROPOSE, VOTE } from './support/operations.ts';
import { alreadyVoted, closeVotingOutOfScope, notACommunity, outcomeRequired, quorumNotMet, reviewInThePast, voteInAnotherCommunity, voteWithoutResidency, votingClosed, votingNotYetOpen } from '../src/errors.ts';
import { costOutOfRange, votingClosesInThePast } from '../src/domain/micro-project-rules.ts';

const DAY = 24 * 3600_000;
const clock = new ManualClock(new Date('2025-04-01T01:00:00.000Z'));
const graph = new FakeGraph();
const tree = aTree(graph);
const worker = staff('COMMUNITY_WORKER', [tree.community]);
let tester: SubgraphTester<Models>;

beforeAll(async () => {
  tester = await createSubgraphTester(meetingsSubgraph, { clock, graph });
});

afterAll(() => tester.close());

const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();
const projectInput = (overrides: Record<string, unknown> = {}) => ({
  communityId: tree.community,
  title: '加装电梯扶手',
  description: '老旧小区楼道加装扶手，方便老人上下楼。',
  estimatedCost: 3_500_000,
  votingOpensAt: inDays(0),
  votingClosesAt: inDays(7),
  ...overrides,
});

async function propose(overrides: Record<string, unknown> = {}): Promise<string> {
  return dataOf<{ proposeMicroProject: { id: string } }>(await tester.execute(PROPOSE, { input: projectInput(overrides) }, worker)).proposeMicroProject.id;
}

describe('proposing', () => {
  it('refuses bad input naming the field, and writes nothing', async () => {
    const cases: [Record<string, unknown>, ErrorWithExtensions][] = [
      [{ title: '' }, emptyText('title')],
      [{ estimatedCost: -100 }, invalidInput(costOutOfRange('estimatedCost'))],
      [{ votingClosesAt: inDays(-1) }, invalidInput(votingClosesInThePast())],
      [{ communityId: tree.street }, notACommunity('communityId')],
    ];
    for (const [overrides, expected] of cases) {
      expectError(await tester.execute(PROPOSE, { input: projectInput(overrides) }, staff('STREET_ADMIN', [tree.street])), expected);
    }
    expect(await tester.models.MicroProject.countDocuments()).toBe(0);
  });
});

describe('voting', () => {
  it('counts one vote when one resident votes 20 times at once, round after round', async () => {
    await repeatRace(async () => {
      // A community of its own each round, so the rounds' projects stay out of the other tests' counts.
      const community = graph.organisation('COMMUNITY_PARTY_COMMITTEE', tree.street);
      const input = projectInput({ communityId: community, title: '小区路灯更换' });
      const projectId = dataOf<{ proposeMicroProject: { id: string } }>(await tester.execute(PROPOSE, { input }, staff('COMMUNITY_WORKER', [community]))).proposeMicroProject.id;
      const voter = resident(graph.resident(community));
      const results = await Promise.all(Array.from({ length: 20 }, () => tester.execute(VOTE, { id: projectId }, voter)));
      const refusals = results.filter((result) => result.errors.length > 0).map(errorOf);
      expect(refusals).toEqual(Array.from({ length: 19 }, () => summaryOf(alreadyVoted())));
      expect(await tester.models.MicroProjectVote.countDocuments({ microProjectId: projectId })).toBe(1);
      expect(dataOf(await tester.execute(`query($id: ID!) { microProject(id: $id) { votes viewerVoted } }`, { id: projectId }, voter))).toEqual({
        microProject: { votes: 1, viewerVoted: true },
      });
    });
  }, RACE_TIMEOUT);

  it("lets only the community's residents vote, and only in the window", async () => {
    const projectId = await propose({ title: '健身器材维修', votingOpensAt: inDays(1), votingClosesAt: inDays(3) });
    const neighbour = resident(graph.resident(tree.community));
    expectError(await tester.execute(VOTE, { id: projectId }, neighbour), votingNotYetOpen());
    clock.advance(1 * DAY);
    expectError(await tester.execute(VOTE, { id: projectId }, resident(graph.resident(tree.otherCommunity))), voteInAnotherCommunity());
    expectError(await tester.execute(VOTE, { id: projectId }, worker), voteWithoutResidency());
    expect(dataOf(await tester.execute(VOTE, { id: projectId }, neighbour))).toEqual({ voteForMicroProject: { id: projectId, votes: 1, viewerVoted: true } });
    clock.advance(2 * DAY);
    expectError(await tester.execute(VOTE, { id: projectId }, resident(graph.resident(tree.community))), votingClosed());
    expect(await tester.models.MicroProjectVote.countDocuments({ microProjectId: projectId })).toBe(1);
  });
});

describe('closing the window', () => {
  it('prioritises projects at the threshold and sends the rest to one expert review, which approves or rejects them', async () => {
    const community = graph.organisation('COMMUNITY_PARTY_COMMITTEE', tree.street);
    const communityWorker = staff('COMMUNITY_WORKER', [community]);
    dataOf(await tester.execute(`mutation($c: ID!) { setMicroProjectVoteThreshold(communityId: $c, threshold: 3) }`, { c: community }, communityWorker));
    const create = async (title: string, votes: number) => {
      const input = projectInput({ communityId: community, title });
      const id = dataOf<{ proposeMicroProject: { id: string } }>(await tester.execute(PROPOSE, { input }, communityWorker)).proposeMicroProject.id;
      for (let n = 0; n < votes; n++) dataOf(await tester.execute(VOTE, { id }, resident(graph.resident(community))));
      return id;
    };
    await create('楼道照明改造', 4);
    const bench = await create('增设休闲座椅', 1);
    await create('垃圾分类亭', 0);
    clock.advance(7 * DAY);

    const result = await tester.execute(CLOSE_VOTING, { input: { communityId: community, reviewStartsAt: inDays(5), reviewPlace: '社区议事厅' } }, communityWorker);
    expect(dataOf(result)).toEqual({
      closeMicroProjectVoting: {
        prioritised: [{ title: '楼道照明改造', status: 'PRIORITISED', votes: 4 }],
        sentToReview: [
          { title: '增设休闲座椅', status: 'EXPERT_REVIEW', votes: 1 },
          { title: '垃圾分类亭', status: 'EXPERT_REVIEW', votes: 0 },
        ],
        reviewMeeting: {
          kind: 'EXPERT_REVIEW',
          title: '微实事项目专家评审会',
          level: 'COMMUNITY',
          status: 'PLANNED',
          agenda: {
            totalCount: 2,
            edges: [
              { node: { position: 1, title: '增设休闲座椅', microProject: { title: '增设休闲座椅', status: 'EXPERT_REVIEW' } } },
              { node: { position: 2, title: '垃圾分类亭', microProject: { title: '垃圾分类亭', status: 'EXPERT_REVIEW' } } },
            ],
          },
        },
      },
    });
    expectError(await tester.execute(VOTE, { id: bench }, resident(graph.resident(community))), votingClosed());

    // The review decides once three reviewers attend.
    const meeting = await tester.models.Meeting.findOne({ hostIds: community, kind: 'EXPERT_REVIEW' }).lean();
    const meetingId = meeting!._id.toHexString();
    const benchItem = (await tester.models.AgendaItem.findOne({ meetingId, microProjectId: bench }).lean())!._id.toHexString();
    dataOf(await tester.execute(OPEN, { id: meetingId }, communityWorker));
    const decide = { agendaItemId: benchItem, minutes: '专家认为座椅选址合理，造价偏高。', decision: '同意实施，压缩造价。', microProjectOutcome: 'APPROVED' };
    for (const role of ['EXPERT', 'NPC_DEPUTY']) {
      const invited = await tester.execute(INVITE, { input: { meetingId, residentId: graph.resident(community), role } }, communityWorker);
      dataOf(await tester.execute(ATTEND, { id: dataOf<{ inviteParticipant: { id: string } }>(invited).inviteParticipant.id }, communityWorker));
    }
    expectError(await tester.execute(DECIDE, { input: decide }, communityWorker), quorumNotMet({ met: false, rule: 'at least 3 of EXPERT/NPC_DEPUTY/CPPCC_MEMBER/DEPARTMENT_HEAD attend', present: 2, required: 3 }));
    const third = await tester.execute(INVITE, { input: { meetingId, residentId: graph.resident(community), role: 'CPPCC_MEMBER' } }, communityWorker);
    dataOf(await tester.execute(ATTEND, { id: dataOf<{ inviteParticipant: { id: string } }>(third).inviteParticipant.id }, communityWorker));
    expectError(await tester.execute(DECIDE, { input: { ...decide, microProjectOutcome: null } }, communityWorker), outcomeRequired());
    // The answer shows the project as the decision left it, though the checks read it under review.
    const decideShowingProject = `mutation($input: RecordDecisionInput!) {
      recordDecision(input: $input) { id minutes decision { text adopted votes { inFavour } microProjectOutcome } microProject { id status } }
    }`;
    expect(dataOf(await tester.execute(decideShowingProject, { input: decide }, communityWorker))).toEqual({
      recordDecision: {
        id: benchItem,
        minutes: decide.minutes,
        decision: { text: decide.decision, adopted: true, votes: null, microProjectOutcome: 'APPROVED' },
        microProject: { id: bench, status: 'APPROVED' },
      },
    });

    const lifecycle = `mutation($id: ID!) { startMicroProject(id: $id) { status } }`;
    expect(dataOf(await tester.execute(lifecycle, { id: bench }, communityWorker))).toEqual({ startMicroProject: { status: 'IN_PROGRESS' } });
    const complete = `mutation($id: ID!, $cost: Int!) { completeMicroProject(id: $id, actualCost: $cost) { status actualCost reviewMeeting { id } } }`;
    expectError(await tester.execute(complete, { id: bench, cost: -1 }, communityWorker), invalidInput(costOutOfRange('actualCost')));
    expect(dataOf(await tester.execute(complete, { id: bench, cost: 2_800_000 }, communityWorker))).toEqual({
      completeMicroProject: { status: 'DONE', actualCost: 2_800_000, reviewMeeting: { id: meetingId } },
    });
    expectError(await tester.execute(lifecycle, { id: bench }, communityWorker), invalidTransition('MicroProject', 'DONE', 'start'));

    const ranking = `query($r: [_Any!]!) {
      _entities(representations: $r) {
        ... on Organisation {
          microProjects { totalCount edges { node { title status votes } } }
          top: microProjects(first: 1) { edges { cursor node { title } } pageInfo { hasNextPage } }
          microProjectVoteThreshold
        }
      }
    }`;
    const whole = dataOf<{ _entities: [{ top: { edges: [{ cursor: string }] } }] }>(await tester.execute(ranking, { r: [{ __typename: 'Organisation', id: community }] }, worker));
    expect(whole).toEqual({
      _entities: [
        {
          microProjects: {
            totalCount: 3,
            edges: [
              { node: { title: '楼道照明改造', status: 'PRIORITISED', votes: 4 } },
              { node: { title: '增设休闲座椅', status: 'DONE', votes: 1 } },
              { node: { title: '垃圾分类亭', status: 'EXPERT_REVIEW', votes: 0 } },
            ],
          },
          top: { edges: [{ cursor: whole._entities[0].top.edges[0].cursor, node: { title: '楼道照明改造' } }], pageInfo: { hasNextPage: true } },
          microProjectVoteThreshold: 3,
        },
      ],
    });
    // The next page after the top project, by its cursor: fewer votes follow.
    const rest = `query($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on Organisation { microProjects(first: 5, after: $after) { edges { node { title } } pageInfo { hasNextPage } } } } }`;
    expect(dataOf(await tester.execute(rest, { r: [{ __typename: 'Organisation', id: community }], after: whole._entities[0].top.edges[0].cursor }, worker))).toEqual({
      _entities: [{ microProjects: { edges: [{ node: { title: '增设休闲座椅' } }, { node: { title: '垃圾分类亭' } }], pageInfo: { hasNextPage: false } } }],
    });
  });

  it('lets only staff over the community close it, and checks the review input first', async () => {
    const input = { communityId: tree.community, reviewStartsAt: inDays(5), reviewPlace: '社区议事厅' };
    expectError(await tester.execute(CLOSE_VOTING, { input }, staff('COMMUNITY_WORKER', [tree.otherCommunity])), closeVotingOutOfScope());
    expectError(await tester.execute(CLOSE_VOTING, { input: { ...input, reviewStartsAt: inDays(-1) } }, worker), reviewInThePast());
    expect(await tester.models.MicroProject.countDocuments({ communityId: tree.community, status: 'PROPOSED' })).toBe(1);
  });
});
