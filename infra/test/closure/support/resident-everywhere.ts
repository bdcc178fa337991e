import { expect } from 'vitest';
import type { ManualClock } from '@civic/service-kit';
import type { Stack, World } from '@civic/test-harness';

/**
 * A resident with records in every department, made through the gateway as users make them, and
 * the neighbours those records share: the world an account closure is tested in.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const CLOSING = { name: '周建国', phone: '13912345678', idNumber: '320105198001010015' };

export interface EverywhereRecords {
  residentId: string;
  residentToken: string;
  /** A neighbour beside the resident in the shared records: signs up, votes, is invited, waits for parking, asks for the wish the resident serves. */
  neighbourId: string;
  neighbourToken: string;
  coreMemberId: string;
  /** The volunteer who serves the resident's wish. */
  helperId: string;
  pairedHouseholdId: string;
  activityId: string;
  /** A mobilisation of the grid, in which the resident, its responsible person, recorded a visit to the neighbour's door. */
  mobilisationId: string;
  requestedWishId: string;
  servedWishId: string;
  bookingId: string;
  parkingId: string;
  parkingApplicationId: string;
  neighbourApplicationId: string;
  fundId: string;
  paidDisbursementId: string;
  proposedDisbursementId: string;
  meetingId: string;
  microProjectId: string;
}

export class EverywhereBuilder {
  constructor(
    private readonly stack: Stack,
    private readonly world: World,
    private readonly clock: ManualClock,
    /** Community worker tokens: one proposes a disbursement, the other approves it. */
    private readonly workerToken: string,
    private readonly secondWorkerToken: string,
  ) {}

