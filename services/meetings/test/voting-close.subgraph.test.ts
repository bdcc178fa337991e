import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { ManualClock } from '@civic/service-kit';
import { createSubgraphTester, type SubgraphTester, dataOf, errorOf, RACE_TIMEOUT, repeatRace, resident, staff } from '@civic/test-harness';
import { meetingsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import type { MeetingDocument } from '../src/models/meeting.ts';
import type { MicroProjectDocument } from '../src/models/micro-project.ts';
import { outcomeOfVote } from '../src/domain/micro-project-rules.ts';
import { planReviewMeeting, reviewMeetingId, withdrawUnusedReviewMeeting } from '../src/persistence/review-meeting.ts';
import { settleVoting } from '../src/persistence/votes.ts';
import { FakeGraph, aTree } from './support/fake-graph.ts';
import { CLOSE_VOTING, PROPOSE, VOTE } from './support/operations.ts';

// The close of voting against votes arriving at once, and against a crash part-way.
const DAY = 24 * 3600_000;
const clock = new ManualClock(new Date('2025-09-01T01:00:00.000Z'));
const graph = new FakeGraph();
const tree = aTree(graph);
let tester: SubgraphTester<Models>;

beforeAll(async () => {
  tester = await createSubgraphTester(meetingsSubgraph, { clock, graph });
});

afterAll(() => tester.close());

const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY);
const closed = `Voting on this micro-project has closed`;
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** A fresh community with its staff, a vote threshold, and projects open for voting. */
async function aCommunity(threshold: number, titles: string[]) {
  const community = graph.organisation('COMMUNITY_PARTY_COMMITTEE', tree.street);
  const worker = staff('COMMUNITY_WORKER', [community]);
  dataOf(await tester.execute(`mutation($c: ID!, $t: Int!) { setMicroProjectVoteThreshold(communityId: $c, threshold: $t) }`, { c: community, t: threshold }, worker));
  const projects: string[] = [];
  for (const title of titles) {
    const input = { communityId: community, title, description: `${title}，请居民投票。`, estimatedCost: 500_000, votingOpensAt: inDays(0).toISOString(), votingClosesAt: inDays(7).toISOString() };
    projects.push(dataOf<{ proposeMicroProject: { id: string } }>(await tester.execute(PROPOSE, { input }, worker)).proposeMicroProject.id);
  }
  const closeInput = { communityId: community, reviewStartsAt: inDays(14).toISOString(), reviewPlace: '社区议事厅' };
  return { community, worker, projects, closeInput };
}

async function voteFor(projectId: string, community: string, voters: number): Promise<void> {
  for (let n = 0; n < voters; n++) dataOf(await tester.execute(VOTE, { id: projectId }, resident(graph.resident(community))));
}

const project = async (id: string) => (await tester.models.MicroProject.findById(id).lean<MicroProjectDocument>())!;
/** The agenda of the community's expert review meetings, in order. */
async function reviewAgendas(community: string): Promise<{ position: number; title: string }[]> {
  const meetings = await tester.models.Meeting.find({ hostIds: community, kind: 'EXPERT_REVIEW' }, { _id: 1 }).lean();
  const items = await tester.models.AgendaItem.find({ meetingId: { $in: meetings.map((meeting) => meeting._id) } }).sort({ position: 1 }).lean();
  return items.map((item) => ({ position: item.position, title: item.title }));
}

