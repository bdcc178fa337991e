import { isOverdue } from './deadlines.ts';

/** The weekly handling sheet (承办单): unresolved requests of a week, grouped by handler. */

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

export function weekEnd(weekStart: Date): Date {
  return new Date(weekStart.getTime() + WEEK);
}

export interface SheetRequest {
  handlerId: string;
  createdAt: Date;
  resolveDeadline: Date | null;
}

export interface SheetRow<T> {
  wish: T;
  ageHours: number;
  resolveDeadline: Date | null;
  overdue: boolean;
}

/** Groups in order of first appearance (callers pass requests oldest first); age is counted at the week's end or now. */
export function groupByHandler<T extends SheetRequest>(requests: readonly T[], weekStart: Date, now: Date): { handlerId: string; rows: SheetRow<T>[] }[] {
  const end = weekEnd(weekStart);
  const asOf = now.getTime() < end.getTime() ? now : end;
  const groups = new Map<string, SheetRow<T>[]>();
  for (const request of requests) {
    const rows = groups.get(request.handlerId) ?? [];
    rows.push({
      wish: request,
      ageHours: Math.max(0, Math.floor((asOf.getTime() - request.createdAt.getTime()) / HOUR)),
      resolveDeadline: request.resolveDeadline,
      overdue: isOverdue(request.resolveDeadline, asOf),
    });
    groups.set(request.handlerId, rows);
  }
  return [...groups].map(([handlerId, rows]) => ({ handlerId, rows }));
}
