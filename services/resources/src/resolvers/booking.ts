import { idOf, loadReferenced } from '@civic/service-kit';
import type { BookingResolvers } from '../generated/resolvers-types.ts';
import { organisationReference, residentReference } from '../mappers.ts';

export const Booking: BookingResolvers = {
  id: idOf,
  resource: (booking, _args, { loaders }) => loadReferenced(loaders.resource, booking.resourceId, 'Resource'),
  booker: (booking) => (booking.bookerOrganisationId ? organisationReference(booking.bookerOrganisationId) : residentReference(booking.bookerResidentId!)),
  wish: (booking) => (booking.wishId ? { id: booking.wishId.toHexString() } : null),
};
