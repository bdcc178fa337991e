import { idOf, loadReferenced } from '@civic/service-kit';
import type { BookingResolvers } from '../generated/resolvers-types.ts';
import { organisationReference, residentReference } from '../mappers.ts';

export const Booking: BookingResolvers = {
  id: idOf,
  resource: (booking, _args, { loaders }) => loadReferenced(loaders.resource, booking.resourceId, 'Resource'),
  booker: (booking) => {
    if (booking.bookerOrganisationId) return organisationReference(booking.bookerOrganisationId);
    return booking.bookerResidentId ? residentReference(booking.bookerResidentId) : null;
  },
  wish: (booking) => (booking.wishId ? { id: booking.wishId.toHexString() } : null),
};
