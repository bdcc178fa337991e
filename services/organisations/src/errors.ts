import { badUserInput, conflict, forbidden, invalidTransition, notFound } from '@civic/service-kit';

/** Error factories of this service beyond the kit's; resolvers, domain and tests share them. */

// Refusals: the caller's role or scope does not reach what they act on.

/** A resident's activities and service hours are personal: the resident, covering staff, services. */
export function readAnotherResidentsActivities() {
  return forbidden("read another resident's activities");
}

export function readAnotherResidentsServiceHours() {
  return forbidden("read another resident's service hours");
}

/** Aggregates are for analysts, services and staff whose scope covers the organisation. */
export function readAggregateOutOfScope() {
  return forbidden('read the aggregates of this organisation');
}

export function unknownAggregateOrganisation(id: string) {
  return notFound('Organisation', id);
}

export function createOrganisationOutOfScope() {
  return forbidden('create an organisation here');
}

/** Only a DISTRICT_ADMIN creates a root. */
export function createDistrictCommittee() {
  return forbidden('create a district committee');
}

export function renameOrganisationOutOfScope() {
  return forbidden('rename this organisation');
}

export function createGridOutOfScope() {
  return forbidden('create a grid in this community');
}

export function assignGridResponsibleOutOfScope() {
  return forbidden("assign this grid's responsible person");
}

export function createPartnershipOutOfScope() {
  return forbidden('create a partnership for this community');
}

export function endPartnershipOutOfScope() {
  return forbidden('end a partnership of this community');
}

export function signAgreementOutOfScope() {
  return forbidden('sign an agreement for this community');
}

export function publishPostOutOfScope() {
  return forbidden('publish for this organisation');
}

/** myFeed is the posts aimed at a person where they live or work: analysts and services belong to no audience. */
export function readFeedOutsideAudiences() {
  return forbidden('read a feed: analysts and services belong to no audience');
}

export function createActivityOutOfScope() {
  return forbidden('create an activity for this organisation');
}

export function cancelActivityOutOfScope() {
  return forbidden('cancel this activity');
}

export function checkInOutOfScope() {
  return forbidden('check in participants of this activity');
}

export function readParticipantsOutOfScope() {
  return forbidden("read this activity's participants");
}

export function readCheckInsOutOfScope() {
  return forbidden("read this activity's check-ins");
}

/** Residents sign themselves up: a caller without a resident record has nobody to sign up. */
export function signUpWithoutResidentRecord() {
  return forbidden('sign up for an activity');
}

export function withdrawWithoutResidentRecord() {
  return forbidden('withdraw from an activity');
}

/** Mobilisations: staff covering the grid start, visit, close and read them; the grid's responsible person visits and reads. */
export function startMobilisationOutOfScope() {
  return forbidden('start a mobilisation of this grid');
}

export function recordVisitOutOfScope() {
  return forbidden('record visits of this mobilisation');
}

export function closeMobilisationOutOfScope() {
  return forbidden('close this mobilisation');
}

export function readMobilisationOutOfScope() {
  return forbidden('read the mobilisations of this grid');
}

export function readCommunityMobilisationsOutOfScope() {
  return forbidden('read the mobilisations of this organisation');
}

export function runMobilisationSweep() {
  return forbidden('run the mobilisation sweep of the whole instance');
}

export function runMobilisationSweepOutOfScope() {
  return forbidden('run the mobilisation sweep of this organisation');
}

// Conflicts: the data as it stands refuses the write.

export function mobilisationAlreadyActive() {
  return conflict('This grid already has an open or overdue mobilisation');
}

/** A COMPLETED or CLOSED mobilisation takes no more visits and cannot be closed again. */
export function mobilisationNotActive(status: string, action: string) {
  return invalidTransition('Mobilisation', status, action);
}

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

// Input: BAD_USER_INPUT naming the offending field.

/** A phone in `field` that is none of the numbers domain/contact.ts knows. */
export function notAPhoneNumber(field: string) {
  return badUserInput(field, 'must be a mobile, landline or hotline number');
}

export function ownersCommitteeOutsideCommunity() {
  return badUserInput('ownersCommitteeId', "must lie within the community's subtree");
}

export function partyBranchOutsideCommunity() {
  return badUserInput('partyBranchId', "must lie within the community's subtree");
}

/** A grid's responsible person lives in it, or is staff of its community naming themself (domain/grid-responsible.ts). */
export function responsibleLivesElsewhere() {
  return badUserInput('residentId', "must live in this grid, or be its community's staff naming themself");
}

export function notAMicroGrid(level: string) {
  return badUserInput('gridId', `must be a micro-grid (MICRO or PARTY_GROUP), not a ${level} grid`);
}

export function gridWithoutHouseholds() {
  return badUserInput('gridId', 'has no households to visit');
}

export function householdNotInMobilisation() {
  return badUserInput('householdId', 'is not among the households of this mobilisation');
}

export function sweepInTheFuture() {
  return badUserInput('at', 'must not be later than now');
}

export function parentGridInAnotherCommunity() {
  return badUserInput('parentId', 'belongs to another community');
}

export function coHostsOverLimit(max: number) {
  return badUserInput('coHostIds', `must list at most ${max} organisations`);
}

export function hostAmongCoHosts() {
  return badUserInput('coHostIds', 'must not include the host');
}

export function unknownCoHost() {
  return badUserInput('coHostIds', 'name an organisation that does not exist');
}

export function checkInWithoutSignUp() {
  return badUserInput('residentId', 'did not sign up for this activity');
}

export function commitmentCountOutOfRange(max: number) {
  return badUserInput('commitments', `must list 1 to ${max} commitments`);
}

/** A resident's data export is theirs alone: not another resident's, nor staff's or a service's. */
export function exportAnotherResidentsData() {
  return forbidden("export another resident's data");
}
