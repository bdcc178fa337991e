import type { ActivityDocument } from '../models/activity.ts';
import type { ActivitySignUpDocument } from '../models/activity-sign-up.ts';
import type { ActivityCheckInDocument } from '../models/activity-check-in.ts';
import type { OrganisationDocument } from '../models/organisation.ts';
import { ACTIVITY_CATEGORIES, MAX_CAPACITY, MAX_CO_HOSTS, MIN_CAPACITY, activityWindowError, serviceHoursFor } from '../domain/activity-rules.ts';
import { MAX_ADDRESS_LENGTH, MAX_DESCRIPTION_LENGTH, MAX_NAME_LENGTH } from '../domain/text-limits.ts';
import { toGeoJsonPoint } from '@civic/service-kit';
import { addDays, addHours, ageOf, SEED_SUBJECT, type GeoPoint, type ObjectIdSource, type Random, type ResidentReference, type Timeline } from '@civic/seed-kit';
import type { CommunityOrganisations, StreetOrganisations } from './organisations-seed.ts';
import { ACTIVITY_TEMPLATES, COMMUNITY_VENUES, COMPOUND_VENUES } from './text/civic-text.ts';

export interface ActivityRecords {
  activities: ActivityDocument[];
  signUps: ActivitySignUpDocument[];
  checkIns: ActivityCheckInDocument[];
}

/** Where and for whom a set of activities is organised: a community, or a whole street. */
export interface ActivitySetting {
  hosts: readonly OrganisationDocument[];
  /** Partners that may co-host (the community's co-building units). */
  coHosts: readonly OrganisationDocument[];
  place: (random: Random) => string;
  centre: GeoPoint;
  residents: readonly ResidentReference[];
  volunteers: readonly ResidentReference[];
}

/** A community's activities: its party committee and volunteer teams organise most of them. */
export function communityActivities(community: CommunityOrganisations, residents: readonly ResidentReference[], volunteers: readonly ResidentReference[]): ActivitySetting {
  return {
    // The party committee and the volunteer teams organise most activities.
    hosts: [community.community, community.community, community.residentsCommittee, community.serviceCentre, ...community.volunteerTeams, ...community.volunteerTeams, ...community.branches],
    coHosts: community.coBuildingUnits,
    place: (random) => (random.chance(0.5) ? `${community.name}${random.pick(COMMUNITY_VENUES)}` : `${random.pick(community.compounds)}${random.pick(COMPOUND_VENUES)}`),
    centre: community.centre,
    residents,
    volunteers,
  };
}

/** A street's own activities, at its service centre, for everyone in the street. */
export function streetActivities(street: StreetOrganisations, residents: readonly ResidentReference[], volunteers: readonly ResidentReference[]): ActivitySetting {
  return {
    hosts: [street.street, street.serviceCentre, street.volunteerTeam],
    coHosts: [],
    place: (random) => `${street.serviceCentre.name}${random.pick(['多功能厅', '一楼大厅', '门前广场'])}`,
    centre: street.communities[0]!.centre,
    residents,
    volunteers,
  };
}

const PAST_SHARE = 0.65;
const CHECK_IN_RATE = 0.85;
const VOLUNTEER_SHARE = 0.7;
const PARTICIPANT_AGES = [12, 80] as const;

/**
 * Activities (微行动) over the last three months and the next month. Past ones have sign-ups and
 * check-ins with service hours; coming ones are partly booked, some full. An activity's
 * `signedUpCount` is the number of its sign-ups, never more than the capacity.
 */
