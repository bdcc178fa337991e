import type { InputViolation } from '@civic/service-kit';
import type { MeetingLevel, MeetingStatus } from './vocabulary.ts';

/** Rules of a meeting itself: its level, its place, and the life of its status. */

export const MAX_HOSTS = 5;

/** The organisation kind of a community, whose micro-projects residents vote on. */
export const COMMUNITY_KIND = 'COMMUNITY_PARTY_COMMITTEE';

/** Organisation kinds that give a meeting its level; other hosts take the level of the nearest such ancestor. */
const LEVEL_OF_KIND: Readonly<Record<string, MeetingLevel>> = {
  COMMUNITY_PARTY_COMMITTEE: 'COMMUNITY',
  STREET_COMMITTEE: 'STREET',
  DISTRICT_COMMITTEE: 'DISTRICT',
};

const RANK: Readonly<Record<MeetingLevel, number>> = { COMMUNITY: 0, STREET: 1, DISTRICT: 2 };

/**
 * A host's level: its own kind's, or the nearest ancestor's (a property company under a
 * community meets at community level). `kinds` runs from the root down to the host itself.
 */
export function hostLevel(kinds: readonly string[]): MeetingLevel | null {
  for (let index = kinds.length - 1; index >= 0; index--) {
    const level = LEVEL_OF_KIND[kinds[index]!];
    if (level) return level;
  }
  return null;
}

/** A meeting's level is its highest host's: a joint conference of street and community is a street meeting. */
export function meetingLevel(hosts: readonly (readonly string[])[]): MeetingLevel | null {
  let highest: MeetingLevel | null = null;
  for (const kinds of hosts) {
    const level = hostLevel(kinds);
    if (level === null) return null;
    if (highest === null || RANK[level] > RANK[highest]) highest = level;
  }
  return highest;
}

export function venueMissing(): InputViolation {
  return { field: 'place', message: 'give a place, or an onlineUrl for an online meeting' };
}

export function placeAndLink(): InputViolation {
  return { field: 'onlineUrl', message: 'must be omitted when a place is given' };
}

export function linkNotHttps(): InputViolation {
  return { field: 'onlineUrl', message: 'must be an https:// link' };
}

/** Exactly one of place and link: why not (field and message), or null. */
export function venueError(place: string | null, onlineUrl: string | null): InputViolation | null {
  if (place === null && onlineUrl === null) return venueMissing();
  if (place !== null && onlineUrl !== null) return placeAndLink();
  if (onlineUrl !== null && !/^https:\/\/\S+$/.test(onlineUrl)) return linkNotHttps();
  return null;
}

/** From which statuses each step may be taken. */
export const MEETING_TRANSITIONS = {
  open: ['PLANNED'],
  close: ['IN_SESSION'],
  cancel: ['PLANNED'],
} as const satisfies Record<string, readonly MeetingStatus[]>;

export const MEETING_STEP_RESULT: Readonly<Record<keyof typeof MEETING_TRANSITIONS, MeetingStatus>> = {
  open: 'IN_SESSION',
  close: 'CLOSED',
  cancel: 'CANCELLED',
};

/** The agenda and the invitations change until the meeting closes or is cancelled. */
export function acceptsPreparation(status: MeetingStatus): boolean {
  return status === 'PLANNED' || status === 'IN_SESSION';
}

/** Invitees reply before the meeting opens. */
export function acceptsReplies(status: MeetingStatus): boolean {
  return status === 'PLANNED';
}

/** Attendance is taken in session. */
export function acceptsAttendance(status: MeetingStatus): boolean {
  return status === 'IN_SESSION';
}

/** Decisions are recorded in session only. */
export function acceptsDecisions(status: MeetingStatus): boolean {
  return status === 'IN_SESSION';
}

/**
 * Whether a matter of an organisation (its path, root first) may come before a meeting: the
 * organisation is a host or lies under one, or it is above a host (a street's matter at a
 * community meeting). A neighbouring community's wish is not this meeting's business.
 */
export function isWithinReach(matterPath: readonly string[], hostIds: readonly string[], hostPaths: readonly string[]): boolean {
  const organisation = matterPath.at(-1);
  if (organisation === undefined) return false;
  return matterPath.some((id) => hostIds.includes(id)) || hostPaths.includes(organisation);
}
