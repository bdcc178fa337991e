import { aWorld, waitUntilApplied, waitUntilPublished, type Stack, type World } from '@civic/test-harness';
import type { ManualClock } from '@civic/service-kit';

/**
 * The resident whose facts the matrix reads, with a fact of every kind in every department, each
 * made the way users make it: through the gateway, as the staff or the resident who would.
 */
export interface SubjectFacts {
  world: World;
  otherCommunityId: string;
  gridId: string;
  /** 王秀英, an ordinary party member and volunteer in a micro-grid of the world's community. */
  residentId: string;
  householdId: string;
  /** The core party member 王秀英 is paired with (1310), whose household is paired with her. */
  coreMemberId: string;
  coreHouseholdId: string;
  /** A neighbour in the same micro-grid, and a neighbour who volunteers. */
  neighbourId: string;
  volunteerId: string;
  participantId: string;
  microProjectId: string;
  meetingId: string;
  activityId: string;
  /** A mobilisation of her micro-grid, whose responsible person she is: she recorded its one visit. */
  mobilisationId: string;
  ownWishId: string;
  /** The neighbour's wish, which 王秀英 claimed. */
  claimedWishId: string;
  bookingId: string;
  fundId: string;
  disbursementId: string;
}

export const SUBJECT = { name: '王秀英', phone: '13812345678', idNumber: '11010519491231002X', specialCare: ['DISABLED'] as const };
const DAY = 86_400_000;

