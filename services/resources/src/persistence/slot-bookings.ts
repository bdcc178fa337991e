import { isDuplicateKeyError } from '@civic/service-kit';
import type { Types } from 'mongoose';
import type { Models } from '../models/index.ts';

/**
 * Holds every slot of a booking, or none: slots are inserted in time order, and when the unique
 * (resource, slot start) index refuses one, the slots this booking already took are given back.
 */
export async function holdSlots(models: Models, resourceId: Types.ObjectId, bookingId: Types.ObjectId, slots: readonly Date[]): Promise<boolean> {
  try {
    await models.BookingSlot.insertMany(
      slots.map((slotStart) => ({ resourceId, slotStart, bookingId })),
      { ordered: true },
    );
    return true;
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await releaseSlots(models, bookingId);
    return false;
  }
}

export async function releaseSlots(models: Models, bookingId: Types.ObjectId): Promise<void> {
  await models.BookingSlot.deleteMany({ bookingId });
}
