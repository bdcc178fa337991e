import type { Random } from './random.ts';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
// China keeps UTC+8 all year.
const CHINA_OFFSET_MS = 8 * HOUR_MS;

/**
 * Personal facts (births, ID numbers, party and volunteer records, registrations) are fixed dates
 * up to the middle of this year, so they are the same whenever the data is seeded; ages and the
 * over-80 tag are reckoned in this year, which stays true in every later year.
 */
export const REFERENCE_YEAR = 2025;
// The last minute of 30 June, so that every working-hours moment of that day lies before it.
export const REFERENCE_DATE = chinaTime(REFERENCE_YEAR, 6, 30, 23, 59);

/** A person's age in REFERENCE_YEAR; every seeded resident has a birth year. */
export function ageOf(person: { birthYear: number | null }): number {
  return REFERENCE_YEAR - person.birthYear!;
}

/** A moment given in China's wall-clock time. */
export function chinaTime(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - CHINA_OFFSET_MS);
}

/** A working-hours moment on a random day from `from` to `to` (China dates, both included). */
export function fixedDateBetween(random: Random, from: Date, to: Date): Date {
  const days = Math.floor((to.getTime() - from.getTime()) / DAY_MS);
  const day = chinaMidnight(new Date(from.getTime() + random.int(0, Math.max(days, 0)) * DAY_MS));
  return new Date(day.getTime() + random.int(9 * 60, 17 * 60) * 60_000);
}

/** A working-hours moment in the given year, before REFERENCE_DATE. */
export function fixedDateInYear(random: Random, year: number): Date {
  const end = year >= REFERENCE_YEAR ? REFERENCE_DATE : chinaTime(year, 12, 31);
  return fixedDateBetween(random, chinaTime(year, 1, 1), end);
}

/** The month (1..12) of a moment on China's calendar. */
export function chinaMonth(moment: Date): number {
  return new Date(moment.getTime() + CHINA_OFFSET_MS).getUTCMonth() + 1;
}

function chinaMidnight(moment: Date): Date {
  const local = moment.getTime() + CHINA_OFFSET_MS;
  return new Date(local - (local % DAY_MS) - CHINA_OFFSET_MS);
}

/**
 * Activities, posts, check-ins and points are laid out around the day the data is seeded, so
 * that some activities are still ahead and posts are recent. Offsets come from the seeded stream,
 * so the same day gives the same data.
 */
export class Timeline {
  /** Midnight (China time) starting the seed day: everything "past" happens before it. */
  readonly today: Date;

  constructor(now: Date) {
    this.today = chinaMidnight(now);
  }

  /** `days` from today (negative: in the past) at the given China wall-clock time. */
  at(days: number, hour: number, minute = 0): Date {
    return new Date(this.today.getTime() + days * DAY_MS + hour * HOUR_MS + minute * 60_000);
  }

  /** The China calendar year of the seed day. */
  get year(): number {
    return new Date(this.today.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
  }
}

export function addHours(moment: Date, hours: number): Date {
  return new Date(moment.getTime() + hours * HOUR_MS);
}

export function addDays(moment: Date, days: number): Date {
  return new Date(moment.getTime() + days * DAY_MS);
}
