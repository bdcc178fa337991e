import { idOf, hexIds, loadAll, loadReferenced } from '@civic/service-kit';
import type { GridResolvers } from '../generated/resolvers-types.ts';

/** Grids are public data, like the organisation tree; the responsible person is a Resident reference. */
export const Grid: GridResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.grid.load(reference.id),
  id: idOf,
  community: (grid, _args, { loaders }) => loadReferenced(loaders.organisation, grid.communityId, 'Organisation'),
  parent: (grid, _args, { loaders }) => (grid.parentId ? loaders.grid.load(grid.parentId.toHexString()) : null),
  children: (grid, _args, { loaders }) => loaders.childrenOfGrid.load(idOf(grid)),
  ancestors: (grid, _args, { loaders }) => loadAll(loaders.grid, grid.ancestorIds),
  responsiblePerson: (grid) => (grid.responsiblePersonId ? { id: grid.responsiblePersonId.toHexString() } : null),
  partyBranch: (grid, _args, { loaders }) => (grid.partyBranchId ? loaders.organisation.load(grid.partyBranchId.toHexString()) : null),
  organisationPath: (grid) => hexIds(grid.organisationPath),
};
