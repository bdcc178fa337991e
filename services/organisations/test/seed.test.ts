import { expect, it } from 'vitest';
import { ObjectIdSource, Random } from '@civic/seed-kit';
import { buildOrganisationTree, type TreePlan } from '../src/seed/index.ts';
import { placementError } from '../src/domain/organisation-tree.ts';

const ONE_STREET: TreePlan = {
  streets: 1,
  communitiesPerStreet: [6, 6],
  householdsPerCommunity: [180, 220],
  departmentsPerStreet: [3, 5],
  branchesPerCommunity: [2, 4],
  groupsPerBranch: [2, 3],
  coBuildingUnitsPerCommunity: [3, 5],
  volunteerTeamsPerCommunity: 2,
};

it('builds a tree createOrganisation would accept: every body under a parent its kind allows', () => {
  const random = new Random('organisations-seed-test');
  const tree = buildOrganisationTree(ONE_STREET, random, new ObjectIdSource(random.fork('ids')));
  const byId = new Map(tree.all.map((organisation) => [organisation._id.toHexString(), organisation]));
  const misplaced = tree.all.filter((organisation) => placementError(organisation.kind, organisation.parentId ? byId.get(organisation.parentId.toHexString())!.kind : null) !== null);
  expect(misplaced).toEqual([]);
  expect(tree.district.name).toBe('中共南京市建邺区委员会');
  expect(tree.streets.map(({ street }) => street.name)).toEqual(['江心洲街道党工委']);
  expect(tree.streets[0]!.communities.map(({ name }) => name)).toEqual(['新城社区', '洲岛家园社区', '贤坤社区', '清荷园社区', '江岛社区', '滨江社区']);
});
