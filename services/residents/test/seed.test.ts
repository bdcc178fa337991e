import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ObjectIdSource, Random, REFERENCE_YEAR, type CommunityOrganisations, type GridOpener, type OrganisationReference } from '@civic/seed-kit';
import { chooseGridResponsibles, enrolPartyMembers, IdNumberRegistry, layOutCommunity, populateCommunity } from '../src/seed/index.ts';
import { registrationFacts } from '../src/domain/personal-facts.ts';

const random = new Random('residents-seed-test');
const ids = new ObjectIdSource(random.fork('ids'));

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
function openGridsOf(community: CommunityOrganisations): GridOpener {
  return (level, name, _parent, partyBranchId) => ({ _id: ids.next(), name, level, communityId: community.community._id, organisationPath: community.community.path, partyBranchId });
}

describe('the residents seed of one community', () => {
  const community = aCommunity(400);
  const layout = layOutCommunity(community, [3, 4], openGridsOf(community), random.fork('grids'), ids);
  const people = populateCommunity(layout, random.fork('people'), ids, new IdNumberRegistry());
  enrolPartyMembers(layout, people, random.fork('party'));

  it('puts every household in a micro-grid of 30 to 100 households', () => {
    const sizes = layout.microGrids.map(({ households }) => households.length);
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
    const grids = [...layout.microGrids.map(({ grid }) => grid), ...layout.generalGrids];
    expect(responsibles.map(({ gridId }) => gridId.toHexString())).toEqual(grids.map((grid) => grid._id.toHexString()));
    const livesIn = new Map(people.residents.map((resident) => [resident._id.toHexString(), resident.gridId.toHexString()]));
    const outsiders = responsibles.filter(({ gridId, residentId }, index) => index < layout.microGrids.length && livesIn.get(residentId.toHexString()) !== gridId.toHexString());
    expect(outsiders).toEqual([]);
    expect(new Set(responsibles.map(({ residentId }) => residentId.toHexString())).size).toBe(responsibles.length);
  });
});
