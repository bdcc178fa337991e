import { badUserInput, conflict, forbidden, invalidInput, invalidTransition, type InputViolation } from '@civic/service-kit';
import type { ClaimRefusal } from './domain/claiming.ts';
import type { ClaimLevel } from './domain/vocabulary.ts';

/** Error factories of this service beyond the kit's; resolvers, domain and tests share them. */

// Refusals: the caller's role, scope or part in the wish does not allow the step.

/** A resident's wishes and claims are personal: the resident, covering staff, services. */
export function readAnotherResidentsWishes() {
  return forbidden("read another resident's wishes");
}

export function readAnotherResidentsClaimedWishes() {
  return forbidden("read another resident's claimed wishes");
}

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

/** The error of a claim the claiming rules refuse (domain/claiming.ts). */
export function claimRefused(refusal: ClaimRefusal) {
  switch (refusal.reason) {
    case 'OWN_WISH':
      return claimOwnWish();
    case 'OUTSIDE_WINDOW':
      return claimOutsideWindow(refusal.level);
    case 'WITHOUT_STANDING':
      return claimWithoutStanding();
    case 'ORGANISATION_KIND':
      return claimForOrganisationOfKind(refusal.kind);
  }
}

/** A resident claims for themself only with role VOLUNTEER or PARTY_MEMBER. */
export function claimWithoutClaimerRole() {
  return forbidden('claim a wish');
}

export function claimForOrganisationOutOfScope() {
  return forbidden('claim a wish for this organisation');
}

export function startRequestOfAnotherHandler() {
  return forbidden('take up a request your organisation does not handle');
}

export function resolveRequestOfAnotherHandler() {
  return forbidden('resolve a request your organisation does not handle');
}

export function startWishOfAnotherClaimant() {
  return forbidden('start a wish you did not claim');
}

export function fulfilWishOfAnotherClaimant() {
  return forbidden('fulfil a wish you did not claim');
}

export function handBackWishOfAnotherClaimant() {
  return forbidden('hand back a wish you did not claim');
}

export function publishOutOfScope() {
  return forbidden('publish this wish');
}

export function rejectOutOfScope() {
  return forbidden('reject this wish');
}

export function reassignOutOfScope() {
  return forbidden('reassign this request');
}

export function dispatchOutOfScope() {
  return forbidden('dispatch this request');
}

export function closeWorkOrderOfAnotherOrganisation() {
  return forbidden('close a work order of another organisation');
}

/** Confirming and reopening are the requester's, or staff's covering the community. */
export function confirmOthersWish() {
  return forbidden('confirm this wish');
}

export function reopenOthersWish() {
  return forbidden('reopen this wish');
}

export function setWishSettingsOutOfScope() {
  return forbidden("set this community's wish settings");
}

/** Only DISTRICT_ADMIN and SERVICE run the deadline sweep. */
export function runDeadlineSweep() {
  return forbidden('run the deadline sweep');
}

/** A subtree's deadline sweep: staff whose scope covers it, and services. */
export function runDeadlineSweepOutOfScope() {
  return forbidden('run the deadline sweep for this organisation');
}

/** A handler's queue is read by staff (or services), never by residents. */
export function readHandlerQueueWithoutStaffRole() {
  return forbidden("read a handler's queue");
}

export function readNotificationsWithoutStaffRole() {
  return forbidden("read an organisation's notifications");
}

export function readHandlingSheetOutOfScope() {
  return forbidden('read the handling sheet of this organisation');
}

export function readStatisticsOutOfScope() {
  return forbidden('read the statistics of this organisation');
}

/** Scorecards: an organisation's for staff covering it, analysts and services; a resident's is personal. */
export function readScorecardOutOfScope() {
  return forbidden('read the scorecard of this organisation');
}

export function readRankingOutOfScope() {
  return forbidden('rank the units under this organisation');
}

export function readAgreementEvaluationOutOfScope() {
  return forbidden('read the evaluation of this agreement');
}

export function readAnotherResidentsScorecard() {
  return forbidden("read another resident's scorecard");
}

/** Wishes are asked for by residents: a caller without a resident record has none of their own. */
export function submitWithoutResidentRecord() {
  return forbidden('submit a wish without being a resident');
}

export function listOwnWishesWithoutResidentRecord() {
  return forbidden('list wishes without being a resident');
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

// Conflicts and steps the wish's state does not allow.

/** The conditional write lost: someone changed the wish between our read and our write. */
export function wishChangedMeanwhile() {
  return conflict('The wish was changed by someone else at the same time; read it again');
}

/** A lifecycle step the wish's status does not allow (`action` as the state machine names it). */
export function wishStepNotAllowed(status: string, action: string) {
  return invalidTransition('Wish', status, action.toLowerCase().replaceAll('_', ' '));
}

const OTHER_KIND_STEPS = {
  ACKNOWLEDGE: 'be acknowledged: a micro-wish is started with startWishService',
  FULFIL: 'be fulfilled: a request is resolved with resolveRequest',
  RESOLVE: 'be resolved: a micro-wish is fulfilled with fulfilWish',
} as const;

/** A step for the other kind: micro-wishes are fulfilled, requests acknowledged and resolved. */
export function stepOfOtherKind(kind: string, status: string, action: keyof typeof OTHER_KIND_STEPS) {
  return invalidTransition(kind === 'WISH' ? 'A micro-wish' : 'A request', status, OTHER_KIND_STEPS[action]);
}

// Input: BAD_USER_INPUT naming the offending field.

/** The settings' own consistency (domain/claiming.ts `windowsError`), inside the `input` object. */
export function inconsistentSettings(violation: InputViolation) {
  return invalidInput(violation, 'input.');
}

export function settingsForNonCommunity() {
  return badUserInput('input.communityId', 'is not a community');
}

export function gridInAnotherCommunity() {
  return badUserInput('gridId', 'belongs to another community');
}

export function tooManyTags(max: number) {
  return badUserInput('tags', `must hold at most ${max} tags`);
}

export function handlerUnchanged() {
  return badUserInput('handlerId', 'already handles this request');
}

export function handlerOutsideDistrict() {
  return badUserInput('handlerId', 'is outside the district of this request');
}

export function workOrderCountOutOfRange(max: number) {
  return badUserInput('workOrders', `must hold 1 to ${max} work orders`);
}

/** The deadline of the work order at `index` of the dispatch. */
export function workOrderDeadlineNotInFuture(index: number) {
  return badUserInput(`workOrders[${index}].deadline`, 'must be in the future');
}

/** A resident's data export is theirs alone: not another resident's, nor staff's or a service's. */
export function exportAnotherResidentsData() {
  return forbidden("export another resident's data");
}
