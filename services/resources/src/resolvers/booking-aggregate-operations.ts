import { answerFromCells, asGraphAggregate, cellsOf, chinaMonthKey, parseMonthPeriod, type Grouping, type PersonFact } from '@civic/service-kit';
import type { BookingDimension, QueryResolvers } from '../generated/resolvers-types.ts';
import { RESOURCE_KINDS, RESOURCE_POOLS } from '../domain/vocabulary.ts';
import type { BookingDocument } from '../models/booking.ts';
import type { ResourceDocument } from '../models/resource.ts';
import type { Models } from '../models/index.ts';
import { aggregateScope } from './aggregate-scope.ts';

const MEASURES = ['bookings', 'hours', 'quantity'] as const;
const HOUR = 3_600_000;

type CountedBooking = Pick<BookingDocument, 'resourceId' | 'resourceKind' | 'servedPath' | 'bookerResidentId' | 'bookerOrganisationId' | 'startsAt' | 'endsAt' | 'quantity' | 'bookedAt'>;

/** Cells are one served organisation, one China month, one pool and one resource kind, whatever the grouping. */
const GROUPING: Record<BookingDimension, Grouping> = {
  POOL: { groupOf: (cell) => cell.attributes.pool!, measures: MEASURES, order: RESOURCE_POOLS },
  RESOURCE_KIND: { groupOf: (cell) => cell.attributes.kind!, measures: MEASURES, order: RESOURCE_KINDS },
  MONTH: { groupOf: (cell) => cell.month!, measures: MEASURES },
};

export const bookingAggregateQueries: QueryResolvers = {
  bookingAggregate: async (_parent, { organisationId, period, by }, context) => {
    const organisation = await aggregateScope(context, organisationId);
    const months = parseMonthPeriod('period', period.from, period.to);
    const bookings = await context.models.Booking.find(
      { servedPath: organisation, status: 'CONFIRMED', bookedAt: { $gte: months.start, $lt: months.end } },
      { resourceId: 1, resourceKind: 1, servedPath: 1, bookerResidentId: 1, bookerOrganisationId: 1, startsAt: 1, endsAt: 1, quantity: 1, bookedAt: 1 },
    ).lean<CountedBooking[]>();
    const pools = await poolsOf(context.models.Resource, bookings);
    // A cell's unit is the organisation the resource serves: the last of its served path.
    const facts = bookings.map(
      (booking): PersonFact => ({
        unit: booking.servedPath.at(-1)!.toHexString(),
        month: chinaMonthKey(booking.bookedAt),
        attributes: { pool: pools.get(booking.resourceId.toHexString())!, kind: booking.resourceKind },
        person: (booking.bookerResidentId ?? booking.bookerOrganisationId)!.toHexString(),
        measures: {
          bookings: 1,
          hours: booking.startsAt && booking.endsAt ? (booking.endsAt.getTime() - booking.startsAt.getTime()) / HOUR : 0,
          quantity: booking.quantity ?? 0,
        },
      }),
    );
    return asGraphAggregate(answerFromCells(cellsOf(facts), GROUPING[by]));
  },
};

/** The pool of each booked resource, in one read. */
async function poolsOf(Resource: Models['Resource'], bookings: readonly CountedBooking[]): Promise<Map<string, string>> {
  const ids = [...new Set(bookings.map((booking) => booking.resourceId.toHexString()))];
  const resources = await Resource.find({ _id: { $in: ids } }, { pool: 1 }).lean<Pick<ResourceDocument, '_id' | 'pool'>[]>();
  return new Map(resources.map((resource) => [resource._id.toHexString(), resource.pool]));
}
