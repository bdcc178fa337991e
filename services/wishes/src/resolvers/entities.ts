import { requiredOrganisationPath, requirePersonalFactReader } from '@civic/service-kit';
import type { GridResolvers, OrganisationResolvers, ResidentResolvers } from '../generated/resolvers-types.ts';
import { readAnotherResidentsClaimedWishes, readAnotherResidentsWishes } from '../errors.ts';

/**
 * Fields this subgraph adds to other departments' entities: pages batched through a loader (one
 * aggregate per level) of what the viewer may see (loaders.ts).
 */

// A resident's wishes and claims are personal facts: the resident, staff covering where they live
// (the path the gateway supplies through @requires) and services; then each wish as its viewer sees it.
export const Resident: ResidentResolvers = {
  __resolveReference: (reference) => reference,
  wishes: (resident, { first, after }, { loaders, viewer }) => {
    requirePersonalFactReader(viewer, { id: resident.id, organisationPath: requiredOrganisationPath(resident, 'wishes') }, readAnotherResidentsWishes);
    return loaders.wishesOfRequester.load({ parentId: resident.id, first, after });
  },
  claimedWishes: (resident, { first, after }, { loaders, viewer }) => {
    requirePersonalFactReader(viewer, { id: resident.id, organisationPath: requiredOrganisationPath(resident, 'claimedWishes') }, readAnotherResidentsClaimedWishes);
    return loaders.wishesOfClaimant.load({ parentId: resident.id, first, after });
  },
};

export const Organisation: OrganisationResolvers = {
  // The path stays when the gateway sends it for a field that @requires it (scorecard).
  __resolveReference: (reference) => reference,
  handledWishes: (organisation, { first, after }, { loaders }) => loaders.wishesOfHandler.load({ parentId: organisation.id, first, after }),
  claimedWishes: (organisation, { first, after }, { loaders }) => loaders.wishesOfClaimant.load({ parentId: organisation.id, first, after }),
};

export const Grid: GridResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  openWishes: (grid, { first, after }, { loaders }) => loaders.openWishesOfGrid.load({ parentId: grid.id, first, after }),
};
