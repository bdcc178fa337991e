import { FORBIDDEN, MASKED, NULL, UNAUTHENTICATED, VALUE, type Outcome } from './outcomes.ts';
import { SUBJECT, type SubjectFacts } from './subject.ts';

/**
 * The role-by-field matrix of personal facts: every field and list that describes one resident, in
 * each of the five departments, and what each kind of caller gets. Readers of a personal fact are the
 * resident, staff whose scope covers where they live (the grid worker of their community, the street's
 * admin) and services (a department asking with its own identity); another resident, a volunteer and
 * staff of another community see masked PII, null facts and refused lists; an analyst reads no row
 * about a person; an anonymous caller nothing.
 */

export const CALLERS = [
  'anonymous',
  'the resident',
  'another resident',
  'volunteer',
  'grid worker in scope',
  'community worker out of scope',
  'street admin',
  'analyst',
  'service',
] as const;

export type Caller = (typeof CALLERS)[number];

export interface MatrixRow {
  /** The type and field read, as the schema names them. */
  field: string;
  department: 'residents' | 'organisations' | 'wishes' | 'resources' | 'meetings';
  /** Whose fact it is: `the resident` of this row. */
  subject: (facts: SubjectFacts) => string;
  query: string;
  variables: (facts: SubjectFacts) => Record<string, unknown>;
  /** Where the field's value sits in the answer's data. */
  path: readonly (string | number)[];
  expected: (facts: SubjectFacts) => Record<Caller, Outcome>;
}

const herself = (facts: SubjectFacts) => facts.residentId;

/** A personal fact: its readers get `value`, other signed-in callers `others`, an analyst is refused the row. */
function personal(value: unknown, others: Outcome): Record<Caller, Outcome> {
  return {
    anonymous: UNAUTHENTICATED,
    'the resident': VALUE(value),
    'another resident': others,
    volunteer: others,
    'grid worker in scope': VALUE(value),
    'community worker out of scope': others,
    'street admin': VALUE(value),
    analyst: FORBIDDEN,
    service: VALUE(value),
  };
}

/** A field of `resident(id)` (or of a resident reached from it), owned by `department`. */
function residentRow(
  field: string,
  department: MatrixRow['department'],
  selection: string,
  path: readonly (string | number)[],
  expected: (facts: SubjectFacts) => Record<Caller, Outcome>,
  subject: MatrixRow['subject'] = herself,
): MatrixRow {
  return {
    field,
    department,
    subject,
    query: `query($id: ID!) { resident(id: $id) { ${selection} } }`,
    variables: (facts) => ({ id: subject(facts) }),
    path: ['resident', ...path],
    expected,
  };
}

const ids = (...values: string[]) => values.map((id) => ({ id }));
/** A connection's whole first page, with its count: a refused reader gets the field null, count and all. */
const page = (...nodes: unknown[]) => ({ totalCount: nodes.length, edges: nodes.map((node) => ({ node })) });

