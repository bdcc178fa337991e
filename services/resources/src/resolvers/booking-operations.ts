import { Types } from 'mongoose';
import type { EventFacts, PartyRef } from '@civic/events';
import { inTransaction, invalidTransition, recordRequestEvents, isDuplicateKeyError, notFound, parseId, requireSignedIn, requireText, returnUpdated, loadForInput, signedInSubject, hexIds, requireStaffCovering, unknownId } from '@civic/service-kit';
import type { BookResourceInput, MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { BOOKING_FIELDS, type BookingDocument } from '../models/booking.ts';
import type { ResourceDocument } from '../models/resource.ts';
import { isBookable, isSlotKind } from '../domain/vocabulary.ts';
import { bookedSlots } from '../domain/opening-hours.ts';
import { quantityError } from '../domain/stock.ts';
import { isServed } from '../domain/resource-rules.ts';
import { MAX_NOTE_LENGTH } from '../domain/text-limits.ts';
import { holdSlots, releaseSlots } from '../persistence/slot-bookings.ts';
import { returnStock, takeStock } from '../persistence/stock.ts';
import { wishExists } from '../graph/wishes.ts';
import { mayChangeBooking, mayReadBooking } from '../authorisation.ts';
import type { Context } from '../context.ts';
import { orReject, rejectRuleError } from '../inputs/rule-errors.ts';
import { organisationPathFor } from './resource-operations.ts';
import { servedResident } from './served.ts';
import {
  bookAsNonResident,
  bookForOrganisationOutOfScope,
  bookingTimeForGoods,
  bookingTimeMissing,
  bookOutsideServedArea,
  cancelAnotherBooking,
  organisationNotServed,
  outOfStock,
  quantityForSlots,
  readAnotherBooking,
  resourceNotBookable,
  timeAlreadyBooked,
} from '../errors.ts';

export const bookingQueries: QueryResolvers = {
  booking: async (_parent, { id }, { loaders, viewer }) => {
    requireSignedIn(viewer);
    const booking = await loaders.booking.load(id);
    if (booking && !mayReadBooking(viewer, booking)) throw readAnotherBooking();
    return booking;
  },
};

export const bookingMutations: MutationResolvers = {
  bookResource: async (_parent, { input }, context) => {
    const bookedBy = signedInSubject(context.viewer);
    const resource = await loadForInput(context.loaders.resource, 'resourceId', input.resourceId, 'resource');
    if (!isBookable(resource.kind)) throw resourceNotBookable(resource.kind);
    const booker = await bookerOf(input, resource, context);
    const terms = bookingTerms(input, resource, context.clock.now());
    const note = input.note ? requireText('note', input.note, { max: MAX_NOTE_LENGTH }) : null;
    const wishId = input.wishId ? await existingWish(context, input.wishId) : null;
    if (resource.status !== 'ACTIVE') throw invalidTransition('Resource', resource.status, 'be booked');

    const booking: BookingDocument = {
      _id: new Types.ObjectId(),
      resourceId: resource._id,
      resourceKind: resource.kind,
      servedPath: resource.servedPath,
      ...booker,
      wishId,
      startsAt: terms.slots ? input.startsAt! : null,
      endsAt: terms.slots ? input.endsAt! : null,
      quantity: terms.quantity,
      note,
      status: 'CONFIRMED',
      bookedAt: context.clock.now(),
      bookedBy,
      cancelledAt: null,
    };
    // The booking, its slots or its goods, and booking.made: one transaction, all or nothing.
    const { models } = context;
    try {
      await inTransaction(models.Booking.db, async (session) => {
        if (terms.slots) await holdSlots(models, resource._id, booking._id, terms.slots, session);
        if (terms.quantity !== null && !(await takeStock(models, resource._id, terms.quantity, session))) throw outOfStock();
        await models.Booking.create([booking], { session });
        await recordRequestEvents(models.Outbox, session, [{ kind: 'booking.made', facts: bookingFacts(booking) }], booking.bookedAt);
      });
    } catch (error) {
      // The only unique index a booking writes to is the slots' (resource, slot start).
      if (isDuplicateKeyError(error)) throw timeAlreadyBooked();
      throw error;
    }
    return booking;
  },

  cancelBooking: async (_parent, { id }, { viewer, models, loaders, clock }) => {
    requireSignedIn(viewer);
    const booking = await loaders.booking.load(id);
    if (!booking || !mayReadBooking(viewer, booking)) throw notFound('Booking', id);
    if (!mayChangeBooking(viewer, booking)) throw cancelAnotherBooking();
    const now = clock.now();
    if (booking.startsAt && booking.startsAt.getTime() <= now.getTime()) throw invalidTransition('Booking', 'STARTED', 'be cancelled');
    // One cancellation wins, and gives the slots or the goods back, with booking.cancelled, in the same transaction.
    return inTransaction(models.Booking.db, async (session) => {
      const cancelled = await models.Booking.findOneAndUpdate(
        { _id: booking._id, status: 'CONFIRMED' },
        { $set: { status: 'CANCELLED', cancelledAt: now } },
        { ...returnUpdated(BOOKING_FIELDS), session },
      ).lean<BookingDocument>();
      if (!cancelled) throw invalidTransition('Booking', 'CANCELLED', 'be cancelled');
      if (cancelled.startsAt) await releaseSlots(models, cancelled._id, session);
      if (cancelled.quantity !== null) await returnStock(models, cancelled.resourceId, cancelled.quantity, session);
      await recordRequestEvents(models.Outbox, session, [{ kind: 'booking.cancelled', facts: bookingFacts(cancelled) }], now);
      return cancelled;
    });
  },
};

/** What booking.made and booking.cancelled say: the booking, its resource and who booked it. */
function bookingFacts(booking: BookingDocument): EventFacts['booking.made'] {
  const bookedBy: PartyRef = booking.bookerResidentId
    ? { type: 'Resident', id: booking.bookerResidentId.toHexString() }
    : { type: 'Organisation', id: booking.bookerOrganisationId!.toHexString() };
  return { bookingId: booking._id.toHexString(), resourceId: booking.resourceId.toHexString(), bookedBy };
}

/** The calling resident, or the organisation staff book for; either where the resource serves. */
async function bookerOf(input: BookResourceInput, resource: ResourceDocument, context: Context): Promise<Pick<BookingDocument, 'bookerResidentId' | 'bookerOrganisationId' | 'bookerPath'>> {
  if (!input.organisationId) {
    const { residentId, home } = await servedResident(context, resource.servedPath, { notResident: bookAsNonResident, livesOutside: bookOutsideServedArea });
    return { bookerResidentId: residentId, bookerOrganisationId: null, bookerPath: home };
  }
  const path = await organisationPathFor(context, 'organisationId', input.organisationId);
  requireStaffCovering(context.viewer, path, bookForOrganisationOutOfScope);
  if (!isServed(hexIds(resource.servedPath), hexIds(path))) throw organisationNotServed();
  return { bookerResidentId: null, bookerOrganisationId: path.at(-1)!, bookerPath: path };
}

/** Slots for a slot resource, a quantity for goods; the other kind's fields must be absent. */
function bookingTerms(input: BookResourceInput, resource: ResourceDocument, now: Date): { slots: Date[] | null; quantity: number | null } {
  if (isSlotKind(resource.kind)) {
    if (input.quantity !== null && input.quantity !== undefined) throw quantityForSlots(resource.kind);
    if (!input.startsAt) throw bookingTimeMissing('startsAt', resource.kind);
    if (!input.endsAt) throw bookingTimeMissing('endsAt', resource.kind);
    const { slots } = orReject(bookedSlots({ startsAt: input.startsAt, endsAt: input.endsAt }, resource.openingHours, resource.slotMinutes!, now));
    return { slots, quantity: null };
  }
  if (input.startsAt || input.endsAt) throw bookingTimeForGoods(input.startsAt ? 'startsAt' : 'endsAt');
  rejectRuleError(quantityError(input.quantity));
  return { slots: null, quantity: input.quantity! };
}

async function existingWish({ graph }: Context, rawId: string): Promise<Types.ObjectId> {
  const id = parseId('wishId', rawId);
  if (!(await wishExists(graph, id.toHexString()))) throw unknownId('wishId', 'wish');
  return id;
}
