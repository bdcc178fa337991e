import { Types, type QueryFilter } from 'mongoose';
import { parseId, requireSignedIn, requireText, type GraphClient, paginate, returnUpdated, loadForInput, loadTarget, unknownId, invalidInput } from '@civic/service-kit';
import type { GridFilter, MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { GRID_FIELDS, type GridDocument } from '../models/grid.ts';
import type { OrganisationDocument } from '../models/organisation.ts';
import { gridPlacementError } from '../domain/grid-tree.ts';
import { isWithin, kindMismatch } from '../domain/organisation-tree.ts';
import { requireTreeManager } from '../authorisation.ts';
import { MAX_NAME_LENGTH } from '../domain/text-limits.ts';
import { residentExists } from '../graph/residents.ts';
import { assignGridResponsibleOutOfScope, createGridOutOfScope, parentGridInAnotherCommunity, partyBranchOutsideCommunity } from '../errors.ts';

export const gridQueries: QueryResolvers = {
  grid: (_parent, { id }, { loaders }) => loaders.grid.load(id),
  grids: (_parent, { filter, first, after }, { models }) => paginate(models.Grid, gridFilter(filter), { first, after }, { field: '_id', direction: 1 }, GRID_FIELDS),
};

export const gridMutations: MutationResolvers = {
  createGrid: async (_parent, { input }, { viewer, models, loaders, clock }) => {
    requireSignedIn(viewer);
    const community = await loadForInput(loaders.organisation, 'communityId', input.communityId, 'organisation');
    if (community.kind !== 'COMMUNITY_PARTY_COMMITTEE') throw invalidInput(kindMismatch('communityId', 'COMMUNITY_PARTY_COMMITTEE', community.kind));
    requireTreeManager(viewer, community.path, createGridOutOfScope);

    const name = requireText('name', input.name, { max: MAX_NAME_LENGTH });
    const [parent, partyBranch] = await Promise.all([
      input.parentId ? loadForInput(loaders.grid, 'parentId', input.parentId, 'grid') : null,
      input.partyBranchId ? loadForInput(loaders.organisation, 'partyBranchId', input.partyBranchId, 'organisation') : null,
    ]);
    if (parent && !parent.communityId.equals(community._id)) throw parentGridInAnotherCommunity();
    const misplaced = gridPlacementError(input.level, parent?.level ?? null);
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
    await requireResidentExists(graph, resident);
    return models.Grid.findOneAndUpdate({ _id: grid._id }, { $set: { responsiblePersonId: resident } }, returnUpdated(GRID_FIELDS))
      .lean<GridDocument>()
      .orFail()
      .exec();
  },
};

/** A grid's branch is a PARTY_BRANCH inside its community's subtree. */
function requireBranchOf(community: OrganisationDocument, branch: OrganisationDocument): void {
  if (branch.kind !== 'PARTY_BRANCH') throw invalidInput(kindMismatch('partyBranchId', 'PARTY_BRANCH', branch.kind));
  if (!isWithin(branch.path, community._id)) throw partyBranchOutsideCommunity();
}

// Residents are the residents subgraph's: whether one exists is asked of the graph.
async function requireResidentExists(graph: GraphClient, residentId: Types.ObjectId): Promise<void> {
  if (!(await residentExists(graph, residentId.toHexString()))) throw unknownId('residentId', 'resident');
}

function gridFilter(filter: GridFilter | null | undefined): QueryFilter<GridDocument> {
  const query: QueryFilter<GridDocument> = {};
  if (!filter) return query;
  if (filter.communityId) query.communityId = parseId('filter.communityId', filter.communityId);
  if (filter.level) query.level = filter.level;
  if (filter.parentId) query.parentId = parseId('filter.parentId', filter.parentId);
  return query;
}
