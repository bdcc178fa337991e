import type { Types } from 'mongoose';
import type { HouseholdPairingDocument, MemberPairingDocument, ResidentDocument } from '../models/index.ts';
import { requireMembershipSince, PARTY_JOINING_AGE } from '../domain/party-membership.ts';
import { checkHouseholdPairing, checkMemberPairing, HOUSEHOLDS_PER_MEMBER, MEMBERS_PER_CORE_MEMBER } from '../domain/pairing.ts';
import type { PartyMembershipKind } from '../domain/vocabulary.ts';
import { ageOf, chinaTime, fixedDateBetween, fixedDateInYear, REFERENCE_DATE, REFERENCE_YEAR, SEED_SUBJECT, type GridResponsible, type ObjectIdSource, type Random } from '@civic/seed-kit';
import type { CommunityLayout, HouseholdGrid } from './community-layout.ts';
import { POPULATION } from './population.ts';
import type { CommunityPeople } from './residents-seed.ts';

/**
 * Party members join the branch of the micro-grid they live in (grid branches, 网格党支部);
 * floating residents are floating members, many working-age members serve where they live while
 * registered at work (在职党员进社区).
 */
export function enrolPartyMembers(layout: CommunityLayout, people: CommunityPeople, random: Random): ResidentDocument[] {
  const members: ResidentDocument[] = [];
  for (const { grid, households } of layout.householdGrids) {
    for (const household of households) {
      for (const resident of people.byHousehold.get(household)!) {
        const age = ageOf(resident);
        if (age < PARTY_JOINING_AGE || !random.chance(age < 22 ? POPULATION.youngPartyMemberRate : POPULATION.partyMemberRate)) continue;
        const since = fixedDateInYear(random, Math.min(REFERENCE_YEAR, resident.birthYear! + random.int(PARTY_JOINING_AGE, Math.min(age, 45))));
        requireMembershipSince(since, resident.birthYear, REFERENCE_DATE);
        resident.partyMembership = { branchId: grid.partyBranchId!, kind: membershipKind(random, resident, age), since, core: false };
        members.push(resident);
      }
    }
  }
  // Core members (骨干党员) are experienced members of working or early retirement age.
  const candidates = random.shuffle(members.filter((member) => ageOf(member) >= 30 && ageOf(member) <= 72));
  for (const member of candidates.slice(0, Math.round(members.length * POPULATION.coreMemberRate))) member.partyMembership!.core = true;
  return members;
}

function membershipKind(random: Random, resident: ResidentDocument, age: number): PartyMembershipKind {
  if (resident.specialCare.includes('FLOATING')) return 'FLOATING';
  if (age >= 25 && age <= 60 && random.chance(0.35)) return 'IN_SERVICE';
  return 'REGULAR';
}

/**
 * Each micro-grid's responsible person is a party member living in it where there is one (else
 * another neighbour); each general grid's is another member from its micro-grids. The
 * organisations seed records them on its grids.
 */
export function chooseGridResponsibles(layout: CommunityLayout, people: CommunityPeople, random: Random): GridResponsible[] {
  const chosen = new Set<Types.ObjectId>();
  const pick = (candidates: ResidentDocument[]) => {
    // Someone neighbours can call: an adult of working or early retirement age with a phone.
    const reachable = candidates.filter((resident) => !chosen.has(resident._id) && resident.phone !== null && ageOf(resident) >= 25 && ageOf(resident) <= 70);
    const members = reachable.filter((resident) => resident.partyMembership);
    const person = random.pick(members.length > 0 ? members : reachable.length > 0 ? reachable : candidates);
    chosen.add(person._id);
    return person._id;
  };
  const residentsOf = (grid: HouseholdGrid) => grid.households.flatMap((household) => people.byHousehold.get(household)!);
  const responsibles: GridResponsible[] = [];
  for (const lowest of layout.householdGrids) responsibles.push({ gridId: lowest.grid._id, residentId: pick(residentsOf(lowest)) });
  for (const middle of layout.middleGrids) {
    responsibles.push({ gridId: middle._id, residentId: pick(layout.householdGrids.filter((below) => below.above === middle).flatMap(residentsOf)) });
  }
  return responsibles;
}

