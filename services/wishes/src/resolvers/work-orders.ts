import { Types } from 'mongoose';
import { invalidTransition, notFound, parseId, requireText, toObjectIds, signedInSubject, staffCovers, unknownId } from '@civic/service-kit';
import type { MutationCloseWorkOrderArgs, MutationDispatchWishArgs } from '../generated/resolvers-types.ts';
import { WISH_FIELDS, type WishDocument, type WorkOrderDocument } from '../models/wish.ts';
import { TEXT_LIMITS } from '../domain/vocabulary.ts';
import { fetchOrganisations } from '../graph/organisations.ts';
import { requireStreetManager } from '../authorisation.ts';
import { changeWish, type Step } from '../persistence/wish-changes.ts';
import type { Context } from '../context.ts';
import { completion } from './completion.ts';
import { loadWish, optionalNote } from '../inputs/wish-input.ts';
import { closeWorkOrderOfAnotherOrganisation, dispatchOutOfScope, workOrderCountOutOfRange, workOrderDeadlineNotInFuture } from '../errors.ts';

/** Central dispatch (集中派单) into work orders, and joint handling (协同整治) until the last one closes. */

const MAX_WORK_ORDERS = 10;
/** Departments closing their orders at the same moment: each retries on the newer version. */
const CLOSE_ATTEMPTS = 5;

export async function dispatchWish({ id, workOrders }: MutationDispatchWishArgs, { viewer, graph, loaders, models, clock }: Context): Promise<WishDocument> {
  const now = clock.now();
  if (workOrders.length === 0 || workOrders.length > MAX_WORK_ORDERS) throw workOrderCountOutOfRange(MAX_WORK_ORDERS);
  const parsed = workOrders.map((order, index) => {
    const field = `workOrders[${index}]`;
    if (order.deadline.getTime() <= now.getTime()) throw workOrderDeadlineNotInFuture(index);
    return {
      assigneeId: parseId(`${field}.assigneeId`, order.assigneeId),
      part: requireText(`${field}.part`, order.part, { max: TEXT_LIMITS.part }),
      deadline: order.deadline,
    };
  });
  const wish = await loadWish(loaders, id);
  requireStreetManager(viewer, wish.organisationPath, dispatchOutOfScope);
  if (wish.workOrders.some((order) => order.status === 'OPEN')) throw invalidTransition('Wish', wish.status, 'be dispatched again while work orders are open');
  const assignees = await fetchOrganisations(graph, parsed.map((order) => order.assigneeId.toHexString()));
  const orders: WorkOrderDocument[] = parsed.map((order, index) => {
    const assignee = assignees.get(order.assigneeId.toHexString());
    if (!assignee) throw unknownId(`workOrders[${index}].assigneeId`, 'organisation');
    return { _id: new Types.ObjectId(), ...order, assigneePath: toObjectIds(assignee.path), status: 'OPEN', closedAt: null, closingNote: null };
  });
  const summary = orders.map((order) => order.part).join('；');
  return changeWish(models, wish, { steps: [{ action: 'DISPATCH', note: summary }], actor: signedInSubject(viewer), at: now, set: { workOrders: [...wish.workOrders, ...orders] } });
}

export async function closeWorkOrder({ wishId, workOrderId, note }: MutationCloseWorkOrderArgs, context: Context): Promise<WishDocument> {
  const closingNote = optionalNote('note', note);
  const orderId = parseId('workOrderId', workOrderId);
  await loadWish(context.loaders, wishId);
  for (let attempt = 1; ; attempt++) {
    // Read afresh on each attempt: another department may have just closed its own order.
    const wish = await context.models.Wish.findById(wishId, WISH_FIELDS).lean<WishDocument>();
    if (!wish) throw notFound('Wish', wishId);
    try {
      return await closeOn(wish, orderId, closingNote, context);
    } catch (error) {
      const code = (error as { extensions?: { code?: string } }).extensions?.code;
      if (code !== 'CONFLICT' || attempt === CLOSE_ATTEMPTS) throw error;
    }
  }
}

async function closeOn(wish: WishDocument, orderId: Types.ObjectId, closingNote: string | null, context: Context): Promise<WishDocument> {
  const { viewer, models, clock } = context;
  const order = wish.workOrders.find((candidate) => candidate._id.equals(orderId));
  if (!order) throw notFound('WorkOrder', orderId.toHexString());
  const streetPath = wish.organisationPath.slice(0, -1);
  if (!staffCovers(viewer, order.assigneePath) && !staffCovers(viewer, streetPath)) throw closeWorkOrderOfAnotherOrganisation();
  if (order.status === 'DONE') throw invalidTransition('WorkOrder', 'DONE', 'be closed');
  const now = clock.now();
  const workOrders = wish.workOrders.map((candidate) => (candidate._id.equals(orderId) ? { ...candidate, status: 'DONE' as const, closedAt: now, closingNote } : candidate));
  const allDone = workOrders.every((candidate) => candidate.status === 'DONE');
  const steps: Step[] = [{ action: 'CLOSE_WORK_ORDER', note: order.part }];
  if (allDone) steps.push({ action: 'RESOLVE', note: '全部工单已办结' });
  const set = allDone ? { workOrders, ...(await completion(wish, now, context)) } : { workOrders };
  return changeWish(models, wish, { steps, actor: signedInSubject(viewer), at: now, set });
}
