import { isStaff } from '@civic/identity';
import { isDuplicateKeyError, parseId, readsAsAnalyst, requireSignedIn, requireStaffCovering, toObjectIds } from '@civic/service-kit';
import { Types } from 'mongoose';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import type { HouseholdDocument } from '../models/index.ts';
import { normaliseHouseholdAddress } from '../domain/household-address.ts';
import { fetchGrid } from '../graph/organisations.ts';
import { createHouseholdOutOfScope, createHouseholdsNotStaff, householdAddressTaken, noSuchGrid, readHouseholdAsAnalyst } from '../errors.ts';

export const householdQueries: QueryResolvers = {
  household: (_parent, { id }, context) => {
    requireSignedIn(context.viewer);
    if (readsAsAnalyst(context.viewer)) throw readHouseholdAsAnalyst();
    parseId('id', id);
    return context.loaders.household.load(id);
  },
};

/** Who may: staff whose scope covers the grid's community (the grid comes from organisations). */
export const householdMutations: MutationResolvers = {
  createHousehold: async (_parent, { input }, context) => {
    requireSignedIn(context.viewer);
    // Refuse non-staff before asking another department anything.
    if (!isStaff(context.viewer)) throw createHouseholdsNotStaff();
    parseId('gridId', input.gridId);
    const address = normaliseHouseholdAddress(input);
    const grid = await fetchGrid(context.graph, input.gridId);
    if (!grid) throw noSuchGrid();
    requireStaffCovering(context.viewer, grid.organisationPath, createHouseholdOutOfScope);
    try {
      const created = await context.models.Household.create({
        ...address,
        gridId: new Types.ObjectId(grid.id),
        communityId: new Types.ObjectId(grid.community.id),
        organisationPath: toObjectIds(grid.organisationPath),
        createdAt: context.clock.now(),
      });
      return created.toObject() as HouseholdDocument;
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw householdAddressTaken(address);
      }
      throw error;
    }
  },
};