export interface Pairings {
  memberPairings: MemberPairingDocument[];
  householdPairings: HouseholdPairingDocument[];
}

/**
 * The 1310 pairings of one community: each core member leads up to 3 ordinary members, and each
 * ordinary member looks after up to 10 households, neighbours in the same micro-grid first.
 * Slots are numbered 0.. per owner, as the service's unique (owner, slot) indexes expect.
 */
export function pairCommunity(layout: CommunityLayout, people: CommunityPeople, members: ResidentDocument[], random: Random, ids: ObjectIdSource): Pairings {
  const pairedAt = () => fixedDateBetween(random, chinaTime(2024, 1, 1), REFERENCE_DATE);
  const cores = members.filter((member) => member.partyMembership!.core);
  const ordinary = random.shuffle(members.filter((member) => !member.partyMembership!.core));

  const memberPairings: MemberPairingDocument[] = [];
  ordinary.slice(0, cores.length * MEMBERS_PER_CORE_MEMBER).forEach((member, index) => {
    const core = cores[Math.floor(index / MEMBERS_PER_CORE_MEMBER)]!;
    checkMemberPairing({ id: core._id.toHexString(), partyMembership: core.partyMembership }, { id: member._id.toHexString(), partyMembership: member.partyMembership });
    memberPairings.push({ _id: ids.next(), coreMemberId: core._id, memberId: member._id, slot: index % MEMBERS_PER_CORE_MEMBER, pairedAt: pairedAt(), pairedBy: SEED_SUBJECT });
  });

  const householdPairings: HouseholdPairingDocument[] = [];
  const slotsTaken = new Map<ResidentDocument, number>();
  const pair = (member: ResidentDocument, householdId: Types.ObjectId) => {
    checkHouseholdPairing({ id: member._id.toHexString(), partyMembership: member.partyMembership });
    const slot = slotsTaken.get(member) ?? 0;
    slotsTaken.set(member, slot + 1);
    householdPairings.push({ _id: ids.next(), memberId: member._id, householdId, slot, pairedAt: pairedAt(), pairedBy: SEED_SUBJECT });
  };
  const hasRoom = (member: ResidentDocument) => (slotsTaken.get(member) ?? 0) < HOUSEHOLDS_PER_MEMBER;
  for (const lowest of layout.householdGrids) {
    const gridHouseholds = new Set(lowest.households.map((household) => household._id.toHexString()));
    const neighbours = ordinary.filter((member) => member.householdId !== null && gridHouseholds.has(member.householdId.toHexString()));
    // Households needing care are paired first, then others as members have room.
    const needingCare = new Set(lowest.households.filter((household) => people.byHousehold.get(household)!.some((resident) => resident.specialCare.length > 0)));
    const shuffled = random.shuffle(lowest.households);
    const households = [...shuffled.filter((household) => needingCare.has(household)), ...shuffled.filter((household) => !needingCare.has(household))];
    let turn = 0;
    for (const household of households) {
      if (!needingCare.has(household) && !random.chance(POPULATION.pairedHouseholdRate)) continue;
      // A member never looks after their own household; neighbours first, then anyone in the community.
      const eligible = (member: ResidentDocument) => hasRoom(member) && member.householdId?.equals(household._id) !== true;
      const member = neighbours.slice(turn).concat(neighbours.slice(0, turn)).find(eligible) ?? ordinary.find(eligible);
      if (!member) continue;
      turn = (neighbours.indexOf(member) + 1) % Math.max(neighbours.length, 1);
      pair(member, household._id);
    }
  }
  return { memberPairings, householdPairings };
}
