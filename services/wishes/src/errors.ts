import { conflict, forbidden, invalidTransition } from '@civic/service-kit';
import type { ClaimLevel } from './domain/vocabulary.ts';

/** Error factories of this service beyond the kit's; resolvers, domain and tests share them. */

/** A requester may not take up their own wish. */
export function claimOwnWish() {
  return forbidden('claim your own wish');
}

/** The wish is not yet open to the claimant's part of the tree. */
export function claimOutsideWindow(level: ClaimLevel) {
  return forbidden(`claim this wish while it is open to its ${level.toLowerCase()} only`);
}

/** A resident claims as a volunteer with a profile or a party member with a membership. */
export function claimWithoutStanding() {
  return forbidden('claim a wish without a volunteer profile or party membership');
}

export function claimForOrganisationOfKind(kind: string) {
  return forbidden(`claim a wish for an organisation of kind ${kind}`);
}

/** The conditional write lost: someone changed the wish between our read and our write. */
export function wishChangedMeanwhile() {
  return conflict('The wish was changed by someone else at the same time; read it again');
}

/** A lifecycle step the wish's status does not allow (`action` as the state machine names it). */
export function wishStepNotAllowed(status: string, action: string) {
  return invalidTransition('Wish', status, action.toLowerCase().replaceAll('_', ' '));
}

/** Wishes are asked for by residents: a caller without a resident record has none of their own. */
export function withoutResidentRecord(action: string) {
  return forbidden(`${action} without being a resident`);
}

/** Only staff record a wish for a resident who does not use a phone. */
export function recordForSomeoneElse() {
  return forbidden('record a wish for someone else');
}

export function recordInAnotherCommunity() {
  return forbidden("record a wish in another organisation's community");
}

export function withdrawOthersWish() {
  return forbidden('withdraw a wish of someone else');
}
