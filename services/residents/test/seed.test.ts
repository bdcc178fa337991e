import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ObjectIdSource, Random, REFERENCE_YEAR, type CommunityOrganisations, type GridOpener, type GridReference, type OrganisationReference } from '@civic/seed-kit';
import { chooseGridResponsibles, enrolPartyMembers, IdNumberRegistry, layOutCommunity, populateCommunity } from '../src/seed/index.ts';
import { registrationFacts } from '../src/domain/personal-facts.ts';

const random = new Random('residents-seed-test');
const ids = new ObjectIdSource(random.fork('ids'));
const hex = (id: { toHexString(): string } | null) => id?.toHexString() ?? null;

function organisation(name: string, parent: OrganisationReference | null): OrganisationReference {
  const _id = ids.next();
  return { _id, name, path: [...(parent?.path ?? []), _id], createdAt: new Date('2018-01-02T01:00:00.000Z'), contact: { phone: null } };
}

function aCommunity(households: number): CommunityOrganisations {
  const community = organisation('新城社区党委', organisation('江心洲街道党工委', null));
  return {
    name: '新城社区',
    community,
    residentsCommittee: organisation('新城社区居民委员会', community),
    serviceCentre: organisation('新城社区党群服务中心', community),
    branches: [organisation('新城社区第一党支部', community), organisation('新城社区第二党支部', community)],
    propertyCompany: organisation('万科物业新城花园服务中心', community),
    ownersCommittee: organisation('新城花园业主委员会', community),
    volunteerTeams: [organisation('新城社区青年志愿服务队', community)],
    coBuildingUnits: [],
    compounds: ['新城花园', '滨江雅苑'],
    households,
    centre: { longitude: 118.705, latitude: 32.01 },
  };
}

/** Grids as plain references: what the organisations seed would open, without its documents. */
function openGridsOf(community: CommunityOrganisations, opened: { level: string; parentLevel: string | null }[] = []): GridOpener {
  return (level, name, parent, partyBranchId) => {
    opened.push({ level, parentLevel: parent?.level ?? null });
    return { _id: ids.next(), name, level, communityId: community.community._id, organisationPath: community.community.path, partyBranchId };
  };
}

describe('the residents seed of one community', () => {
  const community = aCommunity(400);
  const layout = layOutCommunity(community, [3, 4], null, openGridsOf(community), random.fork('grids'), ids);
  const people = populateCommunity(layout, random.fork('people'), ids, new IdNumberRegistry());
  enrolPartyMembers(layout, people, random.fork('party'));

  it('puts every household in a micro-grid of 30 to 100 households', () => {
    const sizes = layout.householdGrids.map(({ households }) => households.length);
    expect(sizes.filter((size) => size < 30 || size > 100)).toEqual([]);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(400);
    expect(layout.households).toHaveLength(400);
  });

  it('registers only residents the residents service itself would accept', () => {
    const refused = people.residents.flatMap((resident) => {
      const { name, gender, birthYear, phone, specialCare } = resident;
      const facts = { name, gender, birthYear, phone, idNumber: resident.idNumber ?? null, specialCare };
      try {
        return isDeepStrictEqual(registrationFacts(facts, REFERENCE_YEAR), facts) ? [] : [{ name, reason: 'would be stored differently' }];
      } catch (error) {
        return [{ name, reason: (error as Error).message }];
      }
    });
    expect(refused).toEqual([]);
    expect(people.residents.length).toBeGreaterThan(400);
  });

  it('chooses one responsible resident of its own for every micro-grid and general grid', () => {
    const responsibles = chooseGridResponsibles(layout, people, random.fork('responsibles'));
    const grids = [...layout.householdGrids.map(({ grid }) => grid), ...layout.middleGrids];
    expect(responsibles.map(({ gridId }) => gridId.toHexString())).toEqual(grids.map((grid) => grid._id.toHexString()));
    const livesIn = new Map(people.residents.map((resident) => [resident._id.toHexString(), resident.gridId.toHexString()]));
    const outsiders = responsibles.filter(({ gridId, residentId }, index) => index < layout.householdGrids.length && livesIn.get(residentId.toHexString()) !== gridId.toHexString());
    expect(outsiders).toEqual([]);
    expect(new Set(responsibles.map(({ residentId }) => residentId.toHexString())).size).toBe(responsibles.length);
  });
});

describe('the residents seed of a community working four levels under its street grid', () => {
  const community = aCommunity(400);
  const street: GridReference = { _id: ids.next(), name: '江心洲街道网格', level: 'STREET', communityId: community.community.path[0]!, organisationPath: community.community.path.slice(0, 1), partyBranchId: null };
  const opened: { level: string; parentLevel: string | null }[] = [];
  const layout = layOutCommunity(community, [3, 4], street, openGridsOf(community, opened), random.fork('four-level-grids'), ids);
  const people = populateCommunity(layout, random.fork('four-level-people'), ids, new IdNumberRegistry());
  enrolPartyMembers(layout, people, random.fork('four-level-party'));

  it("opens the community grid under the street's, a grid per party branch, and party groups' grids of 30 to 100 households under those", () => {
    const levels = opened.map(({ level, parentLevel }) => `${parentLevel ?? '-'}>${level}`);
    expect(levels.filter((level) => level !== 'BRANCH>PARTY_GROUP')).toEqual(['STREET>COMMUNITY', 'COMMUNITY>BRANCH', 'COMMUNITY>BRANCH']);
    expect(layout.middleGrids.map((grid) => [grid.name, hex(grid.partyBranchId)])).toEqual(community.branches.map((branch) => [`${branch.name}网格`, hex(branch._id)]));
    const sizes = layout.householdGrids.map(({ households }) => households.length);
    expect(sizes).toHaveLength(9);
    expect(sizes.filter((size) => size < 30 || size > 100)).toEqual([]);
    expect(layout.householdGrids.filter(({ grid, above }) => grid.level !== 'PARTY_GROUP' || hex(grid.partyBranchId) !== hex(above.partyBranchId))).toEqual([]);
  });

  it('houses every household in a party group\'s grid and chooses responsibles who live in the grid they look after', () => {
    const partyGroupGrids = new Set(layout.householdGrids.map(({ grid }) => hex(grid._id)));
    expect(layout.households.filter((household) => !partyGroupGrids.has(hex(household.gridId)))).toEqual([]);
    expect(layout.households).toHaveLength(400);
    const responsibles = chooseGridResponsibles(layout, people, random.fork('four-level-responsibles'));
    const homeGrid = new Map(people.residents.map((resident) => [hex(resident._id), hex(resident.gridId)]));
    const generalOf = new Map(layout.householdGrids.map(({ grid, above }) => [hex(grid._id), hex(above._id)]));
    const outsiders = responsibles.filter(({ gridId, residentId }) => {
      const home = homeGrid.get(hex(residentId))!;
      return home !== hex(gridId) && generalOf.get(home) !== hex(gridId);
    });
    expect(responsibles).toHaveLength(layout.householdGrids.length + layout.middleGrids.length);
    expect(outsiders).toEqual([]);
  });
});
