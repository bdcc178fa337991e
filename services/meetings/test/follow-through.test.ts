import { describe, expect, it } from 'vitest';
import { followThroughOf } from '../src/domain/follow-through.ts';

describe('followThroughOf', () => {
  const deadline = new Date('2025-05-31T16:00:00Z');
  const now = new Date('2025-06-10T00:00:00Z');

  it('tells done on time (at the deadline too), done late, overdue and pending apart', () => {
    expect([
      followThroughOf({ status: 'DONE', deadline, completedAt: deadline }, now),
      followThroughOf({ status: 'DONE', deadline, completedAt: new Date('2025-06-01T00:00:00Z') }, now),
      followThroughOf({ status: 'IN_PROGRESS', deadline, completedAt: null }, now),
      followThroughOf({ status: 'OPEN', deadline: new Date('2025-06-20T00:00:00Z'), completedAt: null }, now),
    ]).toEqual(['doneOnTime', 'doneLate', 'overdue', 'pending']);
  });
});
