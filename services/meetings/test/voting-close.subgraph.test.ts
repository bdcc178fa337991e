import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { inTransaction, ManualClock } from '@civic/service-kit';
import { createSubgraphTester, type SubgraphTester, dataOf, errorOf, RACE_TIMEOUT, repeatRace, resident, staff, expectError, summaryOf, FakeGraph, aTree } from '@civic/test-harness';
import { meetingsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import type { MeetingDocument } from '../src/models/meeting.ts';
import type { MicroProjectDocument } from '../src/models/micro-project.ts';
import { outcomeOfVote } from '../src/domain/micro-project-rules.ts';
import { reviewMeetingId } from '../src/persistence/review-meeting.ts';
import { closeVoting } from '../src/persistence/voting-close.ts';
import { CLOSE_VOTING, PROPOSE, VOTE } from './support/operations.ts';
import { reviewMeetingTaken, votingClosed } from '../src/errors.ts';

// The close of voting against votes arriving at once, and as one transaction.
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
      expect(refused).toEqual(Array.from({ length: 20 - accepted }, () => summaryOf(votingClosed())));
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
      expectError(await tester.execute(VOTE, { id: projectId }, resident(graph.resident(community))), votingClosed());
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

  it('decides on the count as it commits: a vote that lands while it runs makes it run again', async () => {
    const { community, projects, closeInput } = await aCommunity(2, ['快递柜增设']);
    await voteFor(projects[0]!, community, 1);
    const close = aClose(community, 2, closeInput.reviewStartsAt);
    let runs = 0;
    const result = await inTransaction(tester.models.MicroProject.db, async (session) => {
      runs++;
      // The transaction reads from its first read on; the second vote commits after that read.
      await tester.models.MicroProject.findById(projects[0]).session(session).lean();
      if (runs === 1) await voteFor(projects[0]!, community, 1);
      return closeVoting(tester.models, close, session);
    });
    expect(runs).toBe(2);
    expect({ prioritised: result.prioritised.map((moved) => [moved.title, moved.voteCount]), sentToReview: result.sentToReview, reviewMeeting: result.reviewMeeting }).toEqual({
      prioritised: [['快递柜增设', 2]],
      sentToReview: [],
      reviewMeeting: null,
    });
    expect(await tester.models.Meeting.countDocuments({ hostIds: community, kind: 'EXPERT_REVIEW' })).toBe(0);
  });
});

describe('a close as one transaction', () => {
  it('leaves nothing of itself when it fails part-way, and the next close does all of it', async () => {
    const { community, worker, projects, closeInput } = await aCommunity(3, ['楼道扶手', '休闲座椅', '雨棚']);
    await voteFor(projects[0]!, community, 3);
    await voteFor(projects[1]!, community, 1);
    // The close's writes, then a failure before it commits.
    const death = new Error('the process died');
    const failed = inTransaction(tester.models.MicroProject.db, async (session) => {
      await closeVoting(tester.models, aClose(community, 3, closeInput.reviewStartsAt), session);
      throw death;
    });
    await expect(failed).rejects.toBe(death);
    expect(await tester.models.Meeting.countDocuments({ hostIds: community, kind: 'EXPERT_REVIEW' })).toBe(0);
    expect((await Promise.all(projects.map(project))).map((stored) => [stored.status, stored.reviewMeetingId])).toEqual([
      ['PROPOSED', null],
      ['PROPOSED', null],
      ['PROPOSED', null],
    ]);
    expect(await reviewAgendas(community)).toEqual([]);

    const rerun = await tester.execute(CLOSE_VOTING, { input: closeInput }, worker);
    expect(dataOf(rerun)).toEqual({
      closeMicroProjectVoting: {
        prioritised: [{ title: '楼道扶手', status: 'PRIORITISED', votes: 3 }],
        sentToReview: [
          { title: '休闲座椅', status: 'EXPERT_REVIEW', votes: 1 },
          { title: '雨棚', status: 'EXPERT_REVIEW', votes: 0 },
        ],
        reviewMeeting: {
          kind: 'EXPERT_REVIEW',
          title: '微实事项目专家评审会',
          level: 'COMMUNITY',
          status: 'PLANNED',
          agenda: {
            totalCount: 2,
            edges: [
              { node: { position: 1, title: '休闲座椅', microProject: { title: '休闲座椅', status: 'EXPERT_REVIEW' } } },
              { node: { position: 2, title: '雨棚', microProject: { title: '雨棚', status: 'EXPERT_REVIEW' } } },
            ],
          },
        },
      },
    });
    expect((await project(projects[1]!)).reviewMeetingId).toEqual(reviewMeetingId(community, new Date(closeInput.reviewStartsAt)));

    // Once more: nothing left to close, nothing added twice.
    expect(dataOf(await tester.execute(CLOSE_VOTING, { input: closeInput }, worker))).toEqual({ closeMicroProjectVoting: { prioritised: [], sentToReview: [], reviewMeeting: null } });
    expect(await reviewAgendas(community)).toEqual([
      { position: 1, title: '休闲座椅' },
      { position: 2, title: '雨棚' },
    ]);
  });

  it('sends the projects of a later close to the review meeting already planned at that time, after its items', async () => {
    const { community, worker, closeInput } = await aCommunity(3, ['儿童滑梯翻新']);
    dataOf(await tester.execute(CLOSE_VOTING, { input: closeInput }, worker));
    const input = { communityId: community, title: '垃圾分类亭', description: '垃圾分类亭，请居民投票。', estimatedCost: 300_000, votingOpensAt: inDays(0).toISOString(), votingClosesAt: inDays(7).toISOString() };
    dataOf(await tester.execute(PROPOSE, { input }, worker));
    expect(dataOf(await tester.execute(CLOSE_VOTING, { input: closeInput }, worker))).toEqual({
      closeMicroProjectVoting: {
        prioritised: [],
        sentToReview: [{ title: '垃圾分类亭', status: 'EXPERT_REVIEW', votes: 0 }],
        reviewMeeting: expect.objectContaining({
          agenda: { totalCount: 2, edges: [{ node: expect.objectContaining({ position: 1, title: '儿童滑梯翻新' }) }, { node: expect.objectContaining({ position: 2, title: '垃圾分类亭' }) }] },
        }),
      },
    });
    expect(await tester.models.Meeting.countDocuments({ hostIds: community, kind: 'EXPERT_REVIEW' })).toBe(1);
  });

  it('refuses a review time whose meeting was already held or cancelled, before moving any project', async () => {
    const { community, worker, projects, closeInput } = await aCommunity(3, ['电动车充电桩']);
    const meetingId = reviewMeetingId(community, new Date(closeInput.reviewStartsAt));
    await tester.models.Meeting.create({ ...aReviewMeeting(meetingId, community, closeInput.reviewStartsAt), status: 'CANCELLED' });
    expectError(await tester.execute(CLOSE_VOTING, { input: closeInput }, worker), reviewMeetingTaken('CANCELLED'));
    expect((await project(projects[0]!)).status).toBe('PROPOSED');
  });
});

/** What the close of the community's voting works with, as the resolver gives it. */
function aClose(community: string, threshold: number, reviewStartsAt: string) {
  return { communityId: new Types.ObjectId(community), threshold, now: clock.now(), reviewMeeting: aReviewMeeting(reviewMeetingId(community, new Date(reviewStartsAt)), community, reviewStartsAt) };
}

/** The review meeting as the close writes it. */
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