export const MATRIX: readonly MatrixRow[] = [
  // residents: the Resident row, field by field
  residentRow('Resident.name', 'residents', 'name', ['name'], () => personal(SUBJECT.name, MASKED('王**'))),
  residentRow('Resident.phone', 'residents', 'phone', ['phone'], () => personal(SUBJECT.phone, MASKED('138****5678'))),
  residentRow('Resident.idNumber', 'residents', 'idNumber', ['idNumber'], () => personal(SUBJECT.idNumber, MASKED('110***********002X'))),
  residentRow('Resident.piiMasked', 'residents', 'piiMasked', ['piiMasked'], () => personal(false, VALUE(true))),
  residentRow('Resident.gender', 'residents', 'gender', ['gender'], () => personal('FEMALE', NULL)),
  residentRow('Resident.birthYear', 'residents', 'birthYear', ['birthYear'], () => personal(1949, NULL)),
  residentRow('Resident.verificationStatus', 'residents', 'verificationStatus', ['verificationStatus'], () => personal('UNVERIFIED', NULL)),
  residentRow('Resident.specialCare', 'residents', 'specialCare', ['specialCare'], () => personal([...SUBJECT.specialCare], NULL)),
  residentRow('Resident.household', 'residents', 'household { building unit room }', ['household'], () => personal({ building: '3栋', unit: '2单元', room: '301室' }, NULL)),
  residentRow('Resident.grid', 'residents', 'grid { id }', ['grid'], (facts) => personal({ id: facts.gridId }, NULL)),
  residentRow('Resident.community', 'residents', 'community { id }', ['community'], (facts) => personal({ id: facts.world.communityId }, NULL)),
  residentRow('Resident.partyMembership', 'residents', 'partyMembership { kind core branch { id } }', ['partyMembership'], (facts) =>
    personal({ kind: 'REGULAR', core: false, branch: { id: facts.world.branchId } }, NULL),
  ),
  residentRow('Resident.volunteerProfile', 'residents', 'volunteerProfile { skills }', ['volunteerProfile'], () => personal({ skills: ['陪同就医'] }, NULL)),
  residentRow('Resident.pairedCoreMember', 'residents', 'pairedCoreMember { id }', ['pairedCoreMember'], (facts) => personal({ id: facts.coreMemberId }, NULL)),
  residentRow('Resident.pairedHouseholds', 'residents', 'pairedHouseholds { id }', ['pairedHouseholds'], (facts) => personal(ids(facts.coreHouseholdId), FORBIDDEN)),
  residentRow('Resident.pairedMembers', 'residents', 'pairedMembers { id }', ['pairedMembers'], (facts) => personal(ids(facts.residentId), FORBIDDEN), (facts) => facts.coreMemberId),
  // 5 points from staff, 3 for attending the meeting, 8 for 2 hours at the activity.
  residentRow('Resident.points.balance', 'residents', 'points { balance }', ['points', 'balance'], () => personal(16, NULL)),
  residentRow('Resident.points.entries', 'residents', 'points { entries { totalCount } }', ['points', 'entries', 'totalCount'], () => personal(3, NULL)),
  {
    field: 'Household.room',
    department: 'residents',
    subject: herself,
    query: `query($id: ID!) { household(id: $id) { building room } }`,
    variables: (facts) => ({ id: facts.householdId }),
    path: ['household'],
    expected: () => personal({ building: '3栋', room: '301室' }, VALUE({ building: '3栋', room: null })),
  },
  {
    field: 'Household.members',
    department: 'residents',
    subject: herself,
    query: `query($id: ID!) { household(id: $id) { members { id } } }`,
    variables: (facts) => ({ id: facts.householdId }),
    path: ['household', 'members'],
    expected: (facts) => personal(ids(facts.residentId), FORBIDDEN),
  },
  {
    field: 'Household.pairedMember',
    department: 'residents',
    subject: (facts) => facts.coreMemberId,
    query: `query($id: ID!) { household(id: $id) { pairedMember { id } } }`,
    variables: (facts) => ({ id: facts.coreHouseholdId }),
    path: ['household', 'pairedMember'],
    expected: (facts) => personal({ id: facts.residentId }, NULL),
  },
  {
    field: 'Query.pointsRanking',
    department: 'residents',
    subject: herself,
    query: `query($c: ID!) { pointsRanking(organisationId: $c, period: { year: 2030 }) { edges { node { points resident { name } } } } }`,
    variables: (facts) => ({ c: facts.world.communityId }),
    path: ['pointsRanking', 'edges'],
    // Stars of service are published with names masked; an analyst reads no row about a person.
    expected: () => ({
      ...personal([{ node: { points: 16, resident: { name: SUBJECT.name } } }], VALUE([{ node: { points: 16, resident: { name: '王**' } } }])),
    }),
  },

  // meetings
  residentRow('Resident.invitations', 'meetings', 'invitations { totalCount edges { node { id } } }', ['invitations'], (facts) => personal(page(...ids(facts.participantId)), FORBIDDEN)),
  residentRow('Resident.attendance', 'meetings', 'attendance { totalCount edges { node { id attended } } }', ['attendance'], (facts) =>
    personal(page({ id: facts.participantId, attended: true }), FORBIDDEN),
  ),
  residentRow('Resident.microProjectVotes', 'meetings', 'microProjectVotes { totalCount edges { node { id } } }', ['microProjectVotes'], (facts) =>
    personal(page(...ids(facts.microProjectId)), FORBIDDEN),
  ),
  {
    field: 'Participant.resident',
    department: 'meetings',
    subject: herself,
    query: `query($id: ID!) { meeting(id: $id) { participants { edges { node { resident { id } } } } } }`,
    variables: (facts) => ({ id: facts.meetingId }),
    path: ['meeting', 'participants', 'edges'],
    // Who took part in a meeting is on its record for signed-in callers; an analyst gets the person as null.
    expected: (facts) => ({
      ...personal([{ node: { resident: { id: facts.residentId } } }], VALUE([{ node: { resident: { id: facts.residentId } } }])),
      analyst: VALUE([{ node: { resident: null } }]),
    }),
  },

  // organisations
  residentRow('Resident.activities', 'organisations', 'activities { edges { node { id } } }', ['activities'], (facts) => personal({ edges: ids(facts.activityId).map((node) => ({ node })) }, FORBIDDEN)),
  residentRow('Resident.serviceHours', 'organisations', 'serviceHours', ['serviceHours'], () => personal(2, FORBIDDEN)),
  {
    field: 'HouseholdVisit.recordedBy',
    department: 'organisations',
    subject: herself,
    query: `query($id: ID!) { mobilisation(id: $id) { visits { edges { node { recordedBy { id } } } } } }`,
    variables: (facts) => ({ id: facts.mobilisationId }),
    path: ['mobilisation', 'visits', 'edges'],
    // Who knocked is read with the mobilisation (staff over the grid, its responsible person: here herself, services) or not at all.
    expected: (facts) => personal([{ node: { recordedBy: { id: facts.residentId } } }], FORBIDDEN),
  },

  // wishes
  residentRow('Resident.wishes', 'wishes', 'wishes { totalCount edges { node { id } } }', ['wishes'], (facts) => personal(page(...ids(facts.ownWishId)), FORBIDDEN)),
  residentRow('Resident.claimedWishes', 'wishes', 'claimedWishes { totalCount edges { node { id } } }', ['claimedWishes'], (facts) =>
    personal(page(...ids(facts.claimedWishId)), FORBIDDEN),
  ),
  // The subject claimed one wish in September 2030 (the test's clock).
  residentRow('Resident.scorecard', 'wishes', 'scorecard(period: { from: "2030-09", to: "2030-10" }) { claimed }', ['scorecard'], () => personal({ claimed: 1 }, FORBIDDEN)),
  {
    field: 'Wish.requester',
    department: 'wishes',
    subject: herself,
    query: `query($id: ID!) { wish(id: $id) { requester { id } } }`,
    variables: (facts) => ({ id: facts.ownWishId }),
    path: ['wish', 'requester'],
    expected: (facts) => ({ ...personal({ id: facts.residentId }, NULL), anonymous: NULL, analyst: NULL }),
  },
  {
    field: 'Wish.claimant',
    department: 'wishes',
    subject: herself,
    query: `query($id: ID!) { wish(id: $id) { claimant { ... on Resident { id } } } }`,
    variables: (facts) => ({ id: facts.claimedWishId }),
    path: ['wish', 'claimant'],
    // Who took a published wish on is on its public record, for signed-in callers but analysts.
    expected: (facts) => ({ ...personal({ id: facts.residentId }, VALUE({ id: facts.residentId })), anonymous: NULL, analyst: NULL }),
  },

  // resources
  residentRow('Resident.bookings', 'resources', 'bookings { edges { node { id } } }', ['bookings'], (facts) => personal({ edges: ids(facts.bookingId).map((node) => ({ node })) }, FORBIDDEN)),
  {
    field: 'Booking.booker',
    department: 'resources',
    subject: herself,
    query: `query($id: ID!) { booking(id: $id) { booker { ... on Resident { id } } } }`,
    variables: (facts) => ({ id: facts.bookingId }),
    path: ['booking', 'booker'],
    expected: (facts) => personal({ id: facts.residentId }, FORBIDDEN),
  },
  ...fundRows(),
];

