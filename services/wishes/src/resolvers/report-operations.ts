import { isStaff, hasRole } from '@civic/identity';
import {
  answerFromCells,
  cellKeyOf,
  cellsOf,
  chinaMonthKey,
  isPublished,
  paginate,
  parseId,
  parseMonthPeriod,
  requireSignedIn,
  unknownId,
  staffScopeIds,
  timeBetween,
  type Refusal,
} from '@civic/service-kit';
import type { QueryResolvers, WishCategory, WishStatus } from '../generated/resolvers-types.ts';
import { WISH_FIELDS, type WishDocument } from '../models/wish.ts';
import { WISH_NOTIFICATION_FIELDS } from '../models/wish-notification.ts';
import { WISH_CATEGORIES, WISH_STATUSES } from '../domain/vocabulary.ts';
import { groupByHandler, weekEnd } from '../domain/handling-sheet.ts';
import { computeFigures } from '../domain/wish-stats.ts';
import { fetchOrganisation } from '../graph/organisations.ts';
import { requireReportReader } from '../authorisation.ts';
import type { Context } from '../context.ts';
import { readHandlingSheetOutOfScope, readNotificationsWithoutStaffRole, readStatisticsOutOfScope } from '../errors.ts';

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
    const months = parseMonthPeriod('input', input.from, input.to);
    const organisation = await reportedOrganisation(context, input.organisationId, 'input.organisationId', readStatisticsOutOfScope);
    const wishes = await context.models.Wish.find(
      { organisationPath: organisation, createdAt: timeBetween(months.start, months.end) },
      { communityId: 1, requesterId: 1, status: 1, category: 1, kind: 1, createdAt: 1, publishedAt: 1, takenAt: 1, completedAt: 1, closedOnTime: 1, feedback: 1 },
    ).lean<WishDocument[]>();
    // Cells of one community, month, status and category, persons the distinct requesters.
    const placeOf = (wish: WishDocument) => ({ unit: wish.communityId.toHexString(), month: chinaMonthKey(wish.createdAt), attributes: { status: wish.status, category: wish.category } });
    const cells = cellsOf(wishes.map((wish) => ({ ...placeOf(wish), person: wish.requesterId.toHexString(), measures: { wishes: 1 } })));
    const byStatus = answerFromCells(cells, { groupOf: (cell) => cell.attributes.status!, measures: ['wishes'], order: WISH_STATUSES });
    const byCategory = answerFromCells(cells, { groupOf: (cell) => cell.attributes.category!, measures: ['wishes'], order: WISH_CATEGORIES });
    // The timed figures are rules over the wishes of published cells that were taken on or completed (domain/wish-stats.ts).
    const published = new Set(cells.filter(isPublished).map(cellKeyOf));
    const samples = wishes.filter((wish) => (wish.takenAt || wish.completedAt) && published.has(cellKeyOf(placeOf(wish))));
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
      total: byStatus.total.measures.wishes!,
      byStatus: byStatus.groups.map((group) => ({ status: group.key as WishStatus, count: group.measures.wishes! })),
      byCategory: byCategory.groups.map((group) => ({ category: group.key as WishCategory, count: group.measures.wishes! })),
      ...figures,
      minimumGroupSize: byStatus.minimumGroupSize,
      withheldCells: byStatus.withheldCells,
    };
  },

  wishNotifications: (_parent, { recipientId, first, after }, { viewer, models }) => {
    requireSignedIn(viewer);
    const query: Record<string, unknown> = { recipientId: parseId('recipientId', recipientId) };
    if (!hasRole(viewer, 'SERVICE')) {
      if (!isStaff(viewer)) throw readNotificationsWithoutStaffRole();
      query.recipientPath = { $in: staffScopeIds(viewer) };
    }
    return paginate(models.WishNotification, query, { first, after }, { field: 'createdAt', direction: -1 }, WISH_NOTIFICATION_FIELDS);
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