export function organiseActivities(setting: ActivitySetting, count: number, timeline: Timeline, random: Random, ids: ObjectIdSource, records: ActivityRecords): void {
  for (let index = 0; index < count; index++) {
    const activity = newActivity(setting, timeline, random, ids);
    records.activities.push(activity);
    const past = activity.endsAt.getTime() <= timeline.today.getTime();
    const seats = past ? random.int(Math.ceil(activity.capacity / 2), activity.capacity) : random.chance(0.15) ? activity.capacity : random.int(Math.ceil(activity.capacity / 5), activity.capacity);
    const closes = new Date(Math.min(activity.startsAt.getTime(), timeline.today.getTime()));
    const times = Array.from({ length: seats }, () => new Date(activity.createdAt.getTime() + random.next() * (closes.getTime() - activity.createdAt.getTime()))).sort((a, b) => a.getTime() - b.getTime());
    const signedUp = participants(setting, seats, random);
    activity.signedUpCount = signedUp.length;
    signedUp.forEach((resident, position) => {
      records.signUps.push({ _id: ids.next(), activityId: activity._id, residentId: resident._id, signedUpAt: times[position]! });
      if (!past || !random.chance(CHECK_IN_RATE)) return;
      // Most stay to the end; latecomers are credited half an hour less.
      const requested = random.chance(0.8) ? null : Math.max(0.5, (activity.endsAt.getTime() - activity.startsAt.getTime()) / 3600_000 - 0.5);
      const hours = serviceHoursFor(activity, requested);
      if ('error' in hours) throw new Error(`seed: check-in hours for ${activity.title}: ${hours.error}`);
      records.checkIns.push({
        _id: ids.next(),
        activityId: activity._id,
        residentId: resident._id,
        hours: hours.hours,
        checkedInAt: new Date(activity.startsAt.getTime() + random.int(0, 40) * 60_000),
        checkedInBy: SEED_SUBJECT,
      });
    });
  }
}

function newActivity(setting: ActivitySetting, timeline: Timeline, random: Random, ids: ObjectIdSource): ActivityDocument {
  const category = random.pick(ACTIVITY_CATEGORIES);
  const template = random.pick(ACTIVITY_TEMPLATES[category]);
  const host = random.pick(setting.hosts);
  const day = random.chance(PAST_SHARE) ? -random.int(1, 90) : random.int(1, 30);
  const startsAt = category === 'SECURITY_PATROL' ? timeline.at(day, 19) : timeline.at(day, random.pick([9, 9, 14, 15]), random.pick([0, 30]));
  const endsAt = addHours(startsAt, random.within(template.hours));
  const createdAt = addDays(startsAt, -random.int(5, 20));
  const coHostIds = setting.coHosts.length > 0 && random.chance(0.3) ? [random.pick(setting.coHosts)._id] : [];
  const document: ActivityDocument = {
    _id: ids.next(),
    category,
    title: template.title,
    description: template.description,
    hostId: host._id,
    hostPath: host.path,
    coHostIds,
    startsAt,
    endsAt,
    place: {
      address: setting.place(random),
      location: toGeoJsonPoint('place.location', {
        longitude: round6(setting.centre.longitude + (random.next() - 0.5) * 0.008),
        latitude: round6(setting.centre.latitude + (random.next() - 0.5) * 0.008),
      }),
    },
    capacity: random.within(template.capacity),
    signedUpCount: 0,
    visibility: random.chance(0.6) ? 'PUBLIC' : 'COMMUNITY',
    cancelled: false,
    createdAt,
  };
  requireAcceptable(document);
  return document;
}

/** What createActivity checks, as of the moment the activity was created. */
function requireAcceptable(activity: ActivityDocument): void {
  const window = activityWindowError(activity, activity.createdAt);
  const problem =
    (window && `${window.field} ${window.message}`) ??
    (activity.capacity < MIN_CAPACITY || activity.capacity > MAX_CAPACITY ? 'capacity out of range' : null) ??
    (activity.title.length > MAX_NAME_LENGTH || activity.description.length > MAX_DESCRIPTION_LENGTH || activity.place.address.length > MAX_ADDRESS_LENGTH ? 'text too long' : null) ??
    (activity.coHostIds.length > MAX_CO_HOSTS || activity.coHostIds.some((id) => id.equals(activity.hostId)) ? 'bad co-hosts' : null);
  if (problem) throw new Error(`seed: activity ${activity.title}: ${problem}`);
}

/** Different residents, mostly volunteers, old enough to take part. */
function participants(setting: ActivitySetting, count: number, random: Random): ResidentReference[] {
  const chosen = new Set<ResidentReference>();
  for (let attempt = 0; chosen.size < count && attempt < count * 20; attempt++) {
    const pool = setting.volunteers.length > 0 && random.chance(VOLUNTEER_SHARE) ? setting.volunteers : setting.residents;
    const resident = random.pick(pool);
    const age = ageOf(resident);
    if (age >= PARTICIPANT_AGES[0] && age <= PARTICIPANT_AGES[1]) chosen.add(resident);
  }
  return [...chosen];
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
