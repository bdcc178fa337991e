import type { InputViolation } from '@civic/service-kit';
/** Rules of a decision: its vote counts and whether it carried. */

export interface VoteCount {
  inFavour: number;
  against: number;
  abstaining: number;
}

export function voteCountNotWhole(key: keyof VoteCount): InputViolation {
  return { field: `votes.${key}`, message: 'must be a whole number, 0 or more' };
}

/** Votes were given but all three counts are 0. */
export function noVoteCounted(): InputViolation {
  return { field: 'votes', message: 'count no vote; omit votes when the matter was settled without one' };
}

export function moreVotesThanAttendees(total: number, attendees: number): InputViolation {
  return { field: 'votes', message: `count ${total} votes but only ${attendees} attendees are present` };
}

/** Why the counts cannot be true of a meeting with `attendees` present (field and message), or null. */
export function voteCountError(votes: VoteCount, attendees: number): InputViolation | null {
  for (const key of ['inFavour', 'against', 'abstaining'] as const) {
    if (!Number.isInteger(votes[key]) || votes[key] < 0) return voteCountNotWhole(key);
  }
  const total = votes.inFavour + votes.against + votes.abstaining;
  if (total === 0) return noVoteCounted();
  if (total > attendees) return moreVotesThanAttendees(total, attendees);
  return null;
}

/** Carried by more votes in favour than half of those cast; a matter settled without a vote is carried. */
export function isAdopted(votes: VoteCount | null): boolean {
  if (votes === null) return true;
  return votes.inFavour * 2 > votes.inFavour + votes.against + votes.abstaining;
}
