import { bookedSlots, chinaWeekTime, type OpeningWindow } from '@civic/resources/seed';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const CHINA_OFFSET = 8 * 60 * MINUTE;

/**
 * The start of every slot a resource opens in the `days` China-time days from `after`'s day on,
 * later than `after`, earliest first, without those `taken`. Each is a booking the resources
 * service accepts by its own rule (bookedSlots), so a request for one fails only if another took it.
 */
export function upcomingSlots(windows: readonly OpeningWindow[], slotMinutes: number, after: Date, days: number, taken: ReadonlySet<number> = new Set()): Date[] {
  const chinaMidnight = Math.floor((after.getTime() + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET;
  const slots: Date[] = [];
  for (let day = 0; day < days; day++) {
    const midnight = chinaMidnight + day * DAY;
    const { weekday } = chinaWeekTime(new Date(midnight));
    for (const window of windows.filter((candidate) => candidate.weekday === weekday)) {
      for (let minutes = window.opensAt; minutes + slotMinutes <= window.closesAt; minutes += slotMinutes) {
        const startsAt = new Date(midnight + minutes * MINUTE);
        if (startsAt.getTime() <= after.getTime() || taken.has(startsAt.getTime())) continue;
        const accepted = bookedSlots({ startsAt, endsAt: new Date(startsAt.getTime() + slotMinutes * MINUTE) }, windows, slotMinutes, after);
        if ('error' in accepted) throw new Error(`slot at ${startsAt.toISOString()}: ${accepted.error.field} ${accepted.error.message}`);
        slots.push(startsAt);
      }
    }
  }
  return slots;
}

/** The slot starts the given bookings hold. */
export function takenSlots(bookings: readonly { startsAt: Date; endsAt: Date }[], slotMinutes: number): Set<number> {
  const taken = new Set<number>();
  for (const { startsAt, endsAt } of bookings) {
    for (let start = startsAt.getTime(); start < endsAt.getTime(); start += slotMinutes * MINUTE) taken.add(start);
  }
  return taken;
}
