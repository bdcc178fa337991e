import { Schema, type Connection, type Types } from 'mongoose';
import { BOOKING_STATUSES, RESOURCE_KINDS, type BookingStatus, type ResourceKind } from '../domain/vocabulary.ts';
import { collectionOptions } from './schema-options.ts';

/** A booking of a slot resource (with times) or of goods (with a quantity). */
export interface BookingDocument {
  _id: Types.ObjectId;
  resourceId: Types.ObjectId;
  resourceKind: ResourceKind;
  /** The resource's served path, copied: staff managing the resource read its bookings. */
  servedPath: Types.ObjectId[];
  /** Exactly one of the two is the booker. */
  bookerResidentId: Types.ObjectId | null;
  bookerOrganisationId: Types.ObjectId | null;
  /**
   * The booking organisation's path, so its staff may read and cancel; for a resident, where they
   * lived when they booked, so staff covering them may read it (a personal fact).
   */
  bookerPath: Types.ObjectId[];
  wishId: Types.ObjectId | null;
  startsAt: Date | null;
  endsAt: Date | null;
  quantity: number | null;
  note: string | null;
  status: BookingStatus;
  bookedAt: Date;
  bookedBy: string;
  cancelledAt: Date | null;
  /** Set when the booking resident closed their account: bookerResidentId, note and a bookedBy naming them are gone. */
  anonymisedAt?: Date;
}

export const BOOKING_FIELDS = {
  resourceId: 1,
  resourceKind: 1,
  servedPath: 1,
  bookerResidentId: 1,
  bookerOrganisationId: 1,
  bookerPath: 1,
  wishId: 1,
  startsAt: 1,
  endsAt: 1,
  quantity: 1,
  note: 1,
  status: 1,
  bookedAt: 1,
  cancelledAt: 1,
  anonymisedAt: 1,
} as const;

const bookingSchema = new Schema<BookingDocument>(
  {
    resourceId: { type: Schema.Types.ObjectId, required: true },
    resourceKind: { type: String, enum: RESOURCE_KINDS, required: true },
    servedPath: { type: [Schema.Types.ObjectId], required: true },
    bookerResidentId: { type: Schema.Types.ObjectId, default: null },
    bookerOrganisationId: { type: Schema.Types.ObjectId, default: null },
    bookerPath: { type: [Schema.Types.ObjectId], required: true },
    wishId: { type: Schema.Types.ObjectId, default: null },
    startsAt: { type: Date, default: null },
    endsAt: { type: Date, default: null },
    quantity: { type: Number, default: null },
    note: { type: String, default: null },
    status: { type: String, enum: BOOKING_STATUSES, required: true },
    bookedAt: { type: Date, required: true },
    bookedBy: { type: String, required: true },
    cancelledAt: { type: Date, default: null },
    anonymisedAt: { type: Date },
  },
  collectionOptions('bookings'),
);

// Resource.bookings: confirmed ones, paged in order of booking (goods bookings have no start).
bookingSchema.index({ resourceId: 1, status: 1, bookedAt: 1, _id: 1 });
// Resident.bookings, newest first.
bookingSchema.index({ bookerResidentId: 1, bookedAt: -1 });
// Wish.bookings, paged in order of booking.
bookingSchema.index({ wishId: 1, bookedAt: 1, _id: 1 });
// The booking aggregate: a subtree's confirmed bookings in a period.
bookingSchema.index({ servedPath: 1, status: 1, bookedAt: 1 });

export function bookingModel(connection: Connection) {
  return connection.model<BookingDocument>('Booking', bookingSchema);
}
