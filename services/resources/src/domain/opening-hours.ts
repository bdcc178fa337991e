import type { InputViolation } from '@civic/service-kit';
import type { Weekday } from './vocabulary.ts';
import { WEEKDAYS } from './vocabulary.ts';

/**
 * Weekly opening hours and slot booking. Times are China time (UTC+8, no daylight saving), as
 * residents read a venue's notice board. A booking covers whole slots inside one window.
 */

export interface OpeningWindow {
  weekday: Weekday;
  /** Minutes after midnight, China time. */
  opensAt: number;
  closesAt: number;
}

export const SLOT_LENGTHS = [30, 60] as const;
// Longer than a working day is a lease, not a booking.
export const MAX_BOOKING_MINUTES = 8 * 60;

const MINUTE = 60_000;
const CHINA_OFFSET = 8 * 60 * MINUTE;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;


// The rule errors of opening hours (openingWindows) and of bookings (bookedSlots).

export function slotLengthNotOffered(): InputViolation {
  return { field: 'slotMinutes', message: 'must be 30 or 60' };
}

export function noOpeningWindow(): InputViolation {
  return { field: 'openingHours', message: 'must list at least one window' };
}

/** The `index`th window's opening or closing time is not HH:MM. */
export function notAClockTime(index: number, end: 'opens' | 'closes'): InputViolation {
  return { field: `openingHours[${index}].${end}`, message: 'must be a time HH:MM' };
}

export function closesBeforeOpening(index: number): InputViolation {
  return { field: `openingHours[${index}].closes`, message: 'must be after opens' };
}

/** A window whose length is not a multiple of the slot length. */
export function windowOfPartSlots(index: number, slotMinutes: number): InputViolation {
  return { field: `openingHours[${index}].closes`, message: `must leave whole slots of ${slotMinutes} minutes` };
}

export function windowsOverlap(index: number): InputViolation {
  return { field: `openingHours[${index}]`, message: 'overlaps another window of the same day' };
}

export function startsInThePast(): InputViolation {
  return { field: 'startsAt', message: 'must be in the future' };
}

export function endsBeforeStart(): InputViolation {
  return { field: 'endsAt', message: 'must be after startsAt' };
}

export function bookingTooLong(): InputViolation {
  return { field: 'endsAt', message: `must be at most ${MAX_BOOKING_MINUTES / 60} hours after startsAt` };
}

export function outsideOpeningHours(): InputViolation {
  return { field: 'startsAt', message: 'must lie within the opening hours' };
}

/** A booking that starts or ends inside a slot; `opensAt` (minutes after midnight) is its window's opening. */
export function bookingOfPartSlots(slotMinutes: number, opensAt: number): InputViolation {
  return { field: 'startsAt', message: `must cover whole slots of ${slotMinutes} minutes from ${formatClockTime(opensAt)}` };
}

/** "08:30" → 510; null when not HH:MM. */
export function parseClockTime(text: string): number | null {
  const match = HH_MM.exec(text);
  if (!match) return null;
  return text === '24:00' ? 24 * 60 : Number(match[1]) * 60 + Number(match[2]);
}

export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Validated windows for a slot length, or the first error with its field. */
export function openingWindows(
  input: readonly { weekday: Weekday; opens: string; closes: string }[],
  slotMinutes: number,
): { windows: OpeningWindow[] } | { error: InputViolation } {
  if (!SLOT_LENGTHS.includes(slotMinutes as 30 | 60)) return { error: slotLengthNotOffered() };
  if (input.length === 0) return { error: noOpeningWindow() };
  const windows: OpeningWindow[] = [];
  for (const [index, entry] of input.entries()) {
    const opensAt = parseClockTime(entry.opens);
    const closesAt = parseClockTime(entry.closes);
    if (opensAt === null) return { error: notAClockTime(index, 'opens') };
    if (closesAt === null) return { error: notAClockTime(index, 'closes') };
    if (closesAt <= opensAt) return { error: closesBeforeOpening(index) };
    if ((closesAt - opensAt) % slotMinutes !== 0) return { error: windowOfPartSlots(index, slotMinutes) };
    const overlapping = windows.some((other) => other.weekday === entry.weekday && opensAt < other.closesAt && other.opensAt < closesAt);
    if (overlapping) return { error: windowsOverlap(index) };
    windows.push({ weekday: entry.weekday, opensAt, closesAt });
  }
  return { windows: windows.sort((a, b) => WEEKDAYS.indexOf(a.weekday) - WEEKDAYS.indexOf(b.weekday) || a.opensAt - b.opensAt) };
}

/** The weekday and minutes after midnight of an instant, in China time. */
export function chinaWeekTime(instant: Date): { weekday: Weekday; minutes: number } {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET);
  // getUTCDay: 0 is Sunday.
  const weekday = WEEKDAYS[(shifted.getUTCDay() + 6) % 7]!;
  return { weekday, minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
}

/**
 * The start of every slot a booking from `startsAt` to `endsAt` takes, or why it cannot be booked:
 * it must lie in the future, inside one opening window, and cover whole slots.
 */
export function bookedSlots(
  booking: { startsAt: Date; endsAt: Date },
  windows: readonly OpeningWindow[],
  slotMinutes: number,
  now: Date,
): { slots: Date[] } | { error: InputViolation } {
  const { startsAt, endsAt } = booking;
  if (startsAt.getTime() <= now.getTime()) return { error: startsInThePast() };
  const length = (endsAt.getTime() - startsAt.getTime()) / MINUTE;
  if (length <= 0) return { error: endsBeforeStart() };
  if (length > MAX_BOOKING_MINUTES) return { error: bookingTooLong() };
  const start = chinaWeekTime(startsAt);
  const window = windows.find((candidate) => candidate.weekday === start.weekday && candidate.opensAt <= start.minutes && start.minutes < candidate.closesAt);
  if (!window || start.minutes + length > window.closesAt) return { error: outsideOpeningHours() };
  if (startsAt.getTime() % MINUTE !== 0 || (start.minutes - window.opensAt) % slotMinutes !== 0 || length % slotMinutes !== 0) {
    return { error: bookingOfPartSlots(slotMinutes, window.opensAt) };
  }
  const slots = Array.from({ length: length / slotMinutes }, (_, index) => new Date(startsAt.getTime() + index * slotMinutes * MINUTE));
  return { slots };
}

