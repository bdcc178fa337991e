import { isStaff, hasRole } from '@civic/identity';
import { pageSize, parseId, requireSignedIn, unknownId, staffScopeIds, timeBetween, type Refusal } from '@civic/service-kit';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { WISH_FIELDS, type WishDocument } from '../models/wish.ts';
import { WISH_NOTIFICATION_FIELDS, type WishNotificationDocument } from '../models/wish-notification.ts';
import { WISH_CATEGORIES, WISH_STATUSES } from '../domain/vocabulary.ts';
import { groupByHandler, weekEnd } from '../domain/handling-sheet.ts';
import { computeFigures } from '../domain/wish-stats.ts';
import { fetchOrganisation } from '../graph/organisations.ts';
import { requireReportReader } from '../authorisation.ts';
import type { Context } from '../context.ts';
import { rangeEndsBeforeStart, readHandlingSheetOutOfScope, readNotificationsWithoutStaffRole, readStatisticsOutOfScope } from '../errors.ts';

/** The counts of wishStats, per status and per category, from one `$facet`. */
interface WishCounts {
  byStatus: { _id: string; count: number }[];
  byCategory: { _id: string; count: number }[];
}

/** The weekly handling sheet, wishStats and notifications. */
export const reportQueries: QueryResolvers = {
  handlingSheet: async (_parent, { organisationId, weekStart }, context) => {
    const organisation = await reportedOrganisation(context, organisationId, 'organisationId', readHandlingSheetOutOfScope);
    const end = weekEnd(weekStart);
    // Requests routed before the week's end and not resolved by then: a past week reads as it stood (with today's handler).
    const unresolvedThen = { $or: [{ completedAt: null }, { completedAt: { $gte: end } }] };
    const underOrganisation = { $or: [{ organisationPath: organisation }, { handlerPath: organisation }] };
    const requests = await context.models.Wish.find({ kind: { $ne: 'WISH' }, takenAt: { $lt: end }, $and: [unresolvedThen, underOrganisation] }, WISH_FIELDS)
      .sort({ createdAt: 1, _id: 1 })
      .lean<WishDocument[]>();
    const rows = requests.map((wish) => ({ handlerId: wish.handlerId!.toHexString(), createdAt: wish.createdAt, resolveDeadline: wish.resolveDeadline, document: wish }));
    const groups = groupByHandler(rows, weekStart, context.clock.now());
    return {
      weekStart,
      weekEnd: end,
      groups: groups.map((group) => ({ handler: { id: group.handlerId }, rows: group.rows.map((row) => ({ ...row, wish: row.wish.document })) })),
    };
  },

  wishStats: async (_parent, { input }, context) => {
    if (input.to.getTime() <= input.from.getTime()) throw rangeEndsBeforeStart();
    const organisation = await reportedOrganisation(context, input.organisationId, 'input.organisationId', readStatisticsOutOfScope);
    const match = { organisationPath: organisation, createdAt: timeBetween(input.from, input.to) };
    // One pass counts both breakdowns; the timed figures are domain rules over the wishes that
    // were taken on or completed (domain/wish-stats.ts), read as a cursor of a few fields each.
    const [[counts], samples] = await Promise.all([
      context.models.Wish.aggregate<WishCounts>([
        { $match: match },
        { $facet: { byStatus: [{ $group: { _id: '$status', count: { $sum: 1 } } }], byCategory: [{ $group: { _id: '$category', count: { $sum: 1 } } }] } },
      ]),
      context.models.Wish.find(
        { ...match, $or: [{ takenAt: { $ne: null } }, { completedAt: { $ne: null } }] },
        { kind: 1, createdAt: 1, publishedAt: 1, takenAt: 1, completedAt: 1, closedOnTime: 1, feedback: 1 },
      ).lean<WishDocument[]>(),
    ]);
    const byStatus = new Map(counts!.byStatus.map((count) => [count._id, count.count]));
    const byCategory = new Map(counts!.byCategory.map((count) => [count._id, count.count]));
    const figures = computeFigures(
      samples.map((wish) => ({
        kind: wish.kind,
        createdAt: wish.createdAt,
        publishedAt: wish.publishedAt ?? null,
        takenAt: wish.takenAt ?? null,
        completedAt: wish.completedAt ?? null,
        closedOnTime: wish.closedOnTime ?? null,
        rating: wish.feedback?.rating ?? null,
      })),
    );
    return {
      total: [...byStatus.values()].reduce((sum, count) => sum + count, 0),
      byStatus: WISH_STATUSES.flatMap((status) => (byStatus.has(status) ? [{ status, count: byStatus.get(status)! }] : [])),
      byCategory: WISH_CATEGORIES.flatMap((category) => (byCategory.has(category) ? [{ category, count: byCategory.get(category)! }] : [])),
      ...figures,
    };
  },

  wishNotifications: async (_parent, { recipientId, first }, { viewer, models }) => {
    requireSignedIn(viewer);
    const query: Record<string, unknown> = { recipientId: parseId('recipientId', recipientId) };
    if (!hasRole(viewer, 'SERVICE')) {
      if (!isStaff(viewer)) throw readNotificationsWithoutStaffRole();
      query.recipientPath = { $in: staffScopeIds(viewer) };
    }
    return models.WishNotification.find(query, WISH_NOTIFICATION_FIELDS).sort({ createdAt: -1, _id: -1 }).limit(pageSize(first)).lean<WishNotificationDocument[]>();
  },
};

/** The organisation a report covers, as the graph knows it; the caller must be allowed to read it. */
async function reportedOrganisation({ graph, viewer }: Context, rawId: string, field: string, refusal: Refusal) {
  requireSignedIn(viewer);
  const id = parseId(field, rawId);
  const organisation = await fetchOrganisation(graph, id.toHexString());
  if (!organisation) throw unknownId(field, 'organisation');
  requireReportReader(viewer, organisation.path, refusal);
  return id;
}
