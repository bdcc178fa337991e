import { badUserInput, conflict, forbidden, invalidTransition, notFound } from '@civic/service-kit';

/** Error factories of this service beyond the kit's; resolvers, domain and tests share them. */

// Refusals: who may not do what.

/** Listings of residents and households are for staff and services. */
export function listResidentsNotStaff() {
  return forbidden('list residents');
}

/** Aggregates are for analysts, services and staff whose scope covers the organisation. */
export function readAggregateOutOfScope() {
  return forbidden('read the aggregates of this organisation');
}

export function listGridResidentsNotStaff() {
  return forbidden('list the residents of a grid');
}

export function listGridHouseholdsNotStaff() {
  return forbidden('list the households of a grid');
}

export function listPartyMembersNotStaff() {
  return forbidden('list the party members of an organisation');
}

/** A resident's pairings and a household's members are personal facts: the resident or household, covering staff, services. */
export function readPairedMembersOfAnother() {
  return forbidden("read another resident's paired members");
}

export function readPairedHouseholdsOfAnother() {
  return forbidden("read another resident's paired households");
}

export function readMembersOfAnotherHousehold() {
  return forbidden("read another household's members");
}

/** Analysts read no row about a person; they work on aggregates. */
export function readResidentAsAnalyst() {
  return forbidden('read a resident as an analyst');
}

export function readHouseholdAsAnalyst() {
  return forbidden('read a household as an analyst');
}

export function readPointsRankingAsAnalyst() {
  return forbidden('read the points ranking as an analyst');
}

export function createHouseholdsNotStaff() {
  return forbidden('create households');
}

export function createHouseholdOutOfScope() {
  return forbidden('create households in this grid');
}

export function registerResidentOutOfScope() {
  return forbidden('register residents in this household');
}

export function updateAnotherResident() {
  return forbidden('update this resident');
}

/** A resident updates their own everyday facts; the rest is for their community worker. */
export function changeOwnFact(fact: string) {
  return forbidden(`change your own ${fact}; ask your community worker`);
}

export function moveResidentOutOfScope() {
  return forbidden('move this resident');
}

export function moveIntoHouseholdOutOfScope() {
  return forbidden('move residents into this household');
}

/** Only staff covering the resident approve or reject a real-name verification. */
export function decideVerificationOutOfScope() {
  return forbidden('decide real-name verification');
}

/** A resident submits their own real-name verification; staff covering them may submit it for them. */
export function submitAnotherResidentsVerification() {
  return forbidden('submit real-name verification for this resident');
}

export function setMembershipOutOfScope() {
  return forbidden('set the party membership of this resident');
}

/** The resident sets their own volunteer profile, or staff covering them do. */
export function setAnotherVolunteerProfile() {
  return forbidden('set the volunteer profile of this resident');
}

export function awardPointsOutOfScope() {
  return forbidden('award points to this resident');
}

export function deductPointsOutOfScope() {
  return forbidden('deduct points from this resident');
}

/** The published points rules are a street's or the district's to change. */
export function setPointsRuleNotAdmin() {
  return forbidden('change the points rules');
}

/** The core member who would lead the pairing lies outside the caller's scope. */
export function pairCoreMemberOutOfScope() {
  return forbidden('pair members with this core member');
}

export function pairMemberOutOfScope() {
  return forbidden('pair this member');
}

export function unpairMemberOutOfScope() {
  return forbidden('unpair this member');
}

/** The member who would look after the household lies outside the caller's scope. */
export function pairWithMemberOutOfScope() {
  return forbidden('pair households with this member');
}

export function pairHouseholdOutOfScope() {
  return forbidden('pair this household');
}

export function unpairHouseholdOutOfScope() {
  return forbidden('unpair this household');
}

/** A copy of one's own data, and corrections of it, are asked for by a resident account. */
export function exportWithoutResidentAccount() {
  return forbidden('export personal data without a resident account');
}

/** Nobody but the resident themself, staff and services included, receives their export. */
export function exportAnotherResidentsData() {
  return forbidden("export another resident's data");
}

export function requestCorrectionWithoutResidentAccount() {
  return forbidden('request a data correction without a resident account');
}

export function listCorrectionsOutOfScope() {
  return forbidden('list the data correction requests of this organisation');
}

export function decideCorrectionOutOfScope() {
  return forbidden('decide this data correction request');
}

// Conflicts: the request collides with what is stored.

/** One open request per resident and fact: a second waits for the first's decision. */
export function correctionAlreadyOpen(field: string) {
  return conflict(`A correction of ${field} is already waiting for a decision`);
}

export function coreMemberFull(coreMemberId: string, limit: number) {
  return conflict(`Core member ${coreMemberId} already has ${limit} paired members`);
}

export function memberAlreadyPaired(memberId: string) {
  return conflict(`Member ${memberId} is already paired with a core member`);
}

