import { invalidTransition } from '@civic/service-kit';
import type { QuorumState } from './domain/quorum.ts';

/** Error factories of this service beyond the kit's; tests assert on their messages. */

/** A decision before the quorum is met: INVALID_TRANSITION, with the rule and the count. */
export function quorumNotMet(quorum: QuorumState) {
  return invalidTransition('Meeting', 'QUORUM_NOT_MET', `record a decision: ${quorum.rule}, ${quorum.present} of ${quorum.required} present`);
}

/** A vote outside the window: INVALID_TRANSITION, with why. */
export function votingNotOpen(reason: string) {
  return invalidTransition('MicroProject', 'VOTING_NOT_OPEN', `take a vote: ${reason}`);
}
