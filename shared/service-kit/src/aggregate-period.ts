import type { GraphQLError } from 'graphql';
import { badUserInput } from './errors.ts';

/**
 * An aggregate's period: whole China calendar months (UTC+8), `from` to `to` inclusive, as
 * `YYYY-MM`, so that a period selects whole cells (k-anonymity.ts).
 */

export const MAXIMUM_AGGREGATE_MONTHS = 36;

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface MonthPeriod {
  /** The first instant of `from`, included. */
  start: Date;
  /** The first instant after `to`, excluded. */
  end: Date;
  months: number;
}

export function notAMonth(field: string): GraphQLError {
  return badUserInput(field, 'must be a month written YYYY-MM');
}

export function periodEndsBeforeStart(field: string): GraphQLError {
  return badUserInput(field, 'must be the same month as from or later');
}

export function periodTooLong(field: string): GraphQLError {
  return badUserInput(field, `must be at most ${MAXIMUM_AGGREGATE_MONTHS} months after from, counting both`);
}

/** `fieldPrefix` names the input holding `from` and `to` (`input.period`). */
export function parseMonthPeriod(fieldPrefix: string, from: string, to: string): MonthPeriod {
  const first = monthIndex(`${fieldPrefix}.from`, from);
  const last = monthIndex(`${fieldPrefix}.to`, to);
  if (last < first) throw periodEndsBeforeStart(`${fieldPrefix}.to`);
  const months = last - first + 1;
  if (months > MAXIMUM_AGGREGATE_MONTHS) throw periodTooLong(`${fieldPrefix}.to`);
  return { start: monthStart(first), end: monthStart(last + 1), months };
}

/** The China month holding `at`, as `YYYY-MM`. */
export function chinaMonthKey(at: Date): string {
  const local = new Date(at.getTime() + CHINA_OFFSET_MS);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

function monthIndex(field: string, text: string): number {
  const match = MONTH.exec(text);
  if (!match) throw notAMonth(field);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function monthStart(index: number): Date {
  return new Date(Date.UTC(Math.floor(index / 12), index % 12, 1) - CHINA_OFFSET_MS);
}
