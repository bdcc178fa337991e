import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphTester, RACE_TIMEOUT, repeatRace, expectError, summaryOf } from '@civic/test-harness';
import { Types } from 'mongoose';
import { residentsSubgraph } from '../src/subgraph.ts';
import { createHousehold, dataOf, errorOf, registerResident, setPartyMembership, type Tester } from './support/operations.ts';
import { GRID, ORG, organisationsGraph, VIEWERS } from './support/world.ts';
import { notAnId } from '@civic/service-kit';
import { coreMemberForHousehold, coreMemberFull, householdAlreadyPaired, leaderNotCoreMember, leaderNotPartyMember, memberAlreadyPaired, memberFull, memberNotPartyMember, memberStillPaired, pairCoreMemberOutOfScope } from '../src/errors.ts';
import { HOUSEHOLDS_PER_MEMBER, MEMBERS_PER_CORE_MEMBER } from '../src/domain/pairing.ts';

const PAIR_MEMBER = `mutation($coreMemberId: ID!, $memberId: ID!) {
  pairMemberWithCore(coreMemberId: $coreMemberId, memberId: $memberId) { coreMember { name } member { name } }
}`;
const PAIR_HOUSEHOLD = `mutation($memberId: ID!, $householdId: ID!) {
  pairHouseholdWithMember(memberId: $memberId, householdId: $householdId) { member { name } household { room } }
}`;

// Every round pairs members and households of its own and looks only at them: rounds run four at a time.
const ROUNDS_AT_ONCE = { roundsAtOnce: 4 };

let tester: Tester;
let householdIds: string[];
let coreId: string;
let otherCoreId: string;
let memberIds: string[];
let neighbourId: string;

beforeAll(async () => {
  tester = await createSubgraphTester(residentsSubgraph, { graph: organisationsGraph() });
  householdIds = [];
  for (let room = 1; room <= 20; room++) {
    householdIds.push(await createHousehold(tester, { gridId: GRID.microA, building: '7栋', unit: '1单元', room: String(100 + room) }));
  }
  coreId = await registerResident(tester, { householdId: householdIds[0]!, name: '党建华', birthYear: 1960 });
  otherCoreId = await registerResident(tester, { householdId: householdIds[1]!, name: '党卫东', birthYear: 1962 });
  await setPartyMembership(tester, coreId, ORG.branchA, true);
  await setPartyMembership(tester, otherCoreId, ORG.branchA, true);
  memberIds = [];
  for (let index = 0; index < 20; index++) {
    const memberId = await registerResident(tester, { householdId: householdIds[index]!, name: `党员${String.fromCharCode(0x4e00 + index)}` });
    await setPartyMembership(tester, memberId, ORG.branchA);
    memberIds.push(memberId);
  }
  neighbourId = await registerResident(tester, { householdId: householdIds[2]!, name: '群众甲' });
});
afterAll(() => tester.close());

let nextRoom = 1001;
/** A household no test has used, at an address of its own. */
function aFreshHousehold(): Promise<string> {
  return createHousehold(tester, { gridId: GRID.microA, building: '8栋', unit: '2单元', room: String(nextRoom++) });
}

/** A party member of branch A no test has paired yet. */
async function aFreshPartyMember(name: string, core = false): Promise<string> {
  const memberId = await registerResident(tester, { householdId: householdIds[5]!, name });
  await setPartyMembership(tester, memberId, ORG.branchA, core);
  return memberId;
}

async function pairHouseholds(memberId: string, householdIds: readonly string[]) {
  return Promise.all(householdIds.map((householdId) => tester.execute(PAIR_HOUSEHOLD, { memberId, householdId }, VIEWERS.communityWorkerA)));
}

