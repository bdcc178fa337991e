import type { Resolvers } from '../generated/resolvers-types.ts';
import { Actor, OpeningHours, Resource, ResourceAvailability, ResourcePlace } from './resource.ts';
import { resourceMutations, resourceQueries } from './resource-operations.ts';
import { Booking } from './booking.ts';
import { bookingMutations, bookingQueries } from './booking-operations.ts';
import { Disbursement, Fund, FundLedgerEntry } from './fund.ts';
import { fundMutations, fundQueries } from './fund-operations.ts';
import { ParkingApplication, ParkingPrioritySpending, ParkingQuota } from './parking.ts';
import { parkingPriorityMutations } from './parking-priority-operations.ts';
import { parkingMutations, parkingQueries } from './parking-operations.ts';
import { bookingAggregateQueries } from './booking-aggregate-operations.ts';
import { fundAggregateQueries } from './fund-aggregate-operations.ts';
import { Organisation } from './organisation.ts';
import { Resident } from './resident.ts';
import { Wish } from './wish.ts';
import { PersonalDataExport } from './personal-data-export.ts';

export const resolvers: Resolvers = {
  Actor,
  Resource,
  ResourceAvailability,
  OpeningHours,
  ResourcePlace,
  Booking,
  Fund,
  FundLedgerEntry,
  Disbursement,
  ParkingQuota,
  ParkingApplication,
  ParkingPrioritySpending,
  Organisation,
  Resident,
  Wish,
  Query: { ...resourceQueries, ...bookingQueries, ...fundQueries, ...parkingQueries, ...bookingAggregateQueries, ...fundAggregateQueries },
  Mutation: { ...resourceMutations, ...bookingMutations, ...fundMutations, ...parkingMutations, ...parkingPriorityMutations },
  PersonalDataExport,
};
