import { Schema, type Connection, type Types } from 'mongoose';
import { collectionOptions } from './schema-options.ts';

/**
 * One slot unit held by one confirmed booking. The unique index on (resource, slot start) is what
 * refuses a double booking; cancelling deletes the booking's slots.
 */
export interface BookingSlotDocument {
  _id: Types.ObjectId;
  resourceId: Types.ObjectId;
  slotStart: Date;
  bookingId: Types.ObjectId;
}

const bookingSlotSchema = new Schema<BookingSlotDocument>(
  {
    resourceId: { type: Schema.Types.ObjectId, required: true },
    slotStart: { type: Date, required: true },
    bookingId: { type: Schema.Types.ObjectId, required: true },
  },
  collectionOptions('booking_slots'),
);

bookingSlotSchema.index({ resourceId: 1, slotStart: 1 }, { unique: true });
// Releasing a booking's slots.
bookingSlotSchema.index({ bookingId: 1 });

export function bookingSlotModel(connection: Connection) {
  return connection.model<BookingSlotDocument>('BookingSlot', bookingSlotSchema);
}
