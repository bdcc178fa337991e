/** Times in a notification's text are read by people in China: UTC+8, no daylight saving. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** `2026-12-01 17:30`, China time, from an ISO 8601 instant; null for text that is no instant. */
export function chinaMinute(iso: string): string | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  return new Date(time + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
