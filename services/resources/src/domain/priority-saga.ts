/**
 * The saga that spends a resident's points (residents service) for priority on a parking waiting
 * list (here): the points are deducted once and the priority granted once, or neither.
 *
 *   STARTED ─ points deducted ─> POINTS_DEDUCTED ─ priority granted ─> PRIORITY_GRANTED
 *      │  └─ spend refused ─> FAILED                  │
 *      └─ outcome unknown ─> COMPENSATING <─ grant refused
 *                                 └─ refund (or void) acknowledged ─> COMPENSATED
 *
 * Every move is a conditional update from the state read, so of two movers (a request and the
 * recovery pass) one wins. The saga's id is the spending's reference on the residents' side, where
 * a refund of a reference never spent voids it.
 */

export const SAGA_STATES = ['STARTED', 'POINTS_DEDUCTED', 'PRIORITY_GRANTED', 'COMPENSATING', 'COMPENSATED', 'FAILED'] as const;
export type SagaState = (typeof SAGA_STATES)[number];

/** States a saga is not finished in: at most one such saga per application. */
export const OPEN_SAGA_STATES: readonly SagaState[] = ['STARTED', 'POINTS_DEDUCTED', 'COMPENSATING'];

const MOVES: Record<SagaState, readonly SagaState[]> = {
  STARTED: ['POINTS_DEDUCTED', 'COMPENSATING', 'FAILED'],
  POINTS_DEDUCTED: ['PRIORITY_GRANTED', 'COMPENSATING'],
  COMPENSATING: ['COMPENSATED'],
  PRIORITY_GRANTED: [],
  COMPENSATED: [],
  FAILED: [],
};

export function mayMove(from: SagaState, to: SagaState): boolean {
  return MOVES[from].includes(to);
}

export function isFinished(state: SagaState): boolean {
  return MOVES[state].length === 0;
}

/**
 * How long a saga may sit in STARTED or POINTS_DEDUCTED before recovery takes it over: longer than
 * a request takes to run its steps, so recovery finishes only what a crash or a lost request left.
 */
export const SAGA_STALE_AFTER_MS = 60_000;

export type RecoveryStep = 'GRANT' | 'COMPENSATE' | 'REFUND' | 'NONE';

/**
 * What recovery does with a saga: a refund owed is retried at once (it is idempotent); a saga left
 * in a middle state goes forward if the deduction is known to have landed (POINTS_DEDUCTED: grant,
 * or compensate if the grant is refused), else it is compensated (STARTED: whether the spend landed
 * is unknown, and a refund gives it back or voids it).
 */
export function recoveryStep(state: SagaState, updatedAt: Date, now: Date): RecoveryStep {
  if (state === 'COMPENSATING') return 'REFUND';
  const stale = now.getTime() - updatedAt.getTime() >= SAGA_STALE_AFTER_MS;
  if (!stale) return 'NONE';
  if (state === 'POINTS_DEDUCTED') return 'GRANT';
  if (state === 'STARTED') return 'COMPENSATE';
  return 'NONE';
}
