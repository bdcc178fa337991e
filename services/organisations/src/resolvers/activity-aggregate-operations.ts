import {
  answerFromCells,
  asGraphAggregate,
  cellsOf,
  chinaMonthKey,
  parseId,
  parseMonthPeriod,
  requireAggregateReader,
  requireSignedIn,
  type Grouping,
  type PersonFact,
} from '@civic/service-kit';
import type { Types } from 'mongoose';
import type { ActivityDimension, QueryResolvers } from '../generated/resolvers-types.ts';
import { ACTIVITY_CATEGORIES } from '../domain/activity-rules.ts';
import type { ActivityDocument } from '../models/activity.ts';
import type { OrganisationDocument } from '../models/organisation.ts';
import { readAggregateOutOfScope, unknownAggregateOrganisation } from '../errors.ts';

const MEASURES = ['signUps', 'checkIns', 'hours'] as const;

type HostedActivity = Pick<ActivityDocument, '_id' | 'hostId' | 'startsAt' | 'category'>;

/** Cells are one host, one China month and one category, whatever the grouping. */
const GROUPING: Record<ActivityDimension, Grouping> = {
  ORGANISATION: { groupOf: (cell) => cell.unit, measures: MEASURES },
  MONTH: { groupOf: (cell) => cell.month!, measures: MEASURES },
  CATEGORY: { groupOf: (cell) => cell.attributes.category!, measures: MEASURES, order: ACTIVITY_CATEGORIES },
};

export const activityAggregateQueries: QueryResolvers = {
  activityAggregate: async (_parent, { organisationId, period, by }, { viewer, models }) => {
    requireSignedIn(viewer);
    const id = parseId('organisationId', organisationId);
    const months = parseMonthPeriod('period', period.from, period.to);
    const organisation = await models.Organisation.findById(id, { path: 1 }).lean<Pick<OrganisationDocument, 'path'>>();
    if (!organisation) throw unknownAggregateOrganisation(organisationId);
    requireAggregateReader(viewer, organisation.path, readAggregateOutOfScope);
    // The subtree's activities on the hostPath index, then their sign-ups and check-ins in one batch each.
    const activities = await models.Activity.find(
      { hostPath: id, startsAt: { $gte: months.start, $lt: months.end }, cancelled: false },
      { hostId: 1, startsAt: 1, category: 1 },
    ).lean<HostedActivity[]>();
    const ids = activities.map((activity) => activity._id);
    const [signUps, checkIns] = await Promise.all([
      models.ActivitySignUp.find({ activityId: { $in: ids } }, { activityId: 1, residentId: 1 }).lean<{ activityId: Types.ObjectId; residentId: Types.ObjectId }[]>(),
      models.ActivityCheckIn.find({ activityId: { $in: ids } }, { activityId: 1, residentId: 1, hours: 1 }).lean<{ activityId: Types.ObjectId; residentId: Types.ObjectId; hours: number }[]>(),
    ]);
    const byId = new Map(activities.map((activity) => [activity._id.toHexString(), activity]));
    const factOf = (activityId: Types.ObjectId, residentId: Types.ObjectId, measures: Record<string, number>): PersonFact => {
      const activity = byId.get(activityId.toHexString())!;
      return { unit: activity.hostId.toHexString(), month: chinaMonthKey(activity.startsAt), attributes: { category: activity.category }, person: residentId.toHexString(), measures };
    };
    const facts = [
      ...signUps.map((signUp) => factOf(signUp.activityId, signUp.residentId, { signUps: 1 })),
      ...checkIns.map((checkIn) => factOf(checkIn.activityId, checkIn.residentId, { checkIns: 1, hours: checkIn.hours })),
    ];
    return asGraphAggregate(answerFromCells(cellsOf(facts), GROUPING[by]));
  },
};