describe('pairMemberWithCore', () => {
  it('admits exactly 3 of 8 concurrent pairings with one core member, round after round', async () => {
    await repeatRace(async () => {
      const core = await aFreshPartyMember('党骨干', true);
      const members = await Promise.all(Array.from({ length: 8 }, () => aFreshPartyMember('党员')));
      const results = await Promise.all(members.map((memberId) => tester.execute(PAIR_MEMBER, { coreMemberId: core, memberId }, VIEWERS.communityWorkerA)));
      const refused = results.filter((result) => result.errors.length > 0).map(errorOf);
      expect(results.length - refused.length).toBe(3);
      expect(refused).toEqual(Array.from({ length: 5 }, () => summaryOf(coreMemberFull(core, MEMBERS_PER_CORE_MEMBER))));
      const pairings = await tester.models.MemberPairing.find({ coreMemberId: new Types.ObjectId(core) }, { slot: 1, _id: 0 }).sort({ slot: 1 }).lean();
      expect(pairings.map((pairing) => pairing.slot)).toEqual([0, 1, 2]);
    }, ROUNDS_AT_ONCE);
  }, RACE_TIMEOUT);

  it('shows the pairing from both sides', async () => {
    for (const memberId of memberIds.slice(0, 3)) dataOf(await tester.execute(PAIR_MEMBER, { coreMemberId: coreId, memberId }, VIEWERS.communityWorkerA));
    const paired = (await tester.models.MemberPairing.find({ coreMemberId: new Types.ObjectId(coreId) }).sort({ slot: 1 }).lean()).map((pairing) =>
      pairing.memberId.toHexString(),
    );
    const result = await tester.execute(
      'query($core: ID!, $member: ID!) { core: resident(id: $core) { pairedMembers { id } pairedCoreMember { id } } member: resident(id: $member) { pairedCoreMember { id } } }',
      { core: coreId, member: paired[0] },
      VIEWERS.communityWorkerA,
    );
    expect(dataOf(result)).toEqual({ core: { pairedMembers: paired.map((id) => ({ id })), pairedCoreMember: null }, member: { pairedCoreMember: { id: coreId } } });
  });

  it('admits only one of two concurrent pairings of the same member, round after round', async () => {
    await repeatRace(async () => {
      const memberId = await aFreshPartyMember('党员争');
      const cores = await Promise.all([aFreshPartyMember('党骨干甲', true), aFreshPartyMember('党骨干乙', true)]);
      const results = await Promise.all(cores.map((coreMemberId) => tester.execute(PAIR_MEMBER, { coreMemberId, memberId }, VIEWERS.communityWorkerA)));
      expect(results.filter((result) => result.errors.length === 0).length).toBe(1);
      expect(results.filter((result) => result.errors.length > 0).map(errorOf)).toEqual([
        summaryOf(memberAlreadyPaired(memberId)),
      ]);
      expect(await tester.models.MemberPairing.countDocuments({ memberId: new Types.ObjectId(memberId) })).toBe(1);
    }, ROUNDS_AT_ONCE);
  }, RACE_TIMEOUT);

  it('frees a slot when a member is unpaired', async () => {
    const [first] = await tester.models.MemberPairing.find({ coreMemberId: new Types.ObjectId(coreId) }).sort({ slot: 1 }).lean();
    const freed = first!.memberId.toHexString();
    const unpaired = await tester.execute('mutation($id: ID!) { unpairMember(memberId: $id) { pairedCoreMember { id } } }', { id: freed }, VIEWERS.communityWorkerA);
    expect(dataOf(unpaired)).toEqual({ unpairMember: { pairedCoreMember: null } });
    const unpairedIds = new Set((await tester.models.MemberPairing.find({}, { memberId: 1 }).lean()).map((pairing) => pairing.memberId.toHexString()));
    const next = memberIds.find((id) => !unpairedIds.has(id) && id !== freed)!;
    expect(dataOf(await tester.execute(PAIR_MEMBER, { coreMemberId: coreId, memberId: next }, VIEWERS.communityWorkerA))).toEqual({
      pairMemberWithCore: { coreMember: { name: '党建华' }, member: { name: (await tester.models.Resident.findById(next).lean())!.name } },
    });
    expect((await tester.models.MemberPairing.findOne({ memberId: new Types.ObjectId(next) }).lean())?.slot).toBe(0);
  });

  it('refuses ineligible pairings, writing nothing', async () => {
    const before = await tester.models.MemberPairing.countDocuments();
    const free = memberIds[19]!;
    expectError(await tester.execute(PAIR_MEMBER, { coreMemberId: neighbourId, memberId: free }, VIEWERS.communityWorkerA), leaderNotPartyMember());
    expectError(await tester.execute(PAIR_MEMBER, { coreMemberId: free, memberId: memberIds[18] }, VIEWERS.communityWorkerA), leaderNotCoreMember());
    expectError(await tester.execute(PAIR_MEMBER, { coreMemberId: coreId, memberId: 'nobody' }, VIEWERS.communityWorkerA), notAnId('memberId'));
    expectError(await tester.execute(PAIR_MEMBER, { coreMemberId: otherCoreId, memberId: free }, VIEWERS.communityWorkerB), pairCoreMemberOutOfScope());
    expect(await tester.models.MemberPairing.countDocuments()).toBe(before);
  });

  it('keeps a paired member a party member until unpaired', async () => {
    const paired = (await tester.models.MemberPairing.findOne({ coreMemberId: new Types.ObjectId(coreId) }).lean())!.memberId.toHexString();
    const result = await tester.execute(
      'mutation($id: ID!) { setPartyMembership(residentId: $id, membership: null) { id } }',
      { id: paired },
      VIEWERS.communityWorkerA,
    );
    expectError(result, memberStillPaired());
    expect((await tester.models.Resident.findById(paired).lean())?.partyMembership?.branchId.toHexString()).toBe(ORG.branchA);
  });
});

