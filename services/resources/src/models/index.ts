import type { Connection } from 'mongoose';
import { outboxModel } from '@civic/events';
import { resourceModel } from './resource.ts';
import { bookingModel } from './booking.ts';
import { bookingSlotModel } from './booking-slot.ts';
import { disbursementModel } from './disbursement.ts';
import { ledgerEntryModel } from './ledger-entry.ts';
import { parkingApplicationModel } from './parking-application.ts';
import { parkingPrioritySagaModel } from './parking-priority-saga.ts';

export function createModels(connection: Connection) {
  return {
    Resource: resourceModel(connection),
    Booking: bookingModel(connection),
    BookingSlot: bookingSlotModel(connection),
    Disbursement: disbursementModel(connection),
    LedgerEntry: ledgerEntryModel(connection),
    ParkingApplication: parkingApplicationModel(connection),
    Outbox: outboxModel(connection),
    ParkingPrioritySaga: parkingPrioritySagaModel(connection),
  };
}

export type Models = ReturnType<typeof createModels>;
