import { requirePersonalListReader } from '@civic/service-kit';
import type { ResidentResolvers } from '../generated/resolvers-types.ts';
import { residentReference } from '../mappers.ts';

/** Resident is owned by residents; resources adds their bookings. */
export const Resident: ResidentResolvers = {
  __resolveReference: (reference) => residentReference(reference.id),
  bookings: (resident, _args, { viewer, loaders }) => {
    requirePersonalListReader(viewer, resident.id, 'bookings');
    return loaders.bookingsOfResident.load(resident.id);
  },
};
