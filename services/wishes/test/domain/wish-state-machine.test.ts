import { describe, expect, it } from 'vitest';
import { nextStatus, WISH_ACTIONS } from '../../src/domain/wish-state-machine.ts';
import { WISH_STATUSES, type WishKind } from '../../src/domain/vocabulary.ts';

// Every allowed move, written out; every other (status, action) pair must be refused.
const WISH_MOVES: Record<string, string> = {
  'SUBMITTED PUBLISH': 'PUBLISHED',
  'SUBMITTED REJECT': 'REJECTED',
  'SUBMITTED WITHDRAW': 'WITHDRAWN',
  'PUBLISHED WITHDRAW': 'WITHDRAWN',
  'PUBLISHED CLAIM': 'CLAIMED',
  'CLAIMED HAND_BACK': 'PUBLISHED',
  'IN_SERVICE HAND_BACK': 'PUBLISHED',
  'CLAIMED START_SERVICE': 'IN_SERVICE',
  'CLAIMED FULFIL': 'FULFILLED',
  'IN_SERVICE FULFIL': 'FULFILLED',
  'FULFILLED CONFIRM': 'CONFIRMED',
  'FULFILLED AUTO_CONFIRM': 'CONFIRMED',
  'FULFILLED REOPEN': 'IN_SERVICE',
};

const REQUEST_MOVES: Record<string, string> = {
  'SUBMITTED PUBLISH': 'PUBLISHED',
  'SUBMITTED REJECT': 'REJECTED',
  'SUBMITTED WITHDRAW': 'WITHDRAWN',
  'PUBLISHED WITHDRAW': 'WITHDRAWN',
  'PUBLISHED ROUTE': 'ROUTED',
  'ROUTED REASSIGN': 'ROUTED',
  'IN_SERVICE REASSIGN': 'ROUTED',
  'ROUTED ACKNOWLEDGE': 'IN_SERVICE',
  'ROUTED DISPATCH': 'IN_SERVICE',
  'IN_SERVICE DISPATCH': 'IN_SERVICE',
  'ROUTED CLOSE_WORK_ORDER': 'ROUTED',
  'IN_SERVICE CLOSE_WORK_ORDER': 'IN_SERVICE',
  'ROUTED RESOLVE': 'RESOLVED',
  'IN_SERVICE RESOLVE': 'RESOLVED',
  'RESOLVED CONFIRM': 'CONFIRMED',
  'RESOLVED AUTO_CONFIRM': 'CONFIRMED',
  'RESOLVED REOPEN': 'IN_SERVICE',
  'ROUTED ESCALATE': 'ROUTED',
  'IN_SERVICE ESCALATE': 'ROUTED',
};

function table(kind: WishKind): Record<string, string> {
  const moves: Record<string, string> = {};
  for (const status of WISH_STATUSES) {
    for (const action of WISH_ACTIONS) {
      const next = nextStatus({ status, kind }, action);
      if (next !== null) moves[`${status} ${action}`] = next;
    }
  }
  return moves;
}

describe('the wish state machine', () => {
  it('allows exactly the listed moves of a micro-wish, from every status and for every action', () => {
    expect(table('WISH')).toEqual(WISH_MOVES);
  });

  it.each(['HELP', 'CONSULT', 'SUGGESTION'] as const)('allows exactly the listed moves of a %s request', (kind) => {
    expect(table(kind)).toEqual(REQUEST_MOVES);
  });

  it('creates wishes only by SUBMIT, which no existing wish may do again', () => {
    expect(WISH_STATUSES.map((status) => nextStatus({ status, kind: 'WISH' }, 'SUBMIT'))).toEqual(WISH_STATUSES.map(() => null));
  });
});
