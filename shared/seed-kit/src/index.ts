export { Random, type Range } from './random.ts';
export { ObjectIdSource } from './object-ids.ts';
export { Timeline, REFERENCE_DATE, REFERENCE_YEAR, addDays, addHours, ageOf, chinaMonth, chinaTime, fixedDateBetween, fixedDateInYear } from './timeline.ts';
export { givenName, mobilePhone, surname, type Gender } from './people-names.ts';
export { ORDINALS } from './ordinals.ts';
export { SEED_SUBJECT } from './seed-subject.ts';
export type {
  ActivityAttendance,
  CommunityOrganisations,
  GeoPoint,
  GridLevel,
  GridOpener,
  GridReference,
  GridResponsible,
  OrganisationReference,
  ResidentReference,
  SeededCommunity,
  SeedWorld,
  StreetOrganisations,
  WishReference,
} from './references.ts';
