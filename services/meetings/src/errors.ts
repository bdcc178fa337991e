import { badUserInput, conflict, forbidden, invalidTransition, notFound } from '@civic/service-kit';
import type { QuorumState } from './domain/quorum.ts';
import type { MeetingStatus } from './domain/vocabulary.ts';
import { COMMUNITY_KIND, MAX_HOSTS } from './domain/meeting-rules.ts';

/** Error factories of this service beyond the kit's; resolvers, domain and tests share them. */

// Refusals: who may not do what.

/** A resident's invitations, attendance and votes are personal: the resident, covering staff, services. */
export function readAnotherResidentsInvitations() {
  return forbidden("read another resident's invitations");
}

export function readAnotherResidentsAttendance() {
  return forbidden("read another resident's attendance");
}

export function readAnotherResidentsVotes() {
  return forbidden("read another resident's votes");
}

/** Aggregates are for analysts, services and staff whose scope covers the organisation. */
export function readAggregateOutOfScope() {
  return forbidden('read the aggregates of this organisation');
}

export function unknownAggregateOrganisation(id: string) {
  return notFound('Organisation', id);
}

/** Only DISTRICT_ADMIN and SERVICE run the action item sweep. */
export function runActionItemSweep() {
  return forbidden('run the action item sweep');
}

/** A subtree's action item sweep: staff whose scope covers it, and services. */
export function runActionItemSweepOutOfScope() {
  return forbidden('run the action item sweep for this organisation');
}

export function scheduleMeetingElsewhere() {
  return forbidden('schedule a meeting for this organisation');
}

/** Opening, closing or cancelling a meeting the caller does not run. */
export function stepMeetingOutOfScope(step: 'open' | 'close' | 'cancel') {
  return forbidden(`${step} this meeting`);
}

export function changeAgendaOutOfScope() {
  return forbidden("change this meeting's agenda");
}

export function recordDecisionOutOfScope() {
  return forbidden('record decisions of this meeting');
}

export function inviteOutOfScope() {
  return forbidden('invite to this meeting');
}

export function takeAttendanceOutOfScope() {
  return forbidden('take attendance of this meeting');
}

/** A resident answers their own invitation; hosts' staff record an organisation's answer. */
export function replyForAnother() {
  return forbidden('reply to this invitation');
}

export function assignActionItemOutOfScope() {
  return forbidden('assign action items of this meeting');
}

/** Progress is reported by staff covering the responsible organisation or a host of the meeting. */
export function reportProgressOutOfScope() {
  return forbidden('report progress on this action item');
}

export function proposeMicroProjectOutOfScope() {
  return forbidden('propose micro-projects for this community');
}

export function setVoteThresholdOutOfScope() {
  return forbidden("set this community's vote threshold");
}

export function closeVotingOutOfScope() {
  return forbidden("close this community's micro-project voting");
}

export function stepMicroProjectOutOfScope(step: 'start' | 'complete') {
  return forbidden(`${step} this micro-project`);
}

/** Only a resident votes, for themself. */
export function voteWithoutResidency() {
  return forbidden('vote for a micro-project');
}

/** A resident votes only on the micro-projects of their own community. */
export function voteInAnotherCommunity() {
  return forbidden("vote on another community's micro-project");
}

// Transitions the state does not allow.

/** A decision before the quorum is met: INVALID_TRANSITION, with the rule and the count. */
export function quorumNotMet(quorum: QuorumState) {
  return invalidTransition('Meeting', 'QUORUM_NOT_MET', `record a decision: ${quorum.rule}, ${quorum.present} of ${quorum.required} present`);
}

function votingNotOpen(reason: string) {
  return invalidTransition('MicroProject', 'VOTING_NOT_OPEN', `take a vote: ${reason}`);
}

export function votingNotYetOpen() {
  return votingNotOpen('Voting on this micro-project has not opened yet');
}

export function votingClosed() {
  return votingNotOpen('Voting on this micro-project has closed');
}

// Conflicts: the request collides with what is stored.

export function alreadyVoted() {
  return conflict('You have already voted for this micro-project');
}

export function alreadyInvited() {
  return conflict('This invitee is already invited to this meeting');
}

export function invitationGone() {
  return conflict('This invitation no longer exists');
}

/** The wish or micro-project an agenda item would discuss is on the agenda already. */
export function alreadyOnAgenda(matter: 'wish' | 'micro-project') {
  return conflict(`This ${matter} is already on this meeting's agenda`);
}

export function alreadyDecided() {
  return conflict('This agenda item already has a decision');
}

// Input: what is wrong with a field the client sent.

export function hostCountOutOfRange() {
  return badUserInput('hostIds', `must list 1 to ${MAX_HOSTS} organisations`);
}

/** A host id the organisations department does not know. */
export function unknownHost(id: string) {
  return badUserInput('hostIds', `no organisation has the id ${id}`);
}

export function hostsOutsideDistrict() {
  return badUserInput('hostIds', 'must be organisations within a district');
}

export function meetingInThePast() {
  return badUserInput('startsAt', 'must be in the future');
}

export function notACommunity(field: string) {
  return badUserInput(field, `must be a community (${COMMUNITY_KIND})`);
}

export function communityOutsideDistrict() {
  return badUserInput('communityId', 'must be a community within a district');
}

export function reviewInThePast() {
  return badUserInput('reviewStartsAt', 'must be in the future');
}

/** The expert review meeting planned at the chosen time was held or cancelled already. */
export function reviewMeetingTaken(status: MeetingStatus) {
  return badUserInput('reviewStartsAt', `the expert review meeting at this time is ${status.toLowerCase()}; choose another time`);
}

export function twoMatters() {
  return badUserInput('microProjectId', 'must be omitted when a wishId is given: one matter per item');
}

export function wishOutOfReach() {
  return badUserInput('wishId', 'must be a wish of a host, of an organisation under one, or of one above one');
}

export function microProjectOutOfReach() {
  return badUserInput('microProjectId', 'must be a micro-project of a host, of an organisation under one, or of one above one');
}

/** An outcome was given for an item that reviews no micro-project under expert review. */
export function outcomeWithoutReview() {
  return badUserInput('microProjectOutcome', 'must be omitted: this item reviews no micro-project under expert review');
}

export function outcomeRequired() {
  return badUserInput('microProjectOutcome', 'is required: this item reviews a micro-project');
}

export function inviteeNotExactlyOne() {
  return badUserInput('residentId', 'give exactly one of residentId and organisationId');
}

/** PENDING is where an invitation starts, not an answer. */
export function replyNotAnAnswer() {
  return badUserInput('reply', 'must be ACCEPTED or DECLINED');
}

export function progressStatusInvalid() {
  return badUserInput('status', 'must be IN_PROGRESS or DONE');
}

/** A resident's data export is theirs alone: not another resident's, nor staff's or a service's. */
export function exportAnotherResidentsData() {
  return forbidden("export another resident's data");
}
