import type { Types } from 'mongoose';
import { toGeoJsonPoint } from '@civic/service-kit';
import type { ResourceDocument } from '../models/resource.ts';
import type { BookingDocument } from '../models/booking.ts';
import type { BookingSlotDocument } from '../models/booking-slot.ts';
import type { DisbursementDocument } from '../models/disbursement.ts';
import type { LedgerEntryDocument } from '../models/ledger-entry.ts';
import type { ParkingApplicationDocument } from '../models/parking-application.ts';
import type { ParkingPrioritySagaDocument } from '../models/parking-priority-saga.ts';
import { bookedSlots, openingWindows, type OpeningWindow } from '../domain/opening-hours.ts';
import { balanceAfterMovement } from '../domain/fund-rules.ts';
import type { ResourceKind, ResourcePool } from '../domain/vocabulary.ts';
import {
  addDays,
  addHours,
  SEED_SUBJECT,
  type ObjectIdSource,
  type OrganisationReference,
  type GeoPoint,
  type Random,
  type ResidentReference,
  type SeededCommunity,
  type SeedWorld,
  type Timeline,
} from '@civic/seed-kit';

/** The resources service's sample data, by model name (as its createModels names them). */
export interface ResourceRecords {
  Resource: ResourceDocument[];
  Booking: BookingDocument[];
  BookingSlot: BookingSlotDocument[];
  Disbursement: DisbursementDocument[];
  LedgerEntry: LedgerEntryDocument[];
  ParkingApplication: ParkingApplicationDocument[];
  /** None: priority is bought once the graph runs. */
  ParkingPrioritySaga: ParkingPrioritySagaDocument[];
}

const SLOT_MINUTES = 30;
const WEEKDAY_HOURS = (['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const).flatMap((weekday) => [
  { weekday, opens: '08:30', closes: '11:30' },
  { weekday, opens: '14:00', closes: '17:30' },
]);
const VENUE_BOOKINGS: readonly [number, number] = [6, 12];
// One street opened 50 shared parking places in under two months (DOMAIN.md, workflow 8).
const PARKING_PLACES = 50;
const PARKING_APPLICANTS: readonly [number, number] = [55, 65];
const BOOKING_NOTES = ['楼栋议事会', '党小组学习', '老年合唱队排练', '四点半课堂', '志愿者培训', '业委会例会'];
const HARDSHIP_REASONS = ['大病住院探望慰问金', '重病家庭困难补助', '独居老人医疗补助', '残疾人康复补助'];

/**
 * Resources of the three pools for every street and community: venues with bookings, the
 * property company's repair service, goods on loan, a hardship fund with its ledger, and the
 * street's shared parking places with applications, a waiting list and releases. Records obey
 * the service's own rules (opening hours, slots, stock, balance, quota).
 */
export function generateResources(world: SeedWorld): ResourceRecords {
  const records: ResourceRecords = { Resource: [], Booking: [], BookingSlot: [], Disbursement: [], LedgerEntry: [], ParkingApplication: [], ParkingPrioritySaga: [] };
  const random = world.random.fork('resources');
  const { ids, timeline } = world;
  const windows = venueWindows();
  world.streets.forEach((street, streetIndex) => {
    const stream = random.fork(`street:${streetIndex}`);
    const communities = world.communities.filter((community) => community.street === street);
    const streetResidents = communities.flatMap((community) => community.residents);
    const resource = (fields: ResourceFields) => newResource(fields, ids, timeline, records);
    // The street's service centre stands where its street activities take place: by its first community.
    const hall = { address: `${street.serviceCentre.name}多功能厅`, location: communities[0]!.organisations.centre };
    resource({ pool: 'ADMINISTRATIVE', kind: 'VENUE', title: `${street.name}党群服务中心多功能厅`, provider: street.serviceCentre, served: street.street, tags: ['场地', '议事', '培训'], windows, place: hall });
    const fund = resource({ pool: 'ADMINISTRATIVE', kind: 'FUND', title: `${street.name}困难群众帮扶基金`, provider: street.street, served: street.street, tags: ['帮扶', '大病', '助困'] });
    keepFundLedger(fund, streetResidents, stream.fork('fund'), ids, timeline, records);
    const parking = resource({ pool: 'MARKET', kind: 'PARKING', title: `${street.name}商业广场共享车位`, provider: street.serviceCentre, served: street.street, tags: ['停车'], parkingPlaces: PARKING_PLACES });
    queueForParking(parking, streetResidents, stream.fork('parking'), ids, timeline, records);
    communities.forEach((community, communityIndex) => seedCommunity(community, resource, windows, random.fork(`community:${streetIndex}:${communityIndex}`), ids, timeline, records));
  });
  return records;
}

interface ResourceFields {
  pool: ResourcePool;
  kind: ResourceKind;
  title: string;
  provider: OrganisationReference;
  served: OrganisationReference;
  tags: string[];
  windows?: OpeningWindow[];
  stock?: number;
  parkingPlaces?: number;
  place?: { address: string; location: GeoPoint };
}

