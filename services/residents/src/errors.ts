import { conflict, forbidden } from '@civic/service-kit';
import { HOUSEHOLDS_PER_MEMBER, MEMBERS_PER_CORE_MEMBER } from './domain/pairing.ts';

/** Error factories of this service beyond the kit's; resolvers, domain and tests share them. */

export function coreMemberFull(coreMemberId: string) {
  return conflict(`Core member ${coreMemberId} already has ${MEMBERS_PER_CORE_MEMBER} paired members`);
}

export function memberAlreadyPaired(memberId: string) {
  return conflict(`Member ${memberId} is already paired with a core member`);
}

export function memberFull(memberId: string) {
  return conflict(`Member ${memberId} already has ${HOUSEHOLDS_PER_MEMBER} paired households`);
}

export function householdAlreadyPaired(householdId: string) {
  return conflict(`Household ${householdId} is already paired with a member`);
}

export function memberNotPaired(memberId: string) {
  return conflict(`Member ${memberId} is not paired with a core member`);
}

export function householdNotPaired(householdId: string) {
  return conflict(`Household ${householdId} is not paired with a member`);
}

/** Party standing that pairings rely on cannot change while they stand. */
export function coreMemberStillPaired() {
  return conflict('This core member still has paired members; unpair them first');
}

export function memberStillPaired() {
  return conflict('This member is still paired; unpair first');
}

export function insufficientPoints(balance: number, wanted: number) {
  return conflict(`The balance is ${balance} points, too few to deduct ${wanted}`);
}

export function pointsLedgerBusy() {
  return conflict('The points ledger of this resident is busy; try again');
}

export function idNumberTaken() {
  return conflict('A resident with this ID number is already registered');
}

export function householdAddressTaken(address: { building: string; unit: string; room: string }) {
  return conflict(`There is already a household at ${address.building} ${address.unit} ${address.room} in this grid`);
}

/** A resident updates their own everyday facts; the rest is for their community worker. */
export function changeOwnFact(fact: string) {
  return forbidden(`change your own ${fact}; ask your community worker`);
}