describe('votes racing the close', () => {
  it('counts in the outcome every vote that was answered with success, and refuses the others clearly, round after round', async () => {
    await repeatRace(async () => {
      const { community, worker, projects, closeInput } = await aCommunity(12, ['社区图书角扩建']);
      const [projectId] = projects as [string];
      const voters = Array.from({ length: 20 }, () => resident(graph.resident(community)));
      // The votes go out 5 ms apart and the close among the first of them: it lands in their midst (measured: 2 to all 20 counted).
      const votes = voters.map((voter, index) => sleep(index * 5).then(() => tester.execute(VOTE, { id: projectId }, voter)));
      const close = sleep(10).then(() => tester.execute(CLOSE_VOTING, { input: closeInput }, worker));
      const [results, closing] = await Promise.all([Promise.all(votes), close]);

      const accepted = results.filter((result) => result.errors.length === 0).length;
      const refused = results.filter((result) => result.errors.length > 0).map(errorOf);
      expect(refused).toEqual(Array.from({ length: 20 - accepted }, () => ({ code: 'INVALID_TRANSITION', message: `MicroProject in state VOTING_NOT_OPEN cannot take a vote: ${closed}` })));
      const outcome = outcomeOfVote(accepted, 12);
      const decided = dataOf<{ closeMicroProjectVoting: { prioritised: unknown[]; sentToReview: unknown[] } }>(closing).closeMicroProjectVoting;
      const entry = [{ title: '社区图书角扩建', status: outcome, votes: accepted }];
      expect([decided.prioritised, decided.sentToReview]).toEqual(outcome === 'PRIORITISED' ? [entry, []] : [[], entry]);
      expect((await project(projectId)).voteCount).toBe(accepted);
      expect(await tester.models.MicroProjectVote.countDocuments({ microProjectId: projectId })).toBe(accepted);
      // A review meeting stays planned only when the project went to it.
      const planned = await tester.models.Meeting.countDocuments({ hostIds: community, kind: 'EXPERT_REVIEW', status: 'PLANNED' });
      expect(planned).toBe(outcome === 'EXPERT_REVIEW' ? 1 : 0);
      // A late vote after the close is refused, whoever sends it.
      expect(errorOf(await tester.execute(VOTE, { id: projectId }, resident(graph.resident(community))))).toEqual({
        code: 'INVALID_TRANSITION',
        message: `MicroProject in state VOTING_NOT_OPEN cannot take a vote: ${closed}`,
      });
    });
  }, RACE_TIMEOUT);

  it('counts every vote of 20 residents voting at once, round after round', async () => {
    await repeatRace(async () => {
      const { community, projects } = await aCommunity(10, ['楼顶防水修缮']);
      const results = await Promise.all(Array.from({ length: 20 }, () => tester.execute(VOTE, { id: projects[0] }, resident(graph.resident(community)))));
      expect(results.map((result) => result.errors)).toEqual(Array.from({ length: 20 }, () => []));
      expect((await project(projects[0]!)).voteCount).toBe(20);
      expect(await tester.models.MicroProjectVote.countDocuments({ microProjectId: projects[0] })).toBe(20);
    });
  }, RACE_TIMEOUT);

  it('moves a project by its count at the move, and withdraws the review meeting no project went to', async () => {
    const { community, projects, closeInput } = await aCommunity(2, ['快递柜增设']);
    await voteFor(projects[0]!, community, 1);
    // The close read one vote and planned a review; a second vote lands before it moves the project.
    const read = await project(projects[0]!);
    const meetingId = reviewMeetingId(community, new Date(closeInput.reviewStartsAt));
    await planReviewMeeting(tester.models, aReviewMeeting(meetingId, community, closeInput.reviewStartsAt));
    await voteFor(projects[0]!, community, 1);
    const moved = await settleVoting(tester.models, read, 2, meetingId);
    expect({ status: moved!.status, voteCount: moved!.voteCount, reviewMeetingId: moved!.reviewMeetingId }).toEqual({ status: 'PRIORITISED', voteCount: 2, reviewMeetingId: null });
    await withdrawUnusedReviewMeeting(tester.models, meetingId);
    expect((await tester.models.Meeting.findById(meetingId).lean())!.status).toBe('CANCELLED');
  });
});