/** Who received hardship money, and why: the fund's managers (community worker and street admin in scope) and services only. */
function fundRows(): MatrixRow[] {
  const managersOnly = (value: unknown): Record<Caller, Outcome> => ({
    anonymous: UNAUTHENTICATED,
    'the resident': FORBIDDEN,
    'another resident': FORBIDDEN,
    volunteer: FORBIDDEN,
    'grid worker in scope': FORBIDDEN,
    'community worker out of scope': FORBIDDEN,
    'street admin': VALUE(value),
    analyst: FORBIDDEN,
    service: VALUE(value),
  });
  return [
    {
      field: 'Query.disbursement',
      department: 'resources',
      subject: herself,
      query: `query($id: ID!) { disbursement(id: $id) { recipient { id } amountFen reason } }`,
      variables: (facts) => ({ id: facts.disbursementId }),
      path: ['disbursement'],
      expected: (facts) => managersOnly({ recipient: { id: facts.residentId }, amountFen: 200_000, reason: '残疾人康复补助' }),
    },
    {
      field: 'Fund.disbursements',
      department: 'resources',
      subject: herself,
      query: `query($id: ID!) { resource(id: $id) { fund { disbursements { edges { node { id recipient { id } } } } } } }`,
      variables: (facts) => ({ id: facts.fundId }),
      path: ['resource', 'fund', 'disbursements'],
      expected: (facts) => managersOnly({ edges: [{ node: { id: facts.disbursementId, recipient: { id: facts.residentId } } }] }),
    },
    {
      field: 'Fund.ledger',
      department: 'resources',
      subject: herself,
      query: `query($id: ID!) { resource(id: $id) { fund { ledger { edges { node { kind note } } } } } }`,
      variables: (facts) => ({ id: facts.fundId }),
      path: ['resource', 'fund', 'ledger'],
      expected: () =>
        managersOnly({
          edges: [{ node: { kind: 'DISBURSEMENT', note: '残疾人康复补助' } }, { node: { kind: 'DEPOSIT', note: '街道年度帮扶资金拨款' } }],
        }),
    },
  ];
}

/** The matrix's size: every field read by every kind of caller. */
export const MATRIX_CELLS = MATRIX.length * CALLERS.length;
