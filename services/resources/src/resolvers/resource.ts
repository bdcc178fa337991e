import { fromGeoJsonPoint, idOf, requireSignedIn, hexIds } from '@civic/service-kit';
import type { ActorResolvers, OpeningHoursResolvers, ResourceAvailabilityResolvers, ResourcePlaceResolvers, ResourceResolvers } from '../generated/resolvers-types.ts';
import { formatClockTime } from '../domain/opening-hours.ts';
import { isSlotKind } from '../domain/vocabulary.ts';
import { requireResourceManager } from '../authorisation.ts';
import { readUnmanagedResourceBookings } from '../errors.ts';
import { organisationReference, residentReference } from '../mappers.ts';

/** Resources are public; their contact person is for signed-in callers, their bookings for managers. */
export const Resource: ResourceResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.resource.load(reference.id),
  id: idOf,
  provider: (resource) =>
    resource.providerOrganisationId ? organisationReference(resource.providerOrganisationId) : residentReference(resource.providerResidentId!),
  servedOrganisation: (resource) => organisationReference(resource.servedOrganisationId),
  servedPath: (resource) => hexIds(resource.servedPath),
  availability: (resource) => resource,
  contact: (resource, _args, { viewer }) => {
    requireSignedIn(viewer);
    return resource.contact;
  },
  bookings: (resource, { from, first, after }, { viewer, loaders, clock }) => {
    requireResourceManager(viewer, resource.servedPath, readUnmanagedResourceBookings);
    return loaders.confirmedBookingPagesOfResource.load({ parentId: idOf(resource), question: { from: (from ?? clock.now()).toISOString() }, first, after });
  },
  fund: (resource) => (resource.kind === 'FUND' ? resource : null),
  parking: (resource) => (resource.kind === 'PARKING' ? resource : null),
};

export const ResourceAvailability: ResourceAvailabilityResolvers = {
  openingHours: (resource) => (isSlotKind(resource.kind) ? resource.openingHours : []),
  slotMinutes: (resource) => resource.slotMinutes,
  stock: (resource) => resource.stock,
};

export const ResourcePlace: ResourcePlaceResolvers = {
  location: (place) => fromGeoJsonPoint(place.location),
};

export const OpeningHours: OpeningHoursResolvers = {
  opens: (window) => formatClockTime(window.opensAt),
  closes: (window) => formatClockTime(window.closesAt),
};

export const Actor: ActorResolvers = {
  __resolveType: (actor) => actor.__typename,
};