export async function aSubjectWithEveryFact(stack: Stack, clock: ManualClock): Promise<SubjectFacts> {
  const world = await aWorld(stack);
  const must = async <T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => {
    const response = await stack.query<T>(query, variables, { token });
    if (response.errors.length > 0 || !response.data) throw new Error(`Building the subject failed: ${JSON.stringify(response.errors)}`);
    return response.data;
  };
  const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();
  const worker = await stack.token({ subject: 'staff:li-hong', roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
  const colleague = await stack.token({ subject: 'staff:wang-min', roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
  const residentToken = (residentId: string, roles = ['RESIDENT']) => stack.token({ roles: roles as never, residentId });

  const otherCommunityId = (
    await world.mutate<{ createOrganisation: { id: string } }>(`mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`, {
      input: { name: '滨江社区党委', kind: 'COMMUNITY_PARTY_COMMITTEE', parentId: world.streetId },
    })
  ).createOrganisation.id;
  const gridId = await world.aMicroGrid();
  const householdId = await world.aHousehold(gridId, { building: '3栋', unit: '2单元', room: '301室' });
  const residentId = await world.aResident(householdId, { ...SUBJECT, specialCare: [...SUBJECT.specialCare] });
  const coreHouseholdId = await world.aHousehold(gridId, { building: '5栋', unit: '1单元', room: '102室' });
  const coreMemberId = await world.aResident(coreHouseholdId, { name: '李建国' });
  const neighbourId = await world.aResident(await world.aHousehold(gridId), { name: '赵桂兰' });
  const volunteerId = await world.aResident(await world.aHousehold(gridId), { name: '孙德明' });

  // Residents: party membership and 1310 pairings, a volunteer profile, points from staff.
  const membership = `mutation($id: ID!, $m: PartyMembershipInput) { setPartyMembership(residentId: $id, membership: $m) { id } }`;
  const since = '2020-07-01T00:00:00.000Z';
  await world.mutate(membership, { id: residentId, m: { branchId: world.branchId, kind: 'REGULAR', since } });
  await world.mutate(membership, { id: coreMemberId, m: { branchId: world.branchId, kind: 'REGULAR', since, core: true } });
  await world.mutate(`mutation($c: ID!, $m: ID!) { pairMemberWithCore(coreMemberId: $c, memberId: $m) { pairedAt } }`, { c: coreMemberId, m: residentId });
  await world.mutate(`mutation($m: ID!, $h: ID!) { pairHouseholdWithMember(memberId: $m, householdId: $h) { pairedAt } }`, { m: residentId, h: coreHouseholdId });
  const profile = `mutation($id: ID!, $p: VolunteerProfileInput) { setVolunteerProfile(residentId: $id, profile: $p) { id } }`;
  await world.mutate(profile, { id: residentId, p: { skills: ['陪同就医'], teamIds: [] } });
  await world.mutate(profile, { id: volunteerId, p: { skills: ['买菜代购'], teamIds: [] } });
  await must(`mutation($input: PointsAwardInput!) { awardPoints(input: $input) { id } }`, { input: { residentId, amount: 5, source: 'AWARD', reason: '协助社区人口普查' } }, worker);

  // Organisations: an activity she signed up for (checked in below, once it runs).
  const activityId = await world.anActivity({ title: '重阳节敬老活动' });
  await world.signUp(residentId, activityId);
  // Organisations: as the grid's responsible person she knocks on her neighbour's door in a mobilisation.
  await world.mutate(`mutation($g: ID!, $r: ID!) { assignGridResponsible(gridId: $g, residentId: $r) { id } }`, { g: gridId, r: residentId });
  const mobilisationId = (
    await must<{ startMobilisation: { id: string } }>(`mutation($input: StartMobilisationInput!) { startMobilisation(input: $input) { id } }`, { input: { gridId, reason: '燃气安全入户告知' } }, worker)
  ).startMobilisation.id;
  await must(`mutation($input: RecordHouseholdVisitInput!) { recordHouseholdVisit(input: $input) { id } }`, { input: { mobilisationId, householdId: coreHouseholdId, outcome: 'REACHED' } }, await residentToken(residentId));
  await must(`mutation($id: ID!) { closeMobilisation(id: $id) { id } }`, { id: mobilisationId }, worker);

  // Meetings: invited to a coordination meeting she attended, and a vote for a micro-project.
  const meetingId = (
    await must<{ scheduleMeeting: { id: string } }>(
      `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
      { input: { kind: 'COORDINATION', title: '3栋加装电梯协调会', hostIds: [world.communityId], startsAt: inDays(1), place: '新城社区党群服务中心' } },
      worker,
    )
  ).scheduleMeeting.id;
  const participantId = (
    await must<{ inviteParticipant: { id: string } }>(`mutation($input: InviteParticipantInput!) { inviteParticipant(input: $input) { id } }`, { input: { meetingId, residentId, role: 'RESIDENT_REP' } }, worker)
  ).inviteParticipant.id;
  const microProjectId = (
    await must<{ proposeMicroProject: { id: string } }>(
      `mutation($input: ProposeMicroProjectInput!) { proposeMicroProject(input: $input) { id } }`,
      { input: { communityId: world.communityId, title: '楼道声控灯更换', description: '楼道声控灯更换，请居民投票。', estimatedCost: 120_000, votingOpensAt: inDays(0), votingClosesAt: inDays(10) } },
      worker,
    )
  ).proposeMicroProject.id;
  await must(`mutation($id: ID!) { voteForMicroProject(microProjectId: $id) { votes } }`, { id: microProjectId }, await residentToken(residentId));
  clock.advance(DAY);
  await must(`mutation($id: ID!) { openMeeting(id: $id) { status } }`, { id: meetingId }, worker);
  await must(`mutation($id: ID!) { recordAttendance(participantId: $id, attended: true) { id } }`, { id: participantId }, worker);

  // Wishes: her own wish, published; and her neighbour's, which she claimed as a volunteer.
  const submit = async (requesterId: string, title: string) =>
    (
      await must<{ submitWish: { id: string } }>(
        `mutation($input: SubmitWishInput!) { submitWish(input: $input) { id } }`,
        { input: { kind: 'WISH', category: 'PUBLIC_WELFARE', title, description: `${title}，谢谢邻居们。`, tags: ['助老'], channel: 'APP', communityId: world.communityId, gridId } },
        await residentToken(requesterId),
      )
    ).submitWish.id;
  const ownWishId = await submit(residentId, '帮忙修理轮椅');
  const claimedWishId = await submit(neighbourId, '帮忙买菜送上门');
  for (const id of [ownWishId, claimedWishId]) await must(`mutation($id: ID!) { publishWish(id: $id) { status } }`, { id }, worker);
  // After a day a published wish is open to the whole community.
  clock.advance(DAY);
  await must(`mutation($id: ID!) { claimWish(id: $id) { status } }`, { id: claimedWishId }, await residentToken(residentId, ['RESIDENT', 'VOLUNTEER', 'PARTY_MEMBER']));

  // Resources: a wheelchair she booked, and a hardship allowance paid to her.
  const createResource = async (input: Record<string, unknown>) =>
    (await must<{ createResource: { id: string } }>(`mutation($input: CreateResourceInput!) { createResource(input: $input) { id } }`, { input }, worker)).createResource.id;
  const served = { providerOrganisationId: world.communityId, servedOrganisationId: world.communityId };
  const wheelchairs = await createResource({ pool: 'PUBLIC_WELFARE', kind: 'GOODS', title: '爱心轮椅', description: '借用给行动不便的居民。', stock: 3, ...served });
  const bookingId = (
    await must<{ bookResource: { id: string } }>(`mutation($input: BookResourceInput!) { bookResource(input: $input) { id } }`, { input: { resourceId: wheelchairs, quantity: 1 } }, await residentToken(residentId))
  ).bookResource.id;
  const fundId = await createResource({ pool: 'ADMINISTRATIVE', kind: 'FUND', title: '困难群众帮扶基金', description: '用于大病探望和困难补助。', ...served });
  await must(`mutation($input: DepositToFundInput!) { depositToFund(input: $input) { amountFen } }`, { input: { fundId, amountFen: 500_000, note: '街道年度帮扶资金拨款' } }, worker);
  const disbursementId = (
    await must<{ proposeDisbursement: { id: string } }>(
      `mutation($input: ProposeDisbursementInput!) { proposeDisbursement(input: $input) { id } }`,
      { input: { fundId, recipientId: residentId, amountFen: 200_000, reason: '残疾人康复补助' } },
      worker,
    )
  ).proposeDisbursement.id;
  await must(`mutation($id: ID!) { approveDisbursement(id: $id) { status } }`, { id: disbursementId }, colleague);

  // The activity runs: she is checked in for 2 hours, which earns points as her attendance did.
  clock.set(new Date('2030-10-01T02:00:00.000Z'));
  await must(`mutation($input: CheckInParticipantInput!) { checkInParticipant(input: $input) { hours } }`, { input: { activityId, residentId, hours: 2 } }, worker);
  await pointsSettled(stack);

  return {
    world,
    otherCommunityId,
    gridId,
    residentId,
    householdId,
    coreMemberId,
    coreHouseholdId,
    neighbourId,
    volunteerId,
    participantId,
    microProjectId,
    meetingId,
    activityId,
    mobilisationId,
    ownWishId,
    claimedWishId,
    bookingId,
    fundId,
    disbursementId,
  };
}

/** Waits until the points consumer has applied every check-in and attendance event, so the balance is final. */
async function pointsSettled(stack: Stack): Promise<void> {
  for (const department of ['organisations', 'meetings']) {
    const source = stack.subgraph(department);
    await waitUntilPublished(source);
    const ids = (await source.eventCollections.outbox.find({ 'event.kind': { $in: ['activity.checkedIn', 'meeting.attended'] } }, { _id: 1 }).lean()).map((entry) => entry._id);
    await waitUntilApplied(stack.subgraph('residents'), 'residents-points', ids);
  }
}
