import type { ClientSession, Types } from 'mongoose';
import type { Models } from '../models/index.ts';

/**
 * Holds every slot of a booking, within the caller's transaction: a slot another booking holds is
 * refused by the unique (resource, slot start) index, which aborts the transaction, so a booking
 * holds all its slots or none.
 */
export async function holdSlots(models: Models, resourceId: Types.ObjectId, bookingId: Types.ObjectId, slots: readonly Date[], session: ClientSession): Promise<void> {
  await models.BookingSlot.insertMany(
    slots.map((slotStart) => ({ resourceId, slotStart, bookingId })),
    { ordered: true, session },
  );
}

export async function releaseSlots(models: Models, bookingId: Types.ObjectId, session: ClientSession): Promise<void> {
  await models.BookingSlot.deleteMany({ bookingId }, { session });
}
