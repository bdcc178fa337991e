/** Days, months and years are counted as people in China count them (UTC+8, no daylight saving), not as UTC does. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** A span of time, `from` included and `to` excluded. */
export interface TimeWindow {
  from: Date;
  to: Date;
}

export function chinaYear(now: Date): number {
  return new Date(now.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
}

/** The China calendar day that holds `at`. */
export function chinaDayOf(at: Date): TimeWindow {
  const local = new Date(at.getTime() + CHINA_OFFSET_MS);
  return chinaWindow(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 'day');
}

/** The China calendar month that holds `at`. */
export function chinaMonthOf(at: Date): TimeWindow {
  const local = new Date(at.getTime() + CHINA_OFFSET_MS);
  return chinaWindow(local.getUTCFullYear(), local.getUTCMonth(), 1, 'month');
}

/** A calendar month (1 to 12) of a year, in China time. */
export function chinaMonth(year: number, month: number): TimeWindow {
  return chinaWindow(year, month - 1, 1, 'month');
}

export function chinaYearWindow(year: number): TimeWindow {
  return chinaWindow(year, 0, 1, 'year');
}

function chinaWindow(year: number, monthIndex: number, day: number, length: 'day' | 'month' | 'year'): TimeWindow {
  const start = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d) - CHINA_OFFSET_MS);
  const to =
    length === 'day' ? start(year, monthIndex, day + 1) : length === 'month' ? start(year, monthIndex + 1, 1) : start(year + 1, 0, 1);
  return { from: start(year, monthIndex, day), to };
}
