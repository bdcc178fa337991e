import type { Types } from 'mongoose';
import type { Models } from '../models/index.ts';
import type { WishDocument } from '../models/wish.ts';

/**
 * The wishes department's part of a resident's data export. The wishes and requests they asked
 * for, whole: texts, routing, work orders, timeline, feedback, outcome (others in them as ids: the claimant,
 * the handler, the accounts that acted). The wishes they claimed or served belong to their
 * requesters: only their ids, kinds, statuses, times and the rating the service earned, nothing of
 * the requester.
 */
export async function wishesPartOf(models: Models, residentId: Types.ObjectId): Promise<Record<string, unknown>> {
  const [requested, claimed, served] = await Promise.all([
    models.Wish.find({ requesterId: residentId }).sort({ createdAt: 1, _id: 1 }).lean<WishDocument[]>(),
    models.Wish.find({ claimantId: residentId, claimantKind: 'RESIDENT' }).sort({ createdAt: 1, _id: 1 }).lean<WishDocument[]>(),
    models.Wish.find({ servedBy: residentId }).sort({ createdAt: 1, _id: 1 }).lean<WishDocument[]>(),
  ]);
  return {
    requested: requested.map(requestedWish),
    claimed: claimed.map((wish) => ({ id: wish._id.toHexString(), kind: wish.kind, status: wish.status, claimedAt: wish.takenAt, completedAt: wish.completedAt })),
    served: served.map((wish) => ({ id: wish._id.toHexString(), kind: wish.kind, status: wish.status, completedAt: wish.completedAt, rating: wish.feedback?.rating ?? null })),
  };
}

function requestedWish(wish: WishDocument) {
  const hex = (id: Types.ObjectId | null) => id?.toHexString() ?? null;
  return {
    id: wish._id.toHexString(),
    kind: wish.kind,
    category: wish.category,
    title: wish.title,
    description: wish.description,
    tags: wish.tags,
    urgency: wish.urgency,
    channel: wish.channel,
    recordedBy: wish.recordedBy,
    communityId: wish.communityId.toHexString(),
    gridId: wish.gridId.toHexString(),
    status: wish.status,
    claimant: wish.claimantId ? { kind: wish.claimantKind, id: wish.claimantId.toHexString() } : null,
    handlerId: hex(wish.handlerId),
    handlingLevel: wish.handlingLevel,
    escalations: wish.escalations,
    acknowledgeDeadline: wish.acknowledgeDeadline,
    resolveDeadline: wish.resolveDeadline,
    publishedAt: wish.publishedAt,
    takenAt: wish.takenAt,
    completedAt: wish.completedAt,
    rejectionReason: wish.rejectionReason,
    feedback: wish.feedback,
    outcome: wish.outcome ? { ...wish.outcome, partnerIds: wish.outcome.partnerIds.map((id) => id.toHexString()) } : null,
    workOrders: wish.workOrders.map((order) => ({
      id: order._id.toHexString(),
      assigneeId: order.assigneeId.toHexString(),
      part: order.part,
      deadline: order.deadline,
      status: order.status,
      closedAt: order.closedAt,
      closingNote: order.closingNote,
    })),
    timeline: wish.timeline.map(({ action, actor, at, note, status }) => ({ action, actor, at, note, status })),
    createdAt: wish.createdAt,
    updatedAt: wish.updatedAt,
  };
}
