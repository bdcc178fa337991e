import { createHash } from 'node:crypto';
import { chinaMonthKey } from '@civic/service-kit';
import type { WishDocument } from '../models/wish.ts';
import { toldOverdue } from './deadlines.ts';

/**
 * What one wish adds to the scorecards it counts in (评星定级 at district scale): the wish counts
 * for each unit that handled it, for its claimant and for its agreement, in the China month it was
 * created. Its part is a set of numbers under named paths of that (side, unit, month) rollup
 * (models/scorecard-rollup.ts); a change of the wish moves the rollups by the difference between
 * its part after and before (`scorecardChange`), so a district year is read from about a dozen
 * small rollups per unit instead of from every wish.
 *
 * Durations are kept as how many wishes took each hundredth of an hour, the precision the
 * figures are given in, so their medians are exactly those of the wishes.
 */

/** Whose wishes a unit is scored on: requests it handled, wishes it claimed, or requests under an agreement. */
export type ScorecardSide = 'HANDLER' | 'CLAIMANT' | 'AGREEMENT';

export const OPEN_STATUSES: readonly WishDocument['status'][] = ['CLAIMED', 'ROUTED', 'IN_SERVICE'];
const ACKNOWLEDGING = new Set(['ACKNOWLEDGE', 'START_SERVICE']);
const COMPLETING = new Set(['FULFIL', 'RESOLVE']);
const HOUR_MS = 3_600_000;

/** The fields of a wish its scorecard part depends on. */
export type ScoredWish = Pick<
  WishDocument,
  | 'kind'
  | 'status'
  | 'createdAt'
  | 'takenAt'
  | 'completedAt'
  | 'dueAt'
  | 'deadlineNoticeAt'
  | 'closedOnTime'
  | 'escalations'
  | 'feedback'
  | 'outcome'
  | 'timeline'
  | 'handlerIds'
  | 'claimantId'
  | 'agreementId'
>;

/** Reads exactly the fields of ScoredWish. */
export const SCORED_WISH_FIELDS = {
  kind: 1,
  status: 1,
  createdAt: 1,
  takenAt: 1,
  completedAt: 1,
  dueAt: 1,
  deadlineNoticeAt: 1,
  closedOnTime: 1,
  escalations: 1,
  feedback: 1,
  outcome: 1,
  timeline: 1,
  handlerIds: 1,
  claimantId: 1,
  agreementId: 1,
} as const;

/** One rollup: a unit's wishes on one side, created in one China month (`YYYY-MM`). */
export interface RollupKey {
  side: ScorecardSide;
  unitId: string;
  month: string;
}

/** Numbers to add under a rollup's paths, and the labels its outcome quantities are shown with. */
export interface RollupIncrement {
  key: RollupKey;
  amounts: Map<string, number>;
  labels: Map<string, string>;
}

/** The path of a duration bucket: `h` and the duration in hundredths of an hour. */
export function durationPath(field: 'acknowledgeHours' | 'resolveHours', hundredths: number): string {
  return `${field}.h${hundredths}`;
}

/** The path of an outcome quantity: item and unit are free text, so they are named by a digest. */
export function quantityPath(item: string, unit: string): string {
  return `quantities.${createHash('sha256').update(JSON.stringify([item, unit])).digest('base64url')}`;
}

function hundredthsOfHour(from: Date, to: Date): number {
  return Math.round(((to.getTime() - from.getTime()) / HOUR_MS) * 100);
}

