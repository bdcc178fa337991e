import { parseId, requireSignedIn } from '@civic/service-kit';
import type { GridResolvers } from '../generated/resolvers-types.ts';
import { checkGridSize } from '../domain/grid-size.ts';
import { requireListingAccess } from '../authorisation.ts';
import { listGridHouseholdsNotStaff, listGridResidentsNotStaff } from '../errors.ts';

/**
 * Grid is owned by organisations; residents adds who lives in it (listed for staff within their
 * scope and for services) and how many households it holds (for anyone signed in).
 */
export const Grid: GridResolvers = {
  // The gateway sends `level` along when sizeCheck is asked for (@requires).
  __resolveReference: (reference) => ({ id: reference.id, level: 'level' in reference ? reference.level : null }),
  residents: (grid, { first, after }, context) => {
    requireListingAccess(context.viewer, listGridResidentsNotStaff);
    parseId('id', grid.id);
    return context.loaders.residentsByGrid.load({ parentId: grid.id, first, after });
  },
  households: (grid, { first, after }, context) => {
    requireListingAccess(context.viewer, listGridHouseholdsNotStaff);
    parseId('id', grid.id);
    return context.loaders.householdsByGrid.load({ parentId: grid.id, first, after });
  },
  householdCount: (grid, _args, context) => {
    requireSignedIn(context.viewer);
    return context.loaders.householdCountByGrid.load(grid.id);
  },
  sizeCheck: async (grid, _args, context) => {
    requireSignedIn(context.viewer);
    if (!grid.level) throw new Error('Grid.sizeCheck needs the grid level, which the gateway supplies through @requires');
    return checkGridSize(grid.level, await context.loaders.householdCountByGrid.load(grid.id));
  },
};
