import type { PointsEntryDocument, ResidentDocument } from '../models/index.ts';
import { EMPTY_LEDGER, nextLedgerHead, requirePointsAmount, requireReason } from '../domain/points.ts';
import type { PointsSource } from '../domain/vocabulary.ts';
import { addHours, SEED_SUBJECT, type ActivityAttendance, type ObjectIdSource, type Random, type Timeline } from '@civic/seed-kit';
import { AWARD_REASONS, EXCHANGE_REASONS, WISH_REASONS } from './text/civic-text.ts';

/** Points per hour of checked-in service, as a community's published rules might say. */
const POINTS_PER_HOUR = 10;
const EXCHANGE_RATE = 0.25;

interface Award {
  at: Date;
  amount: number;
  source: PointsSource;
  reason: string;
}

/**
 * The points ledgers (微星光): every checked-in participant earns points for service hours, and
 * volunteers also for claimed wishes and awards; some exchange points for services. Entries are
 * numbered 1, 2, 3... per resident with the running balance, which never goes below zero.
 */
export function keepPointsLedgers(
  residents: readonly ResidentDocument[],
  activities: ActivityAttendance,
  timeline: Timeline,
  random: Random,
  ids: ObjectIdSource,
): PointsEntryDocument[] {
  const titles = new Map(activities.activities.map((activity) => [activity._id.toHexString(), activity]));
  const earned = new Map<string, Award[]>();
  for (const checkIn of activities.checkIns) {
    const activity = titles.get(checkIn.activityId.toHexString())!;
    const awards = earned.get(checkIn.residentId.toHexString()) ?? [];
    awards.push({ at: addHours(activity.endsAt, 1), amount: Math.round(checkIn.hours * POINTS_PER_HOUR), source: 'ACTIVITY', reason: `参加活动：${activity.title}` });
    earned.set(checkIn.residentId.toHexString(), awards);
  }

  const entries: PointsEntryDocument[] = [];
  for (const resident of residents) {
    const awards = earned.get(resident._id.toHexString()) ?? [];
    if (resident.volunteerProfile) {
      for (let count = random.weighted([[0, 2], [1, 4], [2, 3], [3, 1]] as const); count > 0; count--) {
        const wish = random.chance(0.7);
        awards.push({
          at: timeline.at(-random.int(2, 365), random.int(9, 18)),
          amount: wish ? random.int(10, 30) : random.int(50, 100),
          source: wish ? 'WISH' : 'AWARD',
          reason: random.pick(wish ? WISH_REASONS : AWARD_REASONS),
        });
      }
    }
    if (awards.length === 0) continue;
    awards.sort((a, b) => a.at.getTime() - b.at.getTime());
    let head = EMPTY_LEDGER;
    const append = (award: Award) => {
      head = nextLedgerHead(head, award.amount);
      entries.push({
        _id: ids.next(),
        residentId: resident._id,
        ...head,
        amount: award.amount,
        source: award.source,
        reason: requireReason(award.reason),
        recordedBy: SEED_SUBJECT,
        at: award.at,
        organisationPath: resident.organisationPath,
        eventId: null,
        eventKind: null,
      });
    };
    for (const award of awards) {
      requirePointsAmount(award.amount);
      append(award);
    }
    // An exchange after the last award, never for more than the balance.
    if (head.balanceAfter >= 20 && random.chance(EXCHANGE_RATE)) {
      const amount = random.int(10, Math.min(head.balanceAfter, 60));
      const last = awards[awards.length - 1]!.at;
      const at = new Date(Math.max(last.getTime(), Math.min(addHours(last, random.int(24, 24 * 20)).getTime(), timeline.today.getTime() - 60_000)));
      append({ at, amount: -requirePointsAmount(amount), source: 'DEDUCTION', reason: random.pick(EXCHANGE_REASONS) });
    }
  }
  return entries;
}
