import { describe, expect, it } from 'vitest';
import {
  canCloseVoting,
  costError,
  costOutOfRange,
  isVotingOpen,
  outcomeOfVote,
  voteRefusal,
  votingClosesBeforeOpening,
  votingClosesInThePast,
  votingWindowError,
  votingWindowTooLong,
} from '../src/domain/micro-project-rules.ts';
import { deadlineError, deadlinePassed, deadlineTooFar, isOverdue, progressSources } from '../src/domain/action-item-rules.ts';

const DAY = 24 * 3600_000;
const now = new Date('2025-05-01T02:00:00.000Z');
const at = (days: number) => new Date(now.getTime() + days * DAY);
const window = { votingOpensAt: at(-1), votingClosesAt: at(6), status: 'PROPOSED' as const };

describe('voting windows', () => {
  it('must close in the future, after opening, within 90 days', () => {
    expect(votingWindowError({ votingOpensAt: at(1), votingClosesAt: at(8) }, now)).toBe(null);
    expect(votingWindowError({ votingOpensAt: at(-3), votingClosesAt: at(-1) }, now)).toEqual(votingClosesInThePast());
    expect(votingWindowError({ votingOpensAt: at(3), votingClosesAt: at(2) }, now)).toEqual(votingClosesBeforeOpening());
    expect(votingWindowError({ votingOpensAt: at(1), votingClosesAt: at(92) }, now)).toEqual(votingWindowTooLong());
  });

  it('take votes from opening up to, not including, closing, while the project is proposed', () => {
    expect(isVotingOpen(window, now)).toBe(true);
    expect(voteRefusal(window, at(-2))).toBe('NOT_YET_OPEN');
    expect(voteRefusal(window, at(6))).toBe('CLOSED');
    expect(voteRefusal({ ...window, status: 'PRIORITISED' }, now)).toBe('CLOSED');
    expect(voteRefusal(window, at(5.9))).toBe(null);
  });

  it('may be closed once voting has opened, early or late', () => {
    expect(canCloseVoting(window, now)).toBe(true);
    expect(canCloseVoting(window, at(10))).toBe(true);
    expect(canCloseVoting(window, at(-2))).toBe(false);
    expect(canCloseVoting({ ...window, status: 'EXPERT_REVIEW' }, at(10))).toBe(false);
  });
});

describe('threshold and expert review', () => {
  it('prioritises projects at or above the threshold and sends the rest to review', () => {
    expect(outcomeOfVote(10, 10)).toBe('PRIORITISED');
    expect(outcomeOfVote(11, 10)).toBe('PRIORITISED');
    expect(outcomeOfVote(9, 10)).toBe('EXPERT_REVIEW');
    expect(outcomeOfVote(0, 1)).toBe('EXPERT_REVIEW');
  });

  it('takes costs in whole fen', () => {
    expect(costError('estimatedCost', 350_000)).toBe(null);
    expect(costError('estimatedCost', -1)).toEqual(costOutOfRange('estimatedCost'));
    expect(costError('actualCost', 12.5)).toEqual(costOutOfRange('actualCost'));
  });
});

describe('action-item deadlines', () => {
  it('must lie in the future, within a year', () => {
    expect(deadlineError(at(7), now)).toBe(null);
    expect(deadlineError(now, now)).toEqual(deadlinePassed());
    expect(deadlineError(at(400), now)).toEqual(deadlineTooFar());
  });

  it('make an unfinished item overdue once passed, never a done one', () => {
    const item = { status: 'IN_PROGRESS' as const, deadline: at(7) };
    expect(isOverdue(item, at(6))).toBe(false);
    expect(isOverdue(item, at(7))).toBe(false);
    expect(isOverdue(item, at(7.01))).toBe(true);
    expect(isOverdue({ ...item, status: 'DONE' }, at(30))).toBe(false);
  });

  it('move forward only', () => {
    expect(progressSources('IN_PROGRESS')).toEqual(['OPEN', 'IN_PROGRESS']);
    expect(progressSources('DONE')).toEqual(['OPEN', 'IN_PROGRESS']);
    expect(progressSources('OPEN')).toEqual([]);
  });
});
