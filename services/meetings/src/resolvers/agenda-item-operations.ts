import type { Types } from 'mongoose';
import { inTransaction, parseId, recordRequestEvents, requireSignedIn, requireText, returnUpdated, hexIds, loadForInput, loadTarget, signedInSubject, unknownId, invalidInput } from '@civic/service-kit';
import type { AddAgendaItemInput, MutationResolvers, RecordDecisionInput } from '../generated/resolvers-types.ts';
import { AGENDA_ITEM_FIELDS, type AgendaItemDocument, type DecisionDocument } from '../models/agenda-item.ts';
import type { MicroProjectDocument } from '../models/micro-project.ts';
import type { MeetingDocument } from '../models/meeting.ts';
import { acceptsDecisions, acceptsPreparation, isWithinReach } from '../domain/meeting-rules.ts';
import { isAdopted, voteCountError } from '../domain/decision-rules.ts';
import { MICRO_PROJECT_STEPS } from '../domain/micro-project-rules.ts';
import { MAX_MINUTES_LENGTH, MAX_NOTE_LENGTH, MAX_TITLE_LENGTH } from '../domain/text-limits.ts';
import { fetchWish } from '../graph/wishes.ts';
import { appendAgendaItem, type AgendaItemContent } from '../persistence/agenda.ts';
import { alreadyDecided, alreadyOnAgenda, changeAgendaOutOfScope, microProjectOutOfReach, outcomeRequired, outcomeWithoutReview, quorumNotMet, recordDecisionOutOfScope, twoMatters, wishOutOfReach } from '../errors.ts';
import type { Context } from '../context.ts';
import { meetingToRun, parentMeetingToRun, quorumOf, requireMeetingStatus } from './meeting-access.ts';

export const agendaItemMutations: MutationResolvers = {
  addAgendaItem: async (_parent, { input }, context) => {
    const meeting = await meetingToRun(context, input.meetingId, changeAgendaOutOfScope);
    requireMeetingStatus(meeting, acceptsPreparation, 'take agenda items');
    const content = await agendaItemContent(context, meeting, input);
    const added = await appendAgendaItem(context.models, meeting._id, content, context.clock.now());
    if (!added) throw alreadyOnAgenda(content.wishId ? 'wish' : 'micro-project');
    return added;
  },

  recordDecision: async (_parent, { input }, context) => {
    requireSignedIn(context.viewer);
    const item = await loadTarget(context.loaders.agendaItem, input.agendaItemId, 'AgendaItem');
    const meeting = await parentMeetingToRun(context, item.meetingId, recordDecisionOutOfScope);
    requireMeetingStatus(meeting, acceptsDecisions, 'record a decision');
    if (item.decision) throw alreadyDecided();
    const project = await reviewedProject(context, item, input);
    const participants = await context.loaders.participantsOfMeeting.load(meeting._id.toHexString());
    const quorum = quorumOf(meeting, participants);
    if (!quorum.met) throw quorumNotMet(quorum);
    const decision = decisionFrom(input, participants.filter((participant) => participant.attended).length, context);
    const minutes = requireText('minutes', input.minutes, { max: MAX_MINUTES_LENGTH });

    // Once only: the filter holds "no decision yet", so two clerks cannot both record one. The
    // project's outcome and decision.recorded move with the decision, in one transaction.
    return inTransaction(context.models.AgendaItem.db, async (session) => {
      const recorded = await context.models.AgendaItem.findOneAndUpdate(
        { _id: item._id, decision: null },
        { $set: { decision, minutes } },
        { ...returnUpdated(AGENDA_ITEM_FIELDS), session },
      ).lean<AgendaItemDocument>();
      if (!recorded) throw alreadyDecided();
      if (project && decision.microProjectOutcome) {
        await context.models.MicroProject.updateOne({ _id: project._id, status: { $in: MICRO_PROJECT_STEPS.review.from } }, { $set: { status: decision.microProjectOutcome } }, { session });
      }
      const facts = {
        meetingId: meeting._id.toHexString(),
        agendaItemId: recorded._id.toHexString(),
        organisationId: meeting.hostIds[0]!.toHexString(),
        adopted: decision.adopted,
        wishId: recorded.wishId?.toHexString() ?? null,
        microProjectId: recorded.microProjectId?.toHexString() ?? null,
      };
      await recordRequestEvents(context.models.Outbox, session, [{ kind: 'decision.recorded', facts }], decision.recordedAt);
      return recorded;
    });
  },
};

/** The item's title and matter; a wish or project must exist and concern the hosts' part of the tree. */
async function agendaItemContent(context: Context, meeting: MeetingDocument, input: AddAgendaItemInput): Promise<AgendaItemContent> {
  const title = requireText('title', input.title, { max: MAX_TITLE_LENGTH });
  if (input.wishId && input.microProjectId) throw twoMatters();
  const inReach = (path: readonly string[]) => isWithinReach(path, hexIds(meeting.hostIds), hexIds(meeting.hostPaths));
  let wishId: Types.ObjectId | null = null;
  if (input.wishId) {
    wishId = parseId('wishId', input.wishId);
    // The wishes department answers whether the wish exists and where; this service keeps only its id.
    const wish = await fetchWish(context.graph, input.wishId);
    if (!wish) throw unknownId('wishId', 'wish');
    if (!inReach(wish.organisationPath)) throw wishOutOfReach();
  }
  const project = input.microProjectId ? await loadForInput(context.loaders.microProject, 'microProjectId', input.microProjectId, 'micro-project') : null;
  if (project && !inReach(hexIds(project.communityPath))) throw microProjectOutOfReach();
  return { title, wishId, microProjectId: project?._id ?? null };
}

/** The micro-project an item reviews, when it reviews one still under review; checks the outcome is given exactly then. */
async function reviewedProject(context: Context, item: AgendaItemDocument, input: RecordDecisionInput): Promise<MicroProjectDocument | null> {
  const project = item.microProjectId ? await context.loaders.microProject.load(item.microProjectId.toHexString()) : null;
  const underReview = project !== null && (MICRO_PROJECT_STEPS.review.from as readonly string[]).includes(project.status);
  if (!underReview) {
    if (input.microProjectOutcome) throw outcomeWithoutReview();
    return null;
  }
  if (!input.microProjectOutcome) throw outcomeRequired();
  return project;
}

function decisionFrom(input: RecordDecisionInput, attendees: number, context: Context): DecisionDocument {
  const text = requireText('decision', input.decision, { max: MAX_NOTE_LENGTH });
  const votes = input.votes ?? null;
  if (votes) {
    const error = voteCountError(votes, attendees);
    if (error) throw invalidInput(error);
  }
  return {
    text,
    votes: votes && { inFavour: votes.inFavour, against: votes.against, abstaining: votes.abstaining },
    adopted: isAdopted(votes),
    microProjectOutcome: input.microProjectOutcome ?? null,
    recordedAt: context.clock.now(),
    recordedBy: signedInSubject(context.viewer),
  };
}
