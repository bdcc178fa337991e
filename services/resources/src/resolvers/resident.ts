import { requiredOrganisationPath, requirePersonalFactReader } from '@civic/service-kit';
import type { ResidentResolvers } from '../generated/resolvers-types.ts';
import { readAnotherResidentsBookings } from '../errors.ts';
import { residentReference } from '../mappers.ts';

/**
 * Resident is owned by residents; resources adds their bookings, a personal fact read by the
 * resident, staff covering where they live (the path the gateway supplies through @requires) and services.
 */
export const Resident: ResidentResolvers = {
  __resolveReference: (reference) => ({ ...residentReference(reference.id), organisationPath: reference.organisationPath }),
  bookings: (resident, { first, after }, { viewer, loaders }) => {
    requirePersonalFactReader(viewer, { id: resident.id, organisationPath: requiredOrganisationPath(resident, 'bookings') }, readAnotherResidentsBookings);
    return loaders.bookingPagesOfResident.load({ parentId: resident.id, first, after });
  },
};
