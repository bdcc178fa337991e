import { conflict, forbidden } from '@civic/service-kit';

/** Error factories of this service beyond the kit's; resolvers, domain and tests share them. */

export function fundCannotPay() {
  return conflict("The fund's balance cannot pay this disbursement");
}

export function parkingApplicationOpen() {
  return conflict('You already have an open application for these parking places');
}

export function resourceChangedMeanwhile() {
  return conflict('The resource changed meanwhile; try again');
}

export function outOfStock() {
  return conflict('Not enough left in stock');
}

export function timeAlreadyBooked() {
  return conflict('This time is already booked');
}

/** Residents book and apply only where the resource serves. */
export function outsideServedArea(action: string) {
  return forbidden(`${action} outside the area it serves`);
}

/** Four eyes: the proposer of a disbursement may not approve it. */
export function approveOwnProposal() {
  return forbidden('approve a disbursement you proposed');
}
