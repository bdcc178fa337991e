import type { Viewer } from '@civic/identity';
import { requiredOrganisationPath, requirePersonalFactReader } from '@civic/service-kit';
import type { GridResolvers, OrganisationResolvers, ResidentResolvers } from '../generated/resolvers-types.ts';
import type { WishDocument } from '../models/wish.ts';
import { canSeeWish, seesInFull } from '../authorisation.ts';
import { readAnotherResidentsClaimedWishes, readAnotherResidentsWishes } from '../errors.ts';

/**
 * Fields this subgraph adds to other departments' entities: each batched through a loader (one
 * query per level) and filtered to what the viewer may see.
 */

const visibleTo = (viewer: Viewer) => (wishes: WishDocument[]) => wishes.filter((wish) => canSeeWish(viewer, wish));
// Whose wishes a resident asked for, or which requests an organisation handles, is personal.
const fullyVisibleTo = (viewer: Viewer) => (wishes: WishDocument[]) => wishes.filter((wish) => seesInFull(viewer, wish));

// A resident's wishes and claims are personal facts: the resident, staff covering where they live
// (the path the gateway supplies through @requires) and services; then each wish as its viewer sees it.
export const Resident: ResidentResolvers = {
  __resolveReference: (reference) => reference,
  wishes: (resident, _args, { loaders, viewer }) => {
    requirePersonalFactReader(viewer, { id: resident.id, organisationPath: requiredOrganisationPath(resident, 'wishes') }, readAnotherResidentsWishes);
    return loaders.wishesOfRequester.load(resident.id).then(fullyVisibleTo(viewer));
  },
  claimedWishes: (resident, _args, { loaders, viewer }) => {
    requirePersonalFactReader(viewer, { id: resident.id, organisationPath: requiredOrganisationPath(resident, 'claimedWishes') }, readAnotherResidentsClaimedWishes);
    return loaders.wishesOfClaimant.load(resident.id).then(visibleTo(viewer));
  },
};

export const Organisation: OrganisationResolvers = {
  // The path stays when the gateway sends it for a field that @requires it (scorecard).
  __resolveReference: (reference) => reference,
  handledWishes: (organisation, _args, { loaders, viewer }) => loaders.wishesOfHandler.load(organisation.id).then(fullyVisibleTo(viewer)),
  claimedWishes: (organisation, _args, { loaders, viewer }) => loaders.wishesOfClaimant.load(organisation.id).then(visibleTo(viewer)),
};

export const Grid: GridResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  openWishes: (grid, _args, { loaders, viewer }) => loaders.openWishesOfGrid.load(grid.id).then(visibleTo(viewer)),
};
