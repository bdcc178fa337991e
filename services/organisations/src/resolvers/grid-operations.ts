import { Types, type QueryFilter } from 'mongoose';
import { loadAll, parseId, requireSignedIn, requireText, paginate, returnUpdated, loadForInput, loadTarget, unknownId, invalidInput } from '@civic/service-kit';
import type { GridFilter, MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { GRID_FIELDS, type GridDocument } from '../models/grid.ts';
import type { OrganisationDocument } from '../models/organisation.ts';
import { gridPlacementError, ownerKindOf } from '../domain/grid-tree.ts';
import { isWithin, kindMismatch } from '../domain/organisation-tree.ts';
import { requireTreeManager } from '../authorisation.ts';
import { MAX_NAME_LENGTH } from '../domain/text-limits.ts';
import { residentHome } from '../graph/residents.ts';
import { mayBeResponsibleFor } from '../domain/grid-responsible.ts';
import { assignGridResponsibleOutOfScope, createGridOutOfScope, parentGridInAnotherCommunity, partyBranchOutsideCommunity, responsibleLivesElsewhere } from '../errors.ts';

export const gridQueries: QueryResolvers = {
  grid: (_parent, { id }, { loaders }) => loaders.grid.load(id),
  grids: (_parent, { filter, first, after }, { models }) => paginate(models.Grid, gridFilter(filter), { first, after }, { field: '_id', direction: 1 }, GRID_FIELDS),
};

export const gridMutations: MutationResolvers = {
  createGrid: async (_parent, { input }, { viewer, models, loaders, clock }) => {
    requireSignedIn(viewer);
    const community = await loadForInput(loaders.organisation, 'communityId', input.communityId, 'organisation');
    const ownerKind = ownerKindOf(input.level);
    if (community.kind !== ownerKind) throw invalidInput(kindMismatch('communityId', ownerKind, community.kind));
    requireTreeManager(viewer, community.path, createGridOutOfScope);

    const name = requireText('name', input.name, { max: MAX_NAME_LENGTH });
    const [parent, partyBranch] = await Promise.all([
      input.parentId ? loadForInput(loaders.grid, 'parentId', input.parentId, 'grid') : null,
      input.partyBranchId ? loadForInput(loaders.organisation, 'partyBranchId', input.partyBranchId, 'organisation') : null,
    ]);
    if (parent && !isOwnersGrid(parent, community)) throw parentGridInAnotherCommunity();
    const parentChain = parent ? [...(await loadAll(loaders.grid, parent.ancestorIds)).map((ancestor) => ancestor.level), parent.level] : null;
    const misplaced = gridPlacementError(input.level, parentChain);
    if (misplaced) throw invalidInput(misplaced);
    if (partyBranch) requireBranchOf(community, partyBranch);

    const document: GridDocument = {
      _id: new Types.ObjectId(),
      name,
      level: input.level,
      communityId: community._id,
      organisationPath: community.path,
      parentId: parent?._id ?? null,
      ancestorIds: parent ? [...parent.ancestorIds, parent._id] : [],
      responsiblePersonId: null,
      partyBranchId: partyBranch?._id ?? null,
      createdAt: clock.now(),
    };
    await models.Grid.create(document);
    return document;
  },

  assignGridResponsible: async (_parent, { gridId, residentId }, { viewer, models, loaders, graph }) => {
    requireSignedIn(viewer);
    const grid = await loadTarget(loaders.grid, gridId, 'Grid');
    requireTreeManager(viewer, grid.organisationPath, assignGridResponsibleOutOfScope);
    const resident = parseId('residentId', residentId);
    const home = await residentHome(graph, resident.toHexString());
    if (home === null) throw unknownId('residentId', 'resident');
    const homeGrid = home.gridId ? await loaders.grid.load(home.gridId) : null;
    // The caller covers the grid (a tree manager, checked above): naming themself, they are its community's staff.
    if (!mayBeResponsibleFor(grid, homeGrid, viewer.residentId === resident.toHexString())) throw responsibleLivesElsewhere();
    return models.Grid.findOneAndUpdate({ _id: grid._id }, { $set: { responsiblePersonId: resident } }, returnUpdated(GRID_FIELDS))
      .lean<GridDocument>()
      .orFail()
      .exec();
  },
};

/** A parent grid is the community's own, or (four levels) the grid of the street above it. */
function isOwnersGrid(parent: GridDocument, community: OrganisationDocument): boolean {
  return parent.communityId.equals(community._id) || (parent.level === 'STREET' && isWithin(community.path, parent.communityId));
}

/** A grid's branch is a PARTY_BRANCH inside its community's subtree. */
function requireBranchOf(community: OrganisationDocument, branch: OrganisationDocument): void {
  if (branch.kind !== 'PARTY_BRANCH') throw invalidInput(kindMismatch('partyBranchId', 'PARTY_BRANCH', branch.kind));
  if (!isWithin(branch.path, community._id)) throw partyBranchOutsideCommunity();
}

function gridFilter(filter: GridFilter | null | undefined): QueryFilter<GridDocument> {
  const query: QueryFilter<GridDocument> = {};
  if (!filter) return query;
  if (filter.communityId) query.communityId = parseId('filter.communityId', filter.communityId);
  if (filter.level) query.level = filter.level;
  if (filter.parentId) query.parentId = parseId('filter.parentId', filter.parentId);
  return query;
}
