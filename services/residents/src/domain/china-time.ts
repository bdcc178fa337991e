/** Years are counted as people in China count them (UTC+8, no daylight saving), not as UTC does. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

export function chinaYear(now: Date): number {
  return new Date(now.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
}
