import { describe, expect, it } from 'vitest';
import {
  bookedSlots,
  bookingOfPartSlots,
  bookingTooLong,
  chinaWeekTime,
  closesBeforeOpening,
  endsBeforeStart,
  formatClockTime,
  noOpeningWindow,
  openingWindows,
  outsideOpeningHours,
  parseClockTime,
  slotLengthNotOffered,
  startsInThePast,
  windowOfPartSlots,
  windowsOverlap,
  type OpeningWindow,
} from '../../src/domain/opening-hours.ts';

// 2030-03-04 is a Monday; 09:00 China time is 01:00 UTC.
const MONDAY_9 = new Date('2030-03-04T09:00:00+08:00');
const NOW = new Date('2030-03-01T12:00:00+08:00');
const WINDOWS: OpeningWindow[] = [{ weekday: 'MONDAY', opensAt: 8 * 60 + 30, closesAt: 11 * 60 + 30 }];
const at = (time: string) => new Date(`2030-03-04T${time}:00+08:00`);

describe('opening hours', () => {
  it('reads and writes HH:MM clock times, 24:00 included', () => {
    expect([parseClockTime('08:30'), parseClockTime('24:00'), parseClockTime('8:30'), parseClockTime('25:00')]).toEqual([510, 1440, null, null]);
    expect([formatClockTime(510), formatClockTime(1440)]).toEqual(['08:30', '24:00']);
  });

  it('places an instant in the China week', () => {
    expect(chinaWeekTime(MONDAY_9)).toEqual({ weekday: 'MONDAY', minutes: 540 });
    expect(chinaWeekTime(new Date('2030-03-03T23:30:00Z'))).toEqual({ weekday: 'MONDAY', minutes: 450 });
  });

  it('validates windows: slot length, order, whole slots, no overlap on one day', () => {
    const hours = (opens: string, closes: string) => ({ weekday: 'MONDAY' as const, opens, closes });
    expect(openingWindows([hours('08:30', '11:30'), hours('14:00', '17:00')], 30)).toEqual({
      windows: [WINDOWS[0], { weekday: 'MONDAY', opensAt: 840, closesAt: 1020 }],
    });
    expect(openingWindows([hours('08:30', '11:30')], 45)).toEqual({ error: slotLengthNotOffered() });
    expect(openingWindows([], 60)).toEqual({ error: noOpeningWindow() });
    expect(openingWindows([hours('11:30', '08:30')], 30)).toEqual({ error: closesBeforeOpening(0) });
    expect(openingWindows([hours('08:30', '11:00')], 60)).toEqual({ error: windowOfPartSlots(0, 60) });
    expect(openingWindows([hours('08:00', '10:00'), hours('09:00', '11:00')], 60)).toEqual({ error: windowsOverlap(1) });
  });
});

describe('booked slots', () => {
  it('splits a booking into the slot units it holds', () => {
    expect(bookedSlots({ startsAt: at('09:00'), endsAt: at('10:30') }, WINDOWS, 30, NOW)).toEqual({ slots: [at('09:00'), at('09:30'), at('10:00')] });
  });

  it('makes overlapping bookings share a slot unit, which the unique index refuses', () => {
    const first = bookedSlots({ startsAt: at('09:00'), endsAt: at('10:00') }, WINDOWS, 30, NOW);
    const overlapping = bookedSlots({ startsAt: at('09:30'), endsAt: at('10:30') }, WINDOWS, 30, NOW);
    const touching = bookedSlots({ startsAt: at('10:00'), endsAt: at('11:00') }, WINDOWS, 30, NOW);
    const times = (result: ReturnType<typeof bookedSlots>) => ('slots' in result ? result.slots.map((slot) => slot.getTime()) : []);
    expect(times(first).filter((slot) => times(overlapping).includes(slot))).toEqual([at('09:30').getTime()]);
    expect(times(first).filter((slot) => times(touching).includes(slot))).toEqual([]);
  });

  it('refuses the past, empty or long bookings, closed hours and broken slots', () => {
    const slots = (startsAt: Date, endsAt: Date, now = NOW) => bookedSlots({ startsAt, endsAt }, WINDOWS, 30, now);
    expect(slots(at('09:00'), at('10:00'), at('09:00'))).toEqual({ error: startsInThePast() });
    expect(slots(at('09:00'), at('09:00'))).toEqual({ error: endsBeforeStart() });
    expect(slots(at('08:30'), new Date('2030-03-04T17:00:00+08:00'))).toEqual({ error: bookingTooLong() });
    expect(slots(at('11:00'), at('12:00'))).toEqual({ error: outsideOpeningHours() });
    expect(slots(new Date('2030-03-05T09:00:00+08:00'), new Date('2030-03-05T10:00:00+08:00'))).toEqual({ error: outsideOpeningHours() });
    expect(slots(at('09:15'), at('09:45'))).toEqual({ error: bookingOfPartSlots(30, WINDOWS[0]!.opensAt) });
    expect(slots(at('09:00'), at('09:45'))).toEqual({ error: bookingOfPartSlots(30, WINDOWS[0]!.opensAt) });
  });
});
