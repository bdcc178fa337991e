import type { PointsEvent, PointsRuleResolvers } from '../generated/resolvers-types.ts';
import type { EarningKind } from '../domain/points-rules.ts';

/** The GraphQL name of each earning event kind. */
export const POINTS_EVENT_OF_KIND: Readonly<Record<EarningKind, PointsEvent>> = {
  'wish.confirmed': 'WISH_CONFIRMED',
  'activity.checkedIn': 'ACTIVITY_CHECKED_IN',
  'meeting.attended': 'MEETING_ATTENDED',
};

export function kindOfPointsEvent(event: PointsEvent): EarningKind {
  return (Object.keys(POINTS_EVENT_OF_KIND) as EarningKind[]).find((kind) => POINTS_EVENT_OF_KIND[kind] === event)!;
}

export const PointsRule: PointsRuleResolvers = {
  event: (rule) => POINTS_EVENT_OF_KIND[rule.kind],
};
