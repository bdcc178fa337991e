import DataLoader from 'dataloader';
import type { Model, Types } from 'mongoose';
import type { Viewer } from '@civic/identity';
import { loaderById, loaderByForeignKey, objectIdsOf, pageLoader, type RequestFacts, type SortOrder } from '@civic/service-kit';
import type { Models } from './models/index.ts';
import { RESOURCE_FIELDS, type ResourceDocument } from './models/resource.ts';
import { BOOKING_FIELDS, type BookingDocument } from './models/booking.ts';
import { DISBURSEMENT_FIELDS } from './models/disbursement.ts';
import { DISBURSEMENT_STATES, PARKING_APPLICATION_STATUSES } from './domain/vocabulary.ts';
import { PARKING_APPLICATION_FIELDS } from './models/parking-application.ts';
import { PARKING_PRIORITY_SAGA_FIELDS } from './models/parking-priority-saga.ts';
import { matchResources, type WishForMatching } from './domain/matching.ts';
import { personalDataReadTeller } from './persistence/personal-data-reads.ts';
import { readableBookingsFilter } from './authorisation.ts';

/** Built per request by the service kit: one query per entity type per level, never a cache shared by callers. */
export function createLoaders(models: Models, viewer: Viewer, request: RequestFacts) {
  const resource = loaderById(models.Resource, RESOURCE_FIELDS);
  return {
    resource,
    resourcePagesOfProvider: pageLoader(models.Resource, 'providerOrganisationId', {}, BY_TITLE),
    fundPagesOfProvider: pageLoader(models.Resource, 'providerOrganisationId', { kind: 'FUND' }, BY_TITLE),
    matchingResources: matchingResourcesLoader(models),
    booking: loaderById(models.Booking, BOOKING_FIELDS),
    bookingPagesOfResident: pageLoader(models.Booking, 'bookerResidentId', {}, { field: 'bookedAt', direction: -1 }),
    readableBookingPagesOfWish: pageLoader(models.Booking, 'wishId', readableBookingsFilter(viewer), EARLIEST_BOOKED_FIRST, { projection: BOOKING_FIELDS }),
    // Goods bookings have no start: `from` narrows slot bookings only.
    confirmedBookingPagesOfResource: pageLoader<BookingDocument, { from: string }>(models.Booking, 'resourceId', { status: 'CONFIRMED' }, EARLIEST_BOOKED_FIRST, {
      narrowing: ({ from }) => ({ $or: [{ startsAt: null }, { startsAt: { $gte: new Date(from) } }] }),
      projection: BOOKING_FIELDS,
    }),
    disbursement: loaderById(models.Disbursement, DISBURSEMENT_FIELDS),
    disbursementPagesOfFund: pagesByState(models.Disbursement, 'fundId', 'state', DISBURSEMENT_STATES, { field: 'proposedAt', direction: 1 }),
    parkingApplication: loaderById(models.ParkingApplication, PARKING_APPLICATION_FIELDS),
    applicationsOfResource: loaderByForeignKey(models.ParkingApplication, 'resourceId', { sort: { appliedAt: 1, _id: 1 }, projection: PARKING_APPLICATION_FIELDS }),
    applicationPagesOfResource: pagesByState(models.ParkingApplication, 'resourceId', 'status', PARKING_APPLICATION_STATUSES, { field: 'appliedAt', direction: 1 }),
    prioritySagasOfApplication: loaderByForeignKey(models.ParkingPrioritySaga, 'applicationId', { sort: { startedAt: 1, _id: 1 }, projection: PARKING_PRIORITY_SAGA_FIELDS }),
    /** Unmasked reads of a resident's sensitive data (disbursements received), batched into the residents' access log like a loader's keys. */
    personalDataReads: personalDataReadTeller(models, viewer, request),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

const BY_TITLE: SortOrder = { field: 'title', direction: 1 };
const EARLIEST_BOOKED_FIRST: SortOrder = { field: 'bookedAt', direction: 1 };

/** Page loaders of owners' lists, one for the whole list (ALL) and one for each state a caller may ask for. */
function pagesByState<T extends { _id: Types.ObjectId }, S extends string>(model: Model<T>, ownerField: string, stateField: string, states: readonly S[], order: SortOrder) {
  const byState = Object.fromEntries(states.map((state) => [state, pageLoader(model, ownerField, { [stateField]: state }, order)])) as Record<S, ReturnType<typeof pageLoader<T>>>;
  return { ALL: pageLoader(model, ownerField, {}, order), ...byState };
}

export interface MatchRequest extends WishForMatching {
  first: number;
}

/**
 * Matches for every wish of a request level in one query: the active resources serving any of
 * the wishes' organisations with any of their tags; each wish's own matches are picked in code.
 */
function matchingResourcesLoader(models: Models) {
  return new DataLoader<MatchRequest, ResourceDocument[], string>(
    async (requests) => {
      const organisationIds = new Set(requests.flatMap((request) => request.organisationPath));
      const tags = new Set(requests.flatMap((request) => request.tags));
      const candidates = await models.Resource.find(
        { servedOrganisationId: { $in: objectIdsOf([...organisationIds]) }, status: 'ACTIVE', tags: { $in: [...tags] } },
        RESOURCE_FIELDS,
      ).lean<ResourceDocument[]>();
      const described = candidates.map((document) => ({
        document,
        id: document._id.toHexString(),
        title: document.title,
        tags: document.tags,
        servedOrganisationId: document.servedOrganisationId.toHexString(),
        servedDepth: document.servedPath.length - 1,
      }));
      return requests.map((request) => matchResources(request, described, request.first).map((match) => match.document));
    },
    { cacheKeyFn: (request) => JSON.stringify([request.tags, request.organisationPath, request.first]) },
  );
}
