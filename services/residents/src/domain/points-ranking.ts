import { isHexId, notACursor, requireIntInRange } from '@civic/service-kit';
import { Types } from 'mongoose';
import { chinaMonth, chinaYearWindow, type TimeWindow } from './china-time.ts';
import type { PointsSource } from './vocabulary.ts';

/**
 * The ranking of stars of service (服务之星): the residents of a community or street by the points
 * they earned in a period of the China calendar.
 *
 * - What counts: points earned from service events and staff adjustments (awards and deductions,
 *   which correct or add to the record of service); spending points on priority (SPENDING) and
 *   its refunds (REFUND) do not, so using them costs no one their place.
 * - Order: more points first; on equal points, whoever reached their total earlier (the time of
 *   their last counted entry), then the resident id, so the order is total and stable.
 * - Rank: competition ranking ("1224"): residents with equal points share a rank, the next rank
 *   counts everyone above it, so a rank says how many did better.
 */

export const RANKED_SOURCES: readonly PointsSource[] = ['WISH', 'ACTIVITY', 'MEETING', 'AWARD', 'DEDUCTION'];

export const RANKING_YEARS = { min: 2000, max: 2100 } as const;

export interface RankingPeriod {
  year: number;
  month?: number | null;
}

/** The China-time span of a year, or of one month (1 to 12) of it. */
export function rankingWindow(period: RankingPeriod): TimeWindow {
  const year = requireIntInRange('year', period.year, RANKING_YEARS.min, RANKING_YEARS.max);
  if (period.month === null || period.month === undefined) return chinaYearWindow(year);
  return chinaMonth(year, requireIntInRange('month', period.month, 1, 12));
}

/** A resident's place: the sort key of the ranking and the rank it earns. */
export interface Standing {
  residentId: Types.ObjectId;
  points: number;
  reachedAt: Date;
  rank: number;
}

export type StandingPosition = Pick<Standing, 'residentId' | 'points' | 'reachedAt'>;

export function encodeStandingCursor(standing: StandingPosition): string {
  return Buffer.from(JSON.stringify([standing.points, standing.reachedAt.toISOString(), standing.residentId.toHexString()])).toString('base64url');
}

/** The position a ranking cursor names; anything this ranking did not make is BAD_USER_INPUT on `after`. */
export function decodeStandingCursor(cursor: string): StandingPosition {
  const decoded = parseJson(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (Array.isArray(decoded) && decoded.length === 3) {
    const [points, reachedAt, residentId] = decoded as unknown[];
    const at = typeof reachedAt === 'string' ? new Date(reachedAt) : null;
    if (Number.isInteger(points) && at && !Number.isNaN(at.getTime()) && at.toISOString() === reachedAt && typeof residentId === 'string' && isHexId(residentId)) {
      return { points: points as number, reachedAt: at, residentId: new Types.ObjectId(residentId) };
    }
  }
  throw notACursor();
}

/** The standings that come after `position` in the ranking's order, as a query condition on grouped standings. */
export function afterStandingFilter(position: StandingPosition): Record<string, unknown> {
  return {
    $or: [
      { points: { $lt: position.points } },
      { points: position.points, reachedAt: { $gt: position.reachedAt } },
      { points: position.points, reachedAt: position.reachedAt, _id: { $gt: position.residentId } },
    ],
  };
}

/** The ranking's order, as a sort of grouped standings (`_id` is the resident's). */
export const RANKING_ORDER = { points: -1, reachedAt: 1, _id: 1 } as const;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
