import type { ResidentResolvers } from '../generated/resolvers-types.ts';
import { residentReference } from '../connection-types.ts';
import { requireBookingListReader } from '../authorisation.ts';

/** Resident is owned by residents; resources adds their bookings. */
export const Resident: ResidentResolvers = {
  __resolveReference: (reference) => residentReference(reference.id),
  bookings: (resident, _args, { viewer, loaders }) => {
    requireBookingListReader(viewer, resident.id);
    return loaders.bookingsOfResident.load(resident.id);
  },
};
