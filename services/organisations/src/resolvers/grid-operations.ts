import { Types, type QueryFilter } from 'mongoose';
import { badUserInput, parseId, requireSignedIn, requireText, type GraphClient, paginate, returnUpdated, loadForInput, loadTarget, unknownId } from '@civic/service-kit';
import type { GridFilter, MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { GRID_FIELDS, type GridDocument } from '../models/grid.ts';
import type { OrganisationDocument } from '../models/organisation.ts';
import { gridPlacementError } from '../domain/grid-tree.ts';
import { isWithin } from '../domain/organisation-tree.ts';
import { requireTreeManager } from '../authorisation.ts';
import { MAX_NAME_LENGTH } from '../domain/text-limits.ts';
import { graphql } from '../generated/graph/gql.ts';

// Residents are the residents subgraph's: whether one exists is asked of the graph.
const RESIDENT_EXISTS = graphql(`query OrganisationsResidentExists($id: ID!) { resident(id: $id) { id } }`);

export const gridQueries: QueryResolvers = {
  grid: (_parent, { id }, { loaders }) => loaders.grid.load(id),
  grids: (_parent, { filter, first, after }, { models }) => paginate(models.Grid, gridFilter(filter), { first, after }, { field: '_id', direction: 1 }, GRID_FIELDS),
};

export const gridMutations: MutationResolvers = {
  createGrid: async (_parent, { input }, { viewer, models, loaders, clock }) => {
    requireSignedIn(viewer);
    const community = await loadForInput(loaders.organisation, 'communityId', input.communityId, 'organisation');
    if (community.kind !== 'COMMUNITY_PARTY_COMMITTEE') throw badUserInput('communityId', `must be a COMMUNITY_PARTY_COMMITTEE, not a ${community.kind}`);
    requireTreeManager(viewer, community.path, "create a grid in this community");

    const name = requireText('name', input.name, { max: MAX_NAME_LENGTH });
    const [parent, partyBranch] = await Promise.all([
      input.parentId ? loadForInput(loaders.grid, 'parentId', input.parentId, 'grid') : null,
      input.partyBranchId ? loadForInput(loaders.organisation, 'partyBranchId', input.partyBranchId, 'organisation') : null,
    ]);
    if (parent && !parent.communityId.equals(community._id)) throw badUserInput('parentId', 'belongs to another community');
    const misplaced = gridPlacementError(input.level, parent?.level ?? null);
    if (misplaced) throw badUserInput('parentId', misplaced);
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
    requireTreeManager(viewer, grid.organisationPath, "assign this grid's responsible person");
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
  if (branch.kind !== 'PARTY_BRANCH') throw badUserInput('partyBranchId', `must be a PARTY_BRANCH, not a ${branch.kind}`);
  if (!isWithin(branch.path, community._id)) throw badUserInput('partyBranchId', "must lie within the community's subtree");
}

async function requireResidentExists(graph: GraphClient, residentId: Types.ObjectId): Promise<void> {
  const { resident } = await graph.request(RESIDENT_EXISTS, { id: residentId.toHexString() });
  if (!resident) throw unknownId('residentId', 'resident');
}

function gridFilter(filter: GridFilter | null | undefined): QueryFilter<GridDocument> {
  const query: QueryFilter<GridDocument> = {};
  if (!filter) return query;
  if (filter.communityId) query.communityId = parseId('filter.communityId', filter.communityId);
  if (filter.level) query.level = filter.level;
  if (filter.parentId) query.parentId = parseId('filter.parentId', filter.parentId);
  return query;
}
