import { badUserInput, conflict, departmentUnavailable, forbidden, notFound, notMatching } from '@civic/service-kit';
import type { ResourceKind } from './domain/vocabulary.ts';

/** Error factories of this service beyond the kit's; resolvers, domain and tests share them. */

// Refusals (FORBIDDEN)

/** Aggregates are for analysts, services and staff whose scope covers the organisation. */
export function readAggregateOutOfScope() {
  return forbidden('read the aggregates of this organisation');
}

export function unknownAggregateOrganisation(id: string) {
  return notFound('Organisation', id);
}

/** Four eyes: the proposer of a disbursement may not approve it. */
export function approveOwnProposal() {
  return forbidden('approve a disbursement you proposed');
}

/** Staff, not managers of the served organisation, create resources for it. */
export function createResourceOutOfScope() {
  return forbidden('create a resource for this organisation');
}

export function editUnmanagedResource() {
  return forbidden('edit this resource');
}

export function changeUnmanagedResourceStatus() {
  return forbidden('change the status of this resource');
}

export function restockUnmanagedResource() {
  return forbidden('restock this resource');
}

export function readUnmanagedResourceBookings() {
  return forbidden("read this resource's bookings");
}

/** Neither the booker, nor the resource's managers, nor a reader. */
/** A resident's bookings are personal: the resident, covering staff, services. */
export function readAnotherResidentsBookings() {
  return forbidden("read another resident's bookings");
}

export function readAnotherBooking() {
  return forbidden('read this booking');
}

/** Neither the booker nor the resource's managers. */
export function cancelAnotherBooking() {
  return forbidden('cancel this booking');
}

/** A caller without a resident record books without naming an organisation. */
export function bookAsNonResident() {
  return forbidden('book a resource');
}

/** Residents book only where the resource serves. */
export function bookOutsideServedArea() {
  return forbidden('book a resource outside the area it serves');
}

/** Staff book only for organisations in their scope. */
export function bookForOrganisationOutOfScope() {
  return forbidden('book for this organisation');
}

export function applyForParkingAsNonResident() {
  return forbidden('apply for a parking place');
}

/** Residents apply only where the quota serves. */
export function applyForParkingOutsideServedArea() {
  return forbidden('apply for a parking place outside the area it serves');
}

/** Neither the applicant, nor the quota's managers, nor a reader. */
export function readAnotherParkingApplication() {
  return forbidden('read this parking application');
}

/** Neither the applicant nor the quota's managers. */
export function releaseAnotherParkingApplication() {
  return forbidden('release this parking application');
}

export function readUnmanagedQuotaApplications() {
  return forbidden("read this quota's applications");
}

export function readUnmanagedFundBalance() {
  return forbidden("read this fund's balance");
}

export function readUnmanagedFundLedger() {
  return forbidden("read this fund's ledger");
}

export function readUnmanagedFundDisbursements() {
  return forbidden("read this fund's disbursements");
}

export function readUnmanagedDisbursement() {
  return forbidden('read this disbursement');
}

export function depositIntoUnmanagedFund() {
  return forbidden('deposit into this fund');
}

export function proposeFromUnmanagedFund() {
  return forbidden('propose a disbursement from this fund');
}

export function approveUnmanagedDisbursement() {
  return forbidden('approve this disbursement');
}

export function rejectUnmanagedDisbursement() {
  return forbidden('reject this disbursement');
}

// Conflicts (CONFLICT)

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

// Input (BAD_USER_INPUT)

export function providerNotExactlyOne() {
  return badUserInput('providerOrganisationId', 'exactly one of providerOrganisationId and providerResidentId is required');
}

export function contactPhoneNotAPhoneNumber() {
  return notMatching('contact.phone', 'a mobile, landline or hotline number');
}

/** An update that names no field to change. */
export function nothingToChange() {
  return badUserInput('input', 'must change at least one field');
}

export function restockWithoutStock(kind: ResourceKind) {
  return badUserInput('id', `is a resource of kind ${kind}, which has no stock`);
}

/** A booking of a resource that is not booked (a fund, a parking quota). */
export function resourceNotBookable(kind: ResourceKind) {
  return badUserInput('resourceId', `is a resource of kind ${kind}, which is not booked`);
}

/** Staff book for an organisation the resource does not serve. */
export function organisationNotServed() {
  return badUserInput('organisationId', 'is outside the area this resource serves');
}

/** A quantity for a resource booked by slots. */
export function quantityForSlots(kind: ResourceKind) {
  return badUserInput('quantity', `does not apply to a resource of kind ${kind}`);
}

/** A slot booking without its start or its end. */
export function bookingTimeMissing(field: 'startsAt' | 'endsAt', kind: ResourceKind) {
  return badUserInput(field, `is required for a resource of kind ${kind}`);
}

/** A start or end for goods, which are booked by quantity. */
export function bookingTimeForGoods(field: 'startsAt' | 'endsAt') {
  return badUserInput(field, 'does not apply to goods');
}

export function notAParkingQuota() {
  return badUserInput('resourceId', 'is not a parking quota');
}

export function notAFund() {
  return badUserInput('fundId', 'is not a fund');
}

export function recipientNotServed() {
  return badUserInput('recipientId', 'does not live in the area this fund serves');
}

// Spending points for parking priority (sagas/parking-priority.ts)

/** Only the applicant spends their points on their application. */
export function spendPointsOnAnotherApplication() {
  return forbidden("spend points on another resident's parking application");
}

export function recoverPrioritySpendingsRefused() {
  return forbidden('recover parking priority spendings');
}

/** The same spending sent again while the first is under way. */
export function prioritySpendingUnderWay() {
  return conflict('A spending of points for this application is already under way');
}

/** The points ledger refused the spending (too few points, most often): nothing was taken, nothing granted. */
export function pointsNotSpent(reason: string) {
  return conflict(`The points were not spent: ${reason}`);
}

/** The points were taken, the places could not be given, and the points were given back. */
export function priorityNotGranted(reason: string) {
  return conflict(`No priority was granted (${reason}); the points spent for it were given back`);
}

/** Nothing was granted and the points ledger has not confirmed the refund yet: the recovery pass will. */
export function priorityRefundPending(reason: string) {
  return departmentUnavailable(`No priority was granted (${reason}); any points spent for it will be given back once the points ledger answers`);
}

/** A resident's data export is theirs alone: not another resident's, nor staff's or a service's. */
export function exportAnotherResidentsData() {
  return forbidden("export another resident's data");
}
