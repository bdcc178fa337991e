import type { Viewer } from '@civic/identity';
import type { GridResolvers, OrganisationResolvers, ResidentResolvers } from '../generated/resolvers-types.ts';
import type { WishDocument } from '../models/wish.ts';
import { canSeeWish, seesInFull } from '../authorisation.ts';

/**
 * Fields this subgraph adds to other departments' entities: each batched through a loader (one
 * query per level) and filtered to what the viewer may see.
 */

const visibleTo = (viewer: Viewer) => (wishes: WishDocument[]) => wishes.filter((wish) => canSeeWish(viewer, wish));
// Whose wishes a resident asked for, or which requests an organisation handles, is personal.
const fullyVisibleTo = (viewer: Viewer) => (wishes: WishDocument[]) => wishes.filter((wish) => seesInFull(viewer, wish));

export const Resident: ResidentResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  wishes: (resident, _args, { loaders, viewer }) => loaders.wishesOfRequester.load(resident.id).then(fullyVisibleTo(viewer)),
  claimedWishes: (resident, _args, { loaders, viewer }) => loaders.wishesOfClaimant.load(resident.id).then(visibleTo(viewer)),
};

export const Organisation: OrganisationResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  handledWishes: (organisation, _args, { loaders, viewer }) => loaders.wishesOfHandler.load(organisation.id).then(fullyVisibleTo(viewer)),
  claimedWishes: (organisation, _args, { loaders, viewer }) => loaders.wishesOfClaimant.load(organisation.id).then(visibleTo(viewer)),
};

export const Grid: GridResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  openWishes: (grid, _args, { loaders, viewer }) => loaders.openWishesOfGrid.load(grid.id).then(visibleTo(viewer)),
};
