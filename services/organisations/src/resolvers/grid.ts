import { idOf, hexIds, loadAll, loadReferenced } from '@civic/service-kit';
import type { GridResolvers } from '../generated/resolvers-types.ts';
import { requireMobilisationReader } from '../authorisation.ts';
import { readMobilisationOutOfScope } from '../errors.ts';

/** Grids are public data, like the organisation tree, but their mobilisations; the responsible person is a Resident reference. */
export const Grid: GridResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.grid.load(reference.id),
  id: idOf,
  community: (grid, _args, { loaders }) => loadReferenced(loaders.organisation, grid.communityId, 'Organisation'),
  parent: (grid, _args, { loaders }) => (grid.parentId ? loaders.grid.load(grid.parentId.toHexString()) : null),
  children: (grid, { first, after }, { loaders }) => loaders.childrenOfGrid.load({ parentId: idOf(grid), first, after }),
  ancestors: (grid, _args, { loaders }) => loadAll(loaders.grid, grid.ancestorIds),
  responsiblePerson: (grid) => (grid.responsiblePersonId ? { id: grid.responsiblePersonId.toHexString() } : null),
  partyBranch: (grid, _args, { loaders }) => (grid.partyBranchId ? loaders.organisation.load(grid.partyBranchId.toHexString()) : null),
  organisationPath: (grid) => hexIds(grid.organisationPath),
  // Not public, unlike the rest: who was not at home is a personal fact (authorisation.ts).
  mobilisations: (grid, { first, after }, { viewer, loaders }) => {
    requireMobilisationReader(viewer, grid, readMobilisationOutOfScope);
    return loaders.mobilisationsOfGrid.load({ parentId: idOf(grid), first, after });
  },
};
