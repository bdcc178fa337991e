import { conflict } from '@civic/service-kit';

/** Error factories of this service beyond the kit's; resolvers, domain and tests share them. */

export function siblingNameTaken() {
  return conflict('Another organisation under the same parent already has this name');
}

export function activityFull() {
  return conflict('This activity is full');
}

export function alreadySignedUp() {
  return conflict('You have already signed up for this activity');
}

export function notSignedUp() {
  return conflict('You have not signed up for this activity');
}

export function alreadyCheckedIn() {
  return conflict('This participant is already checked in');
}

export function partnershipAlreadyActive() {
  return conflict('This community and unit already have an active partnership');
}