describe('a close interrupted part-way', () => {
  it('is completed by the next close: the review meeting it wrote first is taken up, and no project misses its agenda item', async () => {
    const { community, worker, projects, closeInput } = await aCommunity(3, ['楼道扶手', '休闲座椅', '雨棚']);
    await voteFor(projects[0]!, community, 3);
    await voteFor(projects[1]!, community, 1);
    // The crash: the meeting written, one project moved to it, then nothing more.
    const meetingId = reviewMeetingId(community, new Date(closeInput.reviewStartsAt));
    await planReviewMeeting(tester.models, aReviewMeeting(meetingId, community, closeInput.reviewStartsAt));
    expect((await settleVoting(tester.models, await project(projects[1]!), 3, meetingId))!.status).toBe('EXPERT_REVIEW');

    const rerun = await tester.execute(CLOSE_VOTING, { input: closeInput }, worker);
    expect(dataOf(rerun)).toEqual({
      closeMicroProjectVoting: {
        prioritised: [{ title: '楼道扶手', status: 'PRIORITISED', votes: 3 }],
        sentToReview: [{ title: '雨棚', status: 'EXPERT_REVIEW', votes: 0 }],
        reviewMeeting: {
          kind: 'EXPERT_REVIEW',
          title: '微实事项目专家评审会',
          level: 'COMMUNITY',
          status: 'PLANNED',
          agenda: [
            { position: 1, title: '休闲座椅', microProject: { title: '休闲座椅', status: 'EXPERT_REVIEW' } },
            { position: 2, title: '雨棚', microProject: { title: '雨棚', status: 'EXPERT_REVIEW' } },
          ],
        },
      },
    });
    expect(await tester.models.Meeting.countDocuments({ hostIds: community, kind: 'EXPERT_REVIEW' })).toBe(1);
    expect((await project(projects[1]!)).reviewMeetingId).toEqual(meetingId);

    // Once more: nothing left to close, nothing added twice.
    expect(dataOf(await tester.execute(CLOSE_VOTING, { input: closeInput }, worker))).toEqual({ closeMicroProjectVoting: { prioritised: [], sentToReview: [], reviewMeeting: null } });
    expect(await reviewAgendas(community)).toEqual([
      { position: 1, title: '休闲座椅' },
      { position: 2, title: '雨棚' },
    ]);
  });

  it('adds the agenda item a crash left out when the meeting and the move were written', async () => {
    const { community, worker, projects, closeInput } = await aCommunity(3, ['儿童滑梯翻新']);
    const meetingId = reviewMeetingId(community, new Date(closeInput.reviewStartsAt));
    await planReviewMeeting(tester.models, aReviewMeeting(meetingId, community, closeInput.reviewStartsAt));
    await settleVoting(tester.models, await project(projects[0]!), 3, meetingId);
    expect(await reviewAgendas(community)).toEqual([]);

    const later = { ...closeInput, reviewStartsAt: inDays(21).toISOString() };
    expect(dataOf(await tester.execute(CLOSE_VOTING, { input: later }, worker))).toEqual({ closeMicroProjectVoting: { prioritised: [], sentToReview: [], reviewMeeting: null } });
    expect(await reviewAgendas(community)).toEqual([{ position: 1, title: '儿童滑梯翻新' }]);
    expect(await tester.models.Meeting.countDocuments({ hostIds: community, kind: 'EXPERT_REVIEW' })).toBe(1);
  });

  it('refuses a review time whose meeting was already held or cancelled, before moving any project', async () => {
    const { community, worker, projects, closeInput } = await aCommunity(3, ['电动车充电桩']);
    const meetingId = reviewMeetingId(community, new Date(closeInput.reviewStartsAt));
    await tester.models.Meeting.create({ ...aReviewMeeting(meetingId, community, closeInput.reviewStartsAt), status: 'CANCELLED' });
    expect(errorOf(await tester.execute(CLOSE_VOTING, { input: closeInput }, worker))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'reviewStartsAt',
      message: 'reviewStartsAt: the expert review meeting at this time is cancelled; choose another time',
    });
    expect((await project(projects[0]!)).status).toBe('PROPOSED');
  });
});

/** The review meeting as the close writes it, for tests that stop the close part-way. */
function aReviewMeeting(id: Types.ObjectId, community: string, startsAt: string): MeetingDocument {
  const path = [tree.district, tree.street, community].map((hex) => new Types.ObjectId(hex));
  return {
    _id: id,
    kind: 'EXPERT_REVIEW',
    title: '微实事项目专家评审会',
    hostIds: [new Types.ObjectId(community)],
    hostPaths: path,
    level: 'COMMUNITY',
    startsAt: new Date(startsAt),
    place: '社区议事厅',
    onlineUrl: null,
    status: 'PLANNED',
    openedAt: null,
    closedAt: null,
    createdAt: clock.now(),
    createdBy: 'staff:community_worker',
  };
}
