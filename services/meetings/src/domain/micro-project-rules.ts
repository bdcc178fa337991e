import type { InputViolation } from '@civic/service-kit';
import type { MicroProjectStatus } from './vocabulary.ts';

/** Rules of micro-projects (微实事): cost, voting window, threshold, and the life of a project. */

const DAY = 24 * 3600_000;
export const MAX_VOTING_DAYS = 90;
// 10 million yuan, in fen: a micro-project is small by definition.
export const MAX_COST_FEN = 1_000_000_000;
export const DEFAULT_VOTE_THRESHOLD = 10;
export const MAX_VOTE_THRESHOLD = 100_000;
/** The title of the expert review meeting a close of voting sends low-vote projects to. */
export const REVIEW_MEETING_TITLE = '微实事项目专家评审会';

export interface VotingWindow {
  votingOpensAt: Date;
  votingClosesAt: Date;
}

export function votingClosesInThePast(): InputViolation {
  return { field: 'votingClosesAt', message: 'must be in the future' };
}

export function votingClosesBeforeOpening(): InputViolation {
  return { field: 'votingClosesAt', message: 'must be after votingOpensAt' };
}

export function votingWindowTooLong(): InputViolation {
  return { field: 'votingClosesAt', message: `must be at most ${MAX_VOTING_DAYS} days after votingOpensAt` };
}

/** Why a window cannot be published at `now` (field and message), or null. */
export function votingWindowError(window: VotingWindow, now: Date): InputViolation | null {
  if (window.votingClosesAt.getTime() <= now.getTime()) return votingClosesInThePast();
  if (window.votingClosesAt.getTime() <= window.votingOpensAt.getTime()) return votingClosesBeforeOpening();
  if (window.votingClosesAt.getTime() - window.votingOpensAt.getTime() > MAX_VOTING_DAYS * DAY) return votingWindowTooLong();
  return null;
}

/** Residents vote while the project is proposed and now lies in [opensAt, closesAt). */
export function isVotingOpen(project: VotingWindow & { status: MicroProjectStatus }, now: Date): boolean {
  return project.status === 'PROPOSED' && now.getTime() >= project.votingOpensAt.getTime() && now.getTime() < project.votingClosesAt.getTime();
}

/** Why a resident may not vote now (voting has not opened yet, or has closed), or null. */
export function voteRefusal(project: VotingWindow & { status: MicroProjectStatus }, now: Date): 'NOT_YET_OPEN' | 'CLOSED' | null {
  if (project.status !== 'PROPOSED') return 'CLOSED';
  if (now.getTime() < project.votingOpensAt.getTime()) return 'NOT_YET_OPEN';
  if (now.getTime() >= project.votingClosesAt.getTime()) return 'CLOSED';
  return null;
}

/** A proposed project's window may be closed once voting has opened (early, by staff, or at/after closesAt). */
export function canCloseVoting(project: VotingWindow & { status: MicroProjectStatus }, now: Date): boolean {
  return project.status === 'PROPOSED' && now.getTime() >= project.votingOpensAt.getTime();
}

/** At or above the community's threshold: prioritised; below: to the expert review. */
export function outcomeOfVote(votes: number, threshold: number): 'PRIORITISED' | 'EXPERT_REVIEW' {
  return votes >= threshold ? 'PRIORITISED' : 'EXPERT_REVIEW';
}

/** The status each step leads to, and the statuses it starts from. */
export const MICRO_PROJECT_STEPS = {
  // The review's outcome (APPROVED or REJECTED) is itself the new status.
  review: { from: ['EXPERT_REVIEW'] },
  start: { from: ['PRIORITISED', 'APPROVED'], to: 'IN_PROGRESS' },
  complete: { from: ['IN_PROGRESS'], to: 'DONE' },
} as const satisfies Record<string, { from: readonly MicroProjectStatus[]; to?: MicroProjectStatus }>;

/** `field` holds a cost that is not a whole number of fen within the bounds. */
export function costOutOfRange(field: string): InputViolation {
  return { field, message: `must be a whole number of fen from 0 to ${MAX_COST_FEN}` };
}

/** Why the cost in `field` is refused (field and message), or null. */
export function costError(field: string, fen: number): InputViolation | null {
  if (!Number.isInteger(fen) || fen < 0 || fen > MAX_COST_FEN) return costOutOfRange(field);
  return null;
}