describe('pairHouseholdWithMember', () => {
  it('admits exactly 10 of 12 concurrent pairings with one member, round after round', async () => {
    await repeatRace(async () => {
      const memberId = await aFreshPartyMember('党员');
      const results = await pairHouseholds(memberId, await Promise.all(Array.from({ length: 12 }, aFreshHousehold)));
      const refused = results.filter((result) => result.errors.length > 0).map(errorOf);
      expect(results.length - refused.length).toBe(10);
      expect(refused).toEqual(Array.from({ length: 2 }, () => summaryOf(memberFull(memberId, HOUSEHOLDS_PER_MEMBER))));
      const listed = dataOf<{ resident: { pairedHouseholds: { id: string }[] } }>(
        await tester.execute('query($id: ID!) { resident(id: $id) { pairedHouseholds { id } } }', { id: memberId }, VIEWERS.communityWorkerA),
      );
      expect(listed.resident.pairedHouseholds.length).toBe(10);
    }, ROUNDS_AT_ONCE);
  }, RACE_TIMEOUT);

  it('admits one of 4 concurrent pairings with a member who has 9 households, then none of the 3 left out, round after round', async () => {
    await repeatRace(async () => {
      const memberId = await aFreshPartyMember('党员');
      const households = await Promise.all(Array.from({ length: 13 }, aFreshHousehold));
      expect((await pairHouseholds(memberId, households.slice(0, 9))).flatMap((result) => result.errors)).toEqual([]);
      const full = summaryOf(memberFull(memberId, HOUSEHOLDS_PER_MEMBER));

      const forTheTenth = households.slice(9);
      const tenth = await pairHouseholds(memberId, forTheTenth);
      expect(tenth.filter((result) => result.errors.length > 0).map(errorOf)).toEqual([full, full, full]);
      // The member is full now: the households left out cannot be the eleventh either.
      const leftOut = forTheTenth.filter((_, index) => tenth[index]!.errors.length > 0);
      expect((await pairHouseholds(memberId, leftOut)).map(errorOf)).toEqual([full, full, full]);
      const slots = await tester.models.HouseholdPairing.find({ memberId: new Types.ObjectId(memberId) }, { slot: 1, _id: 0 }).sort({ slot: 1 }).lean();
      expect(slots.map((pairing) => pairing.slot)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(await tester.models.HouseholdPairing.countDocuments({ householdId: { $in: leftOut.map((id) => new Types.ObjectId(id)) } })).toBe(0);
    }, ROUNDS_AT_ONCE);
  }, RACE_TIMEOUT);

  it('keeps a household with one member, and unpairs it', async () => {
    const paired = (await tester.models.HouseholdPairing.findOne({}).sort({ slot: 1 }).lean())!;
    const householdId = paired.householdId.toHexString();
    const memberId = memberIds[18]!;
    expectError(await tester.execute(PAIR_HOUSEHOLD, { memberId, householdId }, VIEWERS.communityWorkerA), householdAlreadyPaired(householdId));
    const read = await tester.execute('query($id: ID!) { household(id: $id) { pairedMember { id } } }', { id: householdId }, VIEWERS.communityWorkerA);
    expect(dataOf(read)).toEqual({ household: { pairedMember: { id: paired.memberId.toHexString() } } });
    const unpaired = await tester.execute('mutation($id: ID!) { unpairHousehold(householdId: $id) { pairedMember { id } } }', { id: householdId }, VIEWERS.communityWorkerA);
    expect(dataOf(unpaired)).toEqual({ unpairHousehold: { pairedMember: null } });
    const memberName = (await tester.models.Resident.findById(memberId).lean())!.name;
    const room = (await tester.models.Household.findById(householdId).lean())!.room;
    expect(dataOf(await tester.execute(PAIR_HOUSEHOLD, { memberId, householdId }, VIEWERS.communityWorkerA))).toEqual({
      pairHouseholdWithMember: { member: { name: memberName }, household: { room } },
    });
  });

  it('refuses a core member and a non-member', async () => {
    expectError(await tester.execute(PAIR_HOUSEHOLD, { memberId: coreId, householdId: householdIds[0] }, VIEWERS.communityWorkerA), coreMemberForHousehold());
    expectError(await tester.execute(PAIR_HOUSEHOLD, { memberId: neighbourId, householdId: householdIds[0] }, VIEWERS.communityWorkerA), memberNotPartyMember());
  });
});