/** The numbers one wish adds to each rollup it counts in, whichever side. */
function wishAmounts(wish: ScoredWish): { amounts: Map<string, number>; labels: Map<string, string> } {
  const amounts = new Map<string, number>();
  const labels = new Map<string, string>();
  const add = (path: string, amount = 1) => amounts.set(path, (amounts.get(path) ?? 0) + amount);
  const completed = wish.completedAt != null;
  add(wish.kind === 'WISH' ? 'wishes' : 'requests');
  if (completed) add(wish.kind === 'WISH' ? 'fulfilled' : 'resolved');
  if (OPEN_STATUSES.includes(wish.status)) add('open');
  // Only an open request has a deadline standing.
  if (toldOverdue(wish)) add('overdue');
  const acknowledged = wish.timeline.find((entry) => ACKNOWLEDGING.has(entry.action));
  if (acknowledged && wish.takenAt) add(durationPath('acknowledgeHours', hundredthsOfHour(wish.takenAt, acknowledged.at)));
  if (completed && wish.takenAt) add(durationPath('resolveHours', hundredthsOfHour(wish.takenAt, wish.completedAt!)));
  if (wish.closedOnTime != null) add('timed');
  if (wish.closedOnTime === true) add('onTime');
  const rating = wish.feedback?.rating;
  if (rating != null) add(`star${rating}`);
  if (wish.timeline.some((entry) => COMPLETING.has(entry.action))) {
    add('everCompleted');
    if (wish.timeline.some((entry) => entry.action === 'REOPEN')) add('reopened');
  }
  if (wish.escalations) add('escalations', wish.escalations);
  if (wish.outcome) {
    add('outcomes');
    add('households', wish.outcome.beneficiaries?.households ?? 0);
    add('persons', wish.outcome.beneficiaries?.persons ?? 0);
    for (const partnerId of wish.outcome.partnerIds) add(`partners.${partnerId.toHexString()}`);
    for (const { item, unit, amount } of wish.outcome.quantities) {
      const path = quantityPath(item, unit);
      add(`${path}.amount`, amount);
      add(`${path}.count`);
      labels.set(`${path}.item`, item).set(`${path}.unit`, unit);
    }
  }
  return { amounts, labels };
}

/** The rollups a wish counts in: one per unit that handled it, its claimant's, its agreement's. */
export function rollupKeys(wish: Pick<ScoredWish, 'createdAt' | 'handlerIds' | 'claimantId' | 'agreementId'>): RollupKey[] {
  const month = chinaMonthKey(wish.createdAt);
  const handlers = [...new Set((wish.handlerIds ?? []).map((id) => id.toHexString()))];
  return [
    ...handlers.map((unitId) => ({ side: 'HANDLER' as const, unitId, month })),
    ...(wish.claimantId ? [{ side: 'CLAIMANT' as const, unitId: wish.claimantId.toHexString(), month }] : []),
    ...(wish.agreementId ? [{ side: 'AGREEMENT' as const, unitId: wish.agreementId.toHexString(), month }] : []),
  ];
}

export function rollupKeyText({ side, unitId, month }: RollupKey): string {
  return `${side}|${unitId}|${month}`;
}

/** What a wish adds to each of its rollups. */
export function scorecardPart(wish: ScoredWish): RollupIncrement[] {
  const { amounts, labels } = wishAmounts(wish);
  return rollupKeys(wish).map((key) => ({ key, amounts, labels }));
}

/**
 * Adds a part to the rollup increments it falls in (keyed by rollupKeyText), or takes it away
 * (`sign` -1, its labels left as they are): changes and in-memory totals add up parts alike.
 */
export function addPart(increments: Map<string, RollupIncrement>, { key, amounts, labels }: RollupIncrement, sign: 1 | -1): void {
  const text = rollupKeyText(key);
  const increment = increments.get(text) ?? { key, amounts: new Map<string, number>(), labels: new Map<string, string>() };
  for (const [path, amount] of amounts) increment.amounts.set(path, (increment.amounts.get(path) ?? 0) + sign * amount);
  if (sign === 1) for (const [path, label] of labels) increment.labels.set(path, label);
  increments.set(text, increment);
}

/**
 * How a change of a wish moves its rollups: its part after, less its part before (null for a wish
 * not yet written, or removed). Paths whose amounts cancel out are left out, and so are rollups
 * left unmoved, so a change that touches nothing scored writes nothing.
 */
export function scorecardChange(before: ScoredWish | null, after: ScoredWish | null): RollupIncrement[] {
  const moved = new Map<string, RollupIncrement>();
  for (const part of after ? scorecardPart(after) : []) addPart(moved, part, 1);
  for (const part of before ? scorecardPart(before) : []) addPart(moved, part, -1);
  return [...moved.values()].flatMap((increment) => {
    const amounts = new Map([...increment.amounts].filter(([, amount]) => amount !== 0));
    return amounts.size > 0 ? [{ ...increment, amounts }] : [];
  });
}