function seedCommunity(community: SeededCommunity, resource: (fields: ResourceFields) => ResourceDocument, windows: OpeningWindow[], random: Random, ids: ObjectIdSource, timeline: Timeline, records: ResourceRecords): void {
  const { organisations } = community;
  const served = organisations.community;
  const place = { address: `${organisations.name}党群服务中心活动室`, location: organisations.centre };
  const venue = resource({ pool: 'ADMINISTRATIVE', kind: 'VENUE', title: `${organisations.name}党群服务中心活动室`, provider: organisations.serviceCentre, served, tags: ['场地', '议事'], windows, place });
  resource({ pool: 'MARKET', kind: 'SERVICE', title: `${organisations.propertyCompany.name}上门维修`, provider: organisations.propertyCompany, served, tags: ['维修', '物业'], windows });
  const unit = organisations.coBuildingUnits[0];
  if (unit) resource({ pool: 'PUBLIC_WELFARE', kind: 'SERVICE', title: `${unit.name}义诊服务`, provider: unit, served, tags: ['健康', '助老'], windows });
  const team = organisations.volunteerTeams[0] ?? served;
  const wheelchairs = resource({ pool: 'PUBLIC_WELFARE', kind: 'GOODS', title: '爱心轮椅', provider: team, served, tags: ['助老', '助残'], stock: random.int(4, 8) });
  bookVenue(venue, community.residents, organisations.branches, random.fork('venue'), ids, timeline, records);
  lendGoods(wheelchairs, community.residents, random.fork('goods'), ids, timeline, records);
}

function newResource(fields: ResourceFields, ids: ObjectIdSource, timeline: Timeline, records: ResourceRecords): ResourceDocument {
  const isSlotted = fields.windows !== undefined;
  const document: ResourceDocument = {
    _id: ids.next(),
    pool: fields.pool,
    kind: fields.kind,
    title: fields.title,
    description: `${fields.provider.name}提供，面向${fields.served.name}辖区居民和单位。`,
    providerOrganisationId: fields.provider._id,
    providerResidentId: null,
    servedOrganisationId: fields.served._id,
    servedPath: fields.served.path,
    tags: fields.tags,
    skills: [],
    openingHours: fields.windows ?? [],
    slotMinutes: isSlotted ? SLOT_MINUTES : null,
    stock: fields.stock ?? null,
    balanceFen: fields.kind === 'FUND' ? 0 : null,
    ledgerSequence: fields.kind === 'FUND' ? 0 : null,
    parkingPlaces: fields.parkingPlaces ?? null,
    contact: fields.provider.contact.phone ? { name: `${fields.provider.name}值班员`, phone: fields.provider.contact.phone } : null,
    place: fields.place ? { address: fields.place.address, location: toGeoJsonPoint('place.location', fields.place.location) } : null,
    status: 'ACTIVE',
    createdAt: addDays(timeline.today, -120),
    createdBy: SEED_SUBJECT,
  };
  records.Resource.push(document);
  return document;
}

function venueWindows(): OpeningWindow[] {
  const result = openingWindows(WEEKDAY_HOURS, SLOT_MINUTES);
  if ('error' in result) throw new Error(`seed: venue opening hours: ${result.error.message}`);
  return result.windows;
}

/** Bookings over the next two weeks by residents and party branches, never two on one slot. */
function bookVenue(venue: ResourceDocument, residents: readonly ResidentReference[], branches: readonly OrganisationReference[], random: Random, ids: ObjectIdSource, timeline: Timeline, records: ResourceRecords): void {
  const taken = new Set<number>();
  const count = random.within(VENUE_BOOKINGS);
  for (let attempt = 0; attempt < count * 5 && taken.size < count * 4; attempt++) {
    const startsAt = timeline.at(random.int(1, 14), random.pick([9, 10, 14, 15, 16]), random.pick([0, 30]));
    const endsAt = addHours(startsAt, random.pick([1, 1.5, 2]));
    const result = bookedSlots({ startsAt, endsAt }, venue.openingHours, SLOT_MINUTES, timeline.today);
    if ('error' in result || result.slots.some((slot) => taken.has(slot.getTime()))) continue;
    result.slots.forEach((slot) => taken.add(slot.getTime()));
    const branch = branches.length > 0 && random.chance(0.4) ? random.pick(branches) : null;
    const booking = newBooking(venue, ids, timeline, { startsAt, endsAt, quantity: null, note: random.pick(BOOKING_NOTES) }, branch, branch ? null : random.pick(residents));
    records.Booking.push(booking);
    records.BookingSlot.push(...result.slots.map((slotStart) => ({ _id: ids.next(), resourceId: venue._id, slotStart, bookingId: booking._id })));
  }
}

/** Some units out on loan: the stock left is what the bookings did not take. */
function lendGoods(goods: ResourceDocument, residents: readonly ResidentReference[], random: Random, ids: ObjectIdSource, timeline: Timeline, records: ResourceRecords): void {
  const elders = residents.filter((resident) => resident.specialCare.includes('ELDERLY_80_PLUS') || resident.specialCare.includes('DISABLED'));
  const loans = Math.min(random.int(1, 3), goods.stock!, elders.length);
  for (const borrower of random.sample(elders, loans)) {
    records.Booking.push(newBooking(goods, ids, timeline, { startsAt: null, endsAt: null, quantity: 1, note: '复诊用' }, null, borrower));
    goods.stock! -= 1;
  }
}