export function memberFull(memberId: string, limit: number) {
  return conflict(`Member ${memberId} already has ${limit} paired households`);
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

// Input: what is wrong with a field the client sent.

/** The resident was deleted between reading and writing; `field` named them. */
export function residentGone(field: string) {
  return badUserInput(field, 'names a resident that no longer exists');
}

/** The grid id is well formed, but organisations knows no grid by it. */
export function noSuchGrid() {
  return badUserInput('gridId', 'does not name a grid');
}

export function notAPartyBranch(id: string) {
  return badUserInput('branchId', `${id} is not a party branch`);
}

export function notAVolunteerTeam(id: string) {
  return badUserInput('teamIds', `${id} is not a volunteer team`);
}

export function nothingToVerify() {
  return badUserInput('residentId', 'has no ID number to verify yet');
}

export function nameCharacters(field: string) {
  return badUserInput(field, "may hold only letters, spaces and the separators · - '");
}

export function phoneNotMobile(field: string) {
  return badUserInput(field, 'must be an 11-digit mainland mobile number starting 13 to 19');
}

export function idNumberMalformed(field: string) {
  return badUserInput(field, 'must be 18 characters: 17 digits and a digit or X');
}

export function idNumberBirthDateInvalid(field: string) {
  return badUserInput(field, 'does not hold a valid birth date');
}

export function idNumberCheckDigitWrong(field: string) {
  return badUserInput(field, 'has a wrong check digit');
}

export function idNumberBornInFuture() {
  return badUserInput('idNumber', 'holds a birth date in the future');
}

export function birthYearContradictsIdNumber(given: number, fromIdNumber: number) {
  return badUserInput('birthYear', `is ${given} but the ID number says ${fromIdNumber}`);
}

export function genderContradictsIdNumber() {
  return badUserInput('gender', 'does not match the ID number');
}

export function tooYoungForElderlyCare(birthYear: number) {
  return badUserInput('specialCare', `ELDERLY_80_PLUS needs an age of 80, but the birth year is ${birthYear}`);
}

export function membershipSinceInvalid() {
  return badUserInput('since', 'is not a valid date');
}

export function membershipSinceInFuture() {
  return badUserInput('since', 'must not be in the future');
}

/** Membership starts no earlier than the year the resident reached the joining age. */
export function membershipBeforeJoiningAge(birthYear: number, joiningAge: number) {
  return badUserInput('since', `must be no earlier than ${birthYear + joiningAge}, the year the resident turned ${joiningAge}`);
}

/** Awards come from the award sources; taking points away is deductPoints. */
export function notAnAwardSource(sources: readonly string[]) {
  return badUserInput('source', `must be one of ${sources.join(', ')}; use deductPoints to deduct`);
}

export function dailyCapAboveMonthlyCap() {
  return badUserInput('dailyCap', 'must not be above monthlyCap');
}

export function unknownAggregateOrganisation(id: string) {
  return notFound('Organisation', id);
}

/** Stars of service are ranked within a community or a street. */
export function notARankingOrganisation() {
  return badUserInput('organisationId', 'must name a community or a street');
}

export function tooManySkills(max: number) {
  return badUserInput('skills', `must list at most ${max} skills`);
}

export function tooManyVolunteerTeams(max: number) {
  return badUserInput('teamIds', `must list at most ${max} teams`);
}

export function pairWithSelf() {
  return badUserInput('memberId', 'must be someone other than the core member');
}

export function leaderNotPartyMember() {
  return badUserInput('coreMemberId', 'is not a party member');
}

export function leaderNotCoreMember() {
  return badUserInput('coreMemberId', 'is not a core party member');
}

export function memberNotPartyMember() {
  return badUserInput('memberId', 'is not a party member');
}

/** A core member was named as the member of a member pairing. */
export function coreMemberAsMember() {
  return badUserInput('memberId', 'is a core party member; core members lead pairings instead');
}

/** A core member was named to look after a household. */
export function coreMemberForHousehold() {
  return badUserInput('memberId', 'is a core party member; households pair with ordinary members');
}

/** Data corrections: the proposed value must be a value of its fact. */
export function proposedBirthYearNotAYear() {
  return badUserInput('birthYear', 'must be a year of 4 digits');
}

export function proposedGenderUnknown(genders: readonly string[]) {
  return badUserInput('gender', `must be one of ${genders.join(', ')}`);
}

export function proposedTagUnknown(tag: string, tags: readonly string[]) {
  return badUserInput('specialCare', `${tag} is not one of ${tags.join(', ')}`);
}

/** Staff who reject a correction say why, for the resident. */
export function rejectionWithoutReason() {
  return badUserInput('note', 'must say why the correction is rejected');
}

// Spending points (微星光 for priority): called by the resources service only

/** Only the services named in authorisation.ts spend and refund points for a resident. */
export function spendPointsAsNonSpender() {
  return forbidden("spend or refund a resident's points");
}

/** The reference was refunded before its spend arrived: the spender gave up on it. */
export function spendingVoided() {
  return conflict('This spending was cancelled before it arrived');
}

/** The reference already names a spending of another resident or amount. */
export function spendingReferenceReused() {
  return conflict('This reference names another spending');
}

// Closing an account (domain/account-closure.ts).

/** Staff close an account where their scope covers the resident, as community workers or admins. */
export function closeAccountOutOfScope() {
  return forbidden("close this resident's account");
}

/** closeMyAccount is the resident's own: a token without a resident account has none to close. */
export function closeMyAccountWithoutResident() {
  return forbidden('close an account: sign in with a resident account');
}

/** Any write by a caller whose token names a closed account. */
export function accountClosed() {
  return forbidden('act with a closed account');
}

/** An action on a closed record, closing it again included (`action` CLOSE). */
export function residentClosed(action: string) {
  return invalidTransition('Resident', 'CLOSED', action);
}

export function closureNotConfirmed(phrase: string) {
  return badUserInput('confirm', `Type ${phrase} to close your account`);
}

// The access log.

/** myDataReads lists the caller's own data: a resident account. */
export function listDataReadsNotResident() {
  return forbidden('list who read your data: sign in with a resident account');
}

/** personalDataReads is for supervisors: community workers, street and district admins. */
export function readAccessLogNotSupervisor() {
  return forbidden('read the access log: it is for community workers, street and district admins');
}

export function dataReadsUntilBeforeSince() {
  return badUserInput('filter.until', 'until must come after since');
}
