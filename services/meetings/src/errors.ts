import { conflict, forbidden, invalidTransition } from '@civic/service-kit';
import type { QuorumState } from './domain/quorum.ts';

/** Error factories of this service beyond the kit's; resolvers, domain and tests share them. */

/** A decision before the quorum is met: INVALID_TRANSITION, with the rule and the count. */
export function quorumNotMet(quorum: QuorumState) {
  return invalidTransition('Meeting', 'QUORUM_NOT_MET', `record a decision: ${quorum.rule}, ${quorum.present} of ${quorum.required} present`);
}

/** A vote outside the window: INVALID_TRANSITION, with why. */
export function votingNotOpen(reason: string) {
  return invalidTransition('MicroProject', 'VOTING_NOT_OPEN', `take a vote: ${reason}`);
}

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

/** A resident votes only on the micro-projects of their own community. */
export function voteInAnotherCommunity() {
  return forbidden("vote on another community's micro-project");
}