  async must<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const response = await this.stack.query<T>(query, variables, { token });
    expect(response.errors).toEqual([]);
    return response.data!;
  }

  private async id(query: string, variables: Record<string, unknown>, token: string): Promise<string> {
    const data = await this.must<Record<string, { id: string }>>(query, variables, token);
    return Object.values(data)[0]!.id;
  }

  async build(gridId: string): Promise<EverywhereRecords> {
    const { world, workerToken } = this;
    const communityId = world.communityId;
    // residents: personal facts, party membership and a 1310 pairing, a volunteer profile, points.
    const residentId = await world.aResident(await world.aHousehold(gridId), { ...CLOSING, specialCare: ['DISABLED'] });
    const neighbourHouseholdId = await world.aHousehold(gridId);
    const neighbourId = await world.aResident(neighbourHouseholdId, { name: '吴春花' });
    const coreMemberId = await world.aResident(await world.aHousehold(gridId), { name: '陈德明' });
    const pairedHouseholdId = await world.aHousehold(gridId);
    const membership = (core: boolean) => ({ branchId: world.branchId, kind: 'REGULAR', since: '2001-07-01T00:00:00.000Z', core });
    const setMembership = 'mutation($id: ID!, $m: PartyMembershipInput) { setPartyMembership(residentId: $id, membership: $m) { id } }';
    await this.must(setMembership, { id: coreMemberId, m: membership(true) }, world.adminToken);
    await this.must(setMembership, { id: residentId, m: membership(false) }, world.adminToken);
    await this.must('mutation($c: ID!, $m: ID!) { pairMemberWithCore(coreMemberId: $c, memberId: $m) { pairedAt } }', { c: coreMemberId, m: residentId }, workerToken);
    await this.must('mutation($m: ID!, $h: ID!) { pairHouseholdWithMember(memberId: $m, householdId: $h) { pairedAt } }', { m: residentId, h: pairedHouseholdId }, workerToken);
    await this.must('mutation($id: ID!, $p: VolunteerProfileInput) { setVolunteerProfile(residentId: $id, profile: $p) { id } }', { id: residentId, p: { skills: ['买菜代购'], teamIds: [] } }, world.adminToken);
    await this.must('mutation($input: PointsAwardInput!) { awardPoints(input: $input) { balanceAfter } }', { input: { residentId, amount: 5, source: 'AWARD', reason: '协助社区防汛值守' } }, workerToken);
    const residentToken = await this.stack.token({ roles: ['RESIDENT', 'VOLUNTEER'], residentId });
    const neighbourToken = await this.stack.token({ roles: ['RESIDENT'], residentId: neighbourId });

    // organisations: both sign up for an activity (checked in at the end, when it has taken place).
    const activityId = await world.anActivity({ title: '重阳节敬老活动' });
    await world.signUp(residentId, activityId);
    await world.signUp(neighbourId, activityId);
    // The resident is the grid's responsible person and knocks on the neighbour's door in a mobilisation.
    await this.must('mutation($g: ID!, $r: ID!) { assignGridResponsible(gridId: $g, residentId: $r) { id } }', { g: gridId, r: residentId }, world.adminToken);
    const mobilisationId = await this.id('mutation($input: StartMobilisationInput!) { startMobilisation(input: $input) { id } }', { input: { gridId, reason: '防汛转移逐户通知' } }, workerToken);
    await this.must('mutation($input: RecordHouseholdVisitInput!) { recordHouseholdVisit(input: $input) { id } }', { input: { mobilisationId, householdId: neighbourHouseholdId, outcome: 'NOT_AT_HOME' } }, residentToken);
    await this.must('mutation($id: ID!) { closeMobilisation(id: $id) { id } }', { id: mobilisationId }, workerToken);

    // resources: a booking with a note, a parking place (the neighbour waits behind), a payment and a proposal.
    const resource = (input: Record<string, unknown>) =>
      this.id('mutation($input: CreateResourceInput!) { createResource(input: $input) { id } }', { input: { providerOrganisationId: communityId, servedOrganisationId: communityId, ...input } }, world.adminToken);
    const wheelchairs = await resource({ pool: 'PUBLIC_WELFARE', kind: 'GOODS', title: '爱心轮椅', description: '供行动不便的居民临时借用。', tags: ['助老'], stock: 3 });
    const bookingId = await this.id('mutation($input: BookResourceInput!) { bookResource(input: $input) { id } }', { input: { resourceId: wheelchairs, quantity: 1, note: '复诊用，腿伤未愈' } }, residentToken);
    const parkingId = await resource({ pool: 'MARKET', kind: 'PARKING', title: '江心洲商业广场共享车位', description: '夜间及周末向周边居民开放。', tags: ['停车'], parkingPlaces: 1 });
    const apply = 'mutation($r: ID!) { applyForParking(resourceId: $r) { id } }';
    const parkingApplicationId = await this.id(apply, { r: parkingId }, residentToken);
    const neighbourApplicationId = await this.id(apply, { r: parkingId }, neighbourToken);
    const fundId = await resource({ pool: 'ADMINISTRATIVE', kind: 'FUND', title: '困难群众帮扶基金', description: '用于大病探望和困难补助。', tags: ['帮扶'] });
    await this.must('mutation($input: DepositToFundInput!) { depositToFund(input: $input) { amountFen } }', { input: { fundId, amountFen: 500_000, note: '街道年度帮扶资金拨款' } }, world.adminToken);
    const propose = (amountFen: number, reason: string) =>
      this.id('mutation($input: ProposeDisbursementInput!) { proposeDisbursement(input: $input) { id } }', { input: { fundId, recipientId: residentId, amountFen, reason } }, workerToken);
    const paidDisbursementId = await propose(80_000, '残疾人康复补助');
    await this.must('mutation($id: ID!) { approveDisbursement(id: $id) { status } }', { id: paidDisbursementId }, this.secondWorkerToken);
    const proposedDisbursementId = await propose(50_000, '困难补助');

    // meetings: a micro-project both vote for, a meeting both are invited to and attend.
    const inDays = (days: number) => new Date(this.clock.now().getTime() + days * DAY).toISOString();
    const microProjectId = await this.id(
      'mutation($input: ProposeMicroProjectInput!) { proposeMicroProject(input: $input) { id } }',
      { input: { communityId, title: '楼道声控灯更换', description: '楼道声控灯更换，请居民投票。', estimatedCost: 500_000, votingOpensAt: this.clock.now().toISOString(), votingClosesAt: inDays(10) } },
      workerToken,
    );
    const vote = 'mutation($id: ID!) { voteForMicroProject(microProjectId: $id) { votes } }';
    await this.must(vote, { id: microProjectId }, residentToken);
    await this.must(vote, { id: microProjectId }, neighbourToken);
    const meetingId = await this.id('mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }', { input: { kind: 'COORDINATION', title: '3栋夜间噪音协调会', hostIds: [communityId], startsAt: inDays(1), place: '社区议事厅' } }, workerToken);
    const invite = (invitee: string) => this.id('mutation($input: InviteParticipantInput!) { inviteParticipant(input: $input) { id } }', { input: { meetingId, residentId: invitee, role: 'RESIDENT_REP' } }, workerToken);
    const seats = [await invite(residentId), await invite(neighbourId)];

    // wishes: one the resident asks for (served by a volunteer), one the resident serves for the neighbour.
    const helperId = await world.aResident(await world.aHousehold(gridId), { name: '李志强' });
    await this.must('mutation($id: ID!, $p: VolunteerProfileInput) { setVolunteerProfile(residentId: $id, profile: $p) { id } }', { id: helperId, p: { skills: ['买菜代购'], teamIds: [] } }, world.adminToken);
    const helperToken = await this.stack.token({ roles: ['RESIDENT', 'VOLUNTEER'], residentId: helperId });
    const submit = (title: string, description: string, token: string) =>
      this.id('mutation($input: SubmitWishInput!) { submitWish(input: $input) { id } }', { input: { kind: 'WISH', category: 'PUBLIC_WELFARE', title, description, tags: ['助老'], channel: 'APP', communityId, gridId } }, token);
    const requestedWishId = await submit('帮忙买菜送上门', '我患有糖尿病，腿脚不便，每周需要有人帮忙买一次菜', residentToken);
    const servedWishId = await submit('帮忙取快递', '快递放在小区门口驿站，我行动不便', neighbourToken);
    for (const id of [requestedWishId, servedWishId]) await this.must('mutation($id: ID!) { publishWish(id: $id) { id } }', { id }, workerToken);

    // notifications: the resident's own channel choice, before their wish moves.
    await this.must('mutation($c: [NotificationChoiceInput!]!) { setNotificationPreferences(choices: $c) { __typename } }', { c: [{ kind: 'WISH_STATUS_CHANGED', channels: ['SMS'] }] }, residentToken);

    // A day on: volunteers may claim, the meeting opens.
    this.clock.advance(25 * HOUR);
    const serve = async (id: string, token: string) => {
      await this.must('mutation($id: ID!) { claimWish(id: $id) { id } }', { id }, token);
      await this.must('mutation($id: ID!) { startWishService(id: $id) { id } }', { id }, token);
      await this.must('mutation($id: ID!) { fulfilWish(id: $id, note: "已送到家中") { id } }', { id }, token);
    };
    await serve(requestedWishId, helperToken);
    await serve(servedWishId, residentToken);
    await this.must('mutation($id: ID!) { confirmWish(id: $id, rating: 4, comment: "谢谢小李，降压药也帮我带了") { id } }', { id: requestedWishId }, residentToken);
    await this.must('mutation($id: ID!) { confirmWish(id: $id, rating: 5, comment: "很及时") { id } }', { id: servedWishId }, neighbourToken);
    await this.must('mutation($id: ID!) { openMeeting(id: $id) { status } }', { id: meetingId }, workerToken);
    for (const seat of seats) await this.must('mutation($id: ID!) { recordAttendance(participantId: $id, attended: true) { id } }', { id: seat }, workerToken);

    // The activity takes place: both are checked in.
    this.clock.set(new Date('2030-10-01T02:00:00.000Z'));
    for (const participant of [residentId, neighbourId]) {
      await this.must('mutation($input: CheckInParticipantInput!) { checkInParticipant(input: $input) { hours } }', { input: { activityId, residentId: participant, hours: 2.5 } }, workerToken);
    }
    return {
      residentId,
      residentToken,
      neighbourId,
      neighbourToken,
      coreMemberId,
      helperId,
      pairedHouseholdId,
      activityId,
      mobilisationId,
      requestedWishId,
      servedWishId,
      bookingId,
      parkingId,
      parkingApplicationId,
      neighbourApplicationId,
      fundId,
      paidDisbursementId,
      proposedDisbursementId,
      meetingId,
      microProjectId,
    };
  }
}