function newBooking(
  resource: ResourceDocument,
  ids: ObjectIdSource,
  timeline: Timeline,
  terms: Pick<BookingDocument, 'startsAt' | 'endsAt' | 'quantity' | 'note'>,
  organisation: OrganisationReference | null,
  resident: ResidentReference | null,
): BookingDocument {
  return {
    _id: ids.next(),
    resourceId: resource._id,
    resourceKind: resource.kind,
    servedPath: resource.servedPath,
    bookerResidentId: resident?._id ?? null,
    bookerOrganisationId: organisation?._id ?? null,
    bookerPath: organisation?.path ?? [],
    wishId: null,
    ...terms,
    status: 'CONFIRMED',
    bookedAt: addDays(timeline.today, -1),
    bookedBy: SEED_SUBJECT,
    cancelledAt: null,
  };
}

/** A yearly grant, then approved allowances to families hit by illness, one rejected and one still proposed. */
function keepFundLedger(fund: ResourceDocument, residents: readonly ResidentReference[], random: Random, ids: ObjectIdSource, timeline: Timeline, records: ResourceRecords): void {
  let balance = 0;
  let sequence = 0;
  const entry = (id: Types.ObjectId, amountFen: number, note: string, recordedAt: Date): void => {
    const after = balanceAfterMovement(balance, amountFen);
    if (after === null) throw new Error(`seed: ${note} would take the fund below zero`);
    balance = after;
    sequence += 1;
    records.LedgerEntry.push({ _id: id, fundId: fund._id, sequence, kind: amountFen > 0 ? 'DEPOSIT' : 'DISBURSEMENT', amountFen, balanceAfterFen: balance, note, recordedAt, recordedBy: SEED_SUBJECT });
  };
  entry(ids.next(), 20_000_000, '区民政局年度帮扶资金拨款', addDays(timeline.today, -90));
  const inNeed = residents.filter((resident) => resident.specialCare.includes('ILLNESS_POVERTY') || resident.specialCare.includes('LOW_INCOME'));
  const recipients = random.sample(inNeed.length > 0 ? inNeed : residents, random.int(6, 10));
  recipients.forEach((recipient, index) => {
    const proposedAt = addDays(timeline.today, -80 + index * 7);
    const state = index === recipients.length - 1 ? 'PROPOSED' : index === 2 ? 'REJECTED' : 'APPROVED';
    const disbursement: DisbursementDocument = {
      _id: ids.next(),
      fundId: fund._id,
      servedPath: fund.servedPath,
      recipientId: recipient._id,
      amountFen: random.int(5, 30) * 10_000,
      reason: random.pick(HARDSHIP_REASONS),
      state,
      proposedBy: 'seed:community-worker',
      proposedAt,
      decidedBy: state === 'PROPOSED' ? null : 'seed:street-admin',
      decidedAt: state === 'PROPOSED' ? null : addDays(proposedAt, 2),
      rejectionReason: state === 'REJECTED' ? '已由医保大病救助覆盖' : null,
    };
    records.Disbursement.push(disbursement);
    if (state === 'APPROVED') entry(disbursement._id, -disbursement.amountFen, disbursement.reason, disbursement.decidedAt!);
  });
  fund.balanceFen = balance;
  fund.ledgerSequence = sequence;
}

/**
 * Applications over the last two months: places 1..quota go in order of application, the rest
 * wait; a few allocated residents gave their place back, and the first waiting moved in.
 */
function queueForParking(parking: ResourceDocument, residents: readonly ResidentReference[], random: Random, ids: ObjectIdSource, timeline: Timeline, records: ResourceRecords): void {
  const applicants = random.sample(residents.filter((resident) => resident.birthYear !== null && resident.birthYear < 2000), random.within(PARKING_APPLICANTS));
  const start = addDays(timeline.today, -60);
  const quota = parking.parkingPlaces!;
  const applications: ParkingApplicationDocument[] = applicants.map((applicant, index) => {
    const _id = ids.next();
    const appliedAt = addHours(start, index * 20);
    const place = index < quota ? index + 1 : null;
    return {
      _id,
      resourceId: parking._id,
      servedPath: parking.servedPath,
      applicantId: applicant._id,
      status: place ? 'ALLOCATED' : 'WAITING',
      place,
      appliedAt,
      allocatedAt: place ? appliedAt : null,
      releasedAt: null,
      queueKey: null,
      priorityPlaces: 0,
    };
  });
  const waiting = applications.filter((application) => application.status === 'WAITING');
  for (const leaving of random.sample(applications.slice(0, quota), random.int(1, 3))) {
    const releasedAt = addDays(leaving.appliedAt, 30);
    const next = waiting.shift();
    if (next) Object.assign(next, { status: 'ALLOCATED', place: leaving.place, allocatedAt: releasedAt });
    Object.assign(leaving, { status: 'RELEASED', releasedAt });
  }
  records.ParkingApplication.push(...applications);
}
