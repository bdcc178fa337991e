import { Schema, type Connection, type Types } from 'mongoose';
import {
  CLAIMANT_KINDS,
  HANDLING_LEVELS,
  WISH_CATEGORIES,
  WISH_CHANNELS,
  WISH_KINDS,
  WISH_STATUSES,
  WISH_URGENCIES,
  WORK_ORDER_STATUSES,
  type ClaimantKind,
  type HandlingLevel,
  type WishCategory,
  type WishChannel,
  type WishKind,
  type WishStatus,
  type WishUrgency,
  type WorkOrderStatus,
} from '../domain/vocabulary.ts';
import { WISH_ACTIONS, type WishAction } from '../domain/wish-state-machine.ts';
import { collectionOptions } from './schema-options.ts';

export interface TimelineEntryDocument {
  action: WishAction;
  actor: string;
  at: Date;
  note: string | null;
  status: WishStatus;
}

export interface WorkOrderDocument {
  _id: Types.ObjectId;
  assigneeId: Types.ObjectId;
  /** The assignee's organisation path: its staff close the order. */
  assigneePath: Types.ObjectId[];
  part: string;
  deadline: Date;
  status: WorkOrderStatus;
  closedAt: Date | null;
  closingNote: string | null;
}

export interface RoutingDocument {
  ruleId: string;
  description: string;
  level: HandlingLevel;
}

export interface FeedbackDocument {
  rating: number | null;
  comment: string | null;
  automatic: boolean;
  at: Date;
}

/** One amount of what was done: 7000 斤 of vegetables. */
export interface OutcomeQuantityDocument {
  item: string;
  amount: number;
  unit: string;
}

/** Who benefited, as counted by whoever fulfilled or resolved; a count not stated is null. */
export interface BeneficiariesDocument {
  households: number | null;
  persons: number | null;
}

/**
 * What a fulfilment or resolution achieved (domain/outcome.ts), as its claimant or handler stated
 * it; `daysTaken` and `recordedAt` are the service's. Scorecards sum this shape: keep it stable.
 */
export interface OutcomeDocument {
  quantities: OutcomeQuantityDocument[];
  beneficiaries: BeneficiariesDocument | null;
  /** Organisations involved (the canteens that sold the vegetables, a partner unit). */
  partnerIds: Types.ObjectId[];
  daysTaken: number;
  recordedAt: Date;
}

/** One wish or request: compact, with its timeline and work orders embedded (a million fit a district). */
export interface WishDocument {
  _id: Types.ObjectId;
  kind: WishKind;
  category: WishCategory;
  title: string;
  description: string;
  tags: string[];
  urgency: WishUrgency;
  channel: WishChannel;
  requesterId: Types.ObjectId;
  recordedBy: string;
  communityId: Types.ObjectId;
  gridId: Types.ObjectId;
  /** The community's path (root..community), copied from the grid at creation. */
  organisationPath: Types.ObjectId[];
  status: WishStatus;
  /** Bumped by every change: each write is conditional on the version it read. */
  version: number;
  /** Residents and organisations of the wish's micro-grid, noted when it opens for claiming. */
  gridClaimantIds: Types.ObjectId[];
  /** When the wish last opened for claiming; the claim windows count from here. */
  openedAt: Date | null;
  claimantKind: ClaimantKind | null;
  claimantId: Types.ObjectId | null;
  /** A claiming organisation's path, or the claiming resident's community path. */
  claimantPath: Types.ObjectId[];
  handlerId: Types.ObjectId | null;
  handlerPath: Types.ObjectId[];
  /**
   * Every organisation that has handled the request, in order (routing, reassignment, escalation):
   * scorecards count a request for each. Wishes routed before it was kept hold their handler of
   * then once backfilled (persistence/handler-history-backfill.ts): read it with `withHandler`.
   */
  handlerIds?: Types.ObjectId[];
  /** The tripartite agreement whose deadlines were applied at routing; null for other requests and older ones. */
  agreementId: Types.ObjectId | null;
  handlingLevel: HandlingLevel | null;
  routing: RoutingDocument | null;
  escalations: number;
  acknowledgeDeadline: Date | null;
  resolveDeadline: Date | null;
  /** The deadline that matters now (see domain/deadlines.ts dueAt); null when nothing is due. */
  dueAt: Date | null;
  /** When the sweep next tells the handler about `dueAt` (near, then passed); null once told both. */
  deadlineNoticeAt: Date | null;
  publishedAt: Date | null;
  /** Claimed or routed. */
  takenAt: Date | null;
  /** Fulfilled or resolved. */
  completedAt: Date | null;
  closedOnTime: boolean | null;
  /**
   * The residents who served a fulfilled micro-wish: its resident claimant, or the members its
   * organisation named. Absent on wishes fulfilled before who served was kept: read it with `whoServed`.
   */
  servedBy?: Types.ObjectId[];
  /** Stated when fulfilled or resolved; null when nothing was stated, and again once reopened. */
  outcome?: OutcomeDocument | null;
  autoConfirmAt: Date | null;
  rejectionReason: string | null;
  feedback: FeedbackDocument | null;
  /**
   * Random ids that stand for residents who closed their account, where the wish named them
   * (domain/resident-closure.ts): the requester, claimant or one who served shows as no one.
   */
  closedAccountIds?: Types.ObjectId[];
  workOrders: WorkOrderDocument[];
  timeline: TimelineEntryDocument[];
  createdAt: Date;
  updatedAt: Date;
}

/** Every field: resolvers read most of them, and the document stays small. */
export const WISH_FIELDS = {
  kind: 1,
  category: 1,
  title: 1,
  description: 1,
  tags: 1,
  urgency: 1,
  channel: 1,
  requesterId: 1,
  recordedBy: 1,
  communityId: 1,
  gridId: 1,
  organisationPath: 1,
  status: 1,
  version: 1,
  gridClaimantIds: 1,
  openedAt: 1,
  claimantKind: 1,
  claimantId: 1,
  claimantPath: 1,
  handlerId: 1,
  handlerPath: 1,
  handlerIds: 1,
  agreementId: 1,
  handlingLevel: 1,
  routing: 1,
  escalations: 1,
  acknowledgeDeadline: 1,
  resolveDeadline: 1,
  dueAt: 1,
  deadlineNoticeAt: 1,
  publishedAt: 1,
  takenAt: 1,
  completedAt: 1,
  closedOnTime: 1,
  servedBy: 1,
  outcome: 1,
  autoConfirmAt: 1,
  rejectionReason: 1,
  feedback: 1,
  closedAccountIds: 1,
  workOrders: 1,
  timeline: 1,
  createdAt: 1,
  updatedAt: 1,
} as const;

const ids = { type: [Schema.Types.ObjectId], required: true };
const optionalDate = { type: Date, default: null };

const wishSchema = new Schema<WishDocument>(
  {
    kind: { type: String, enum: WISH_KINDS, required: true },
    category: { type: String, enum: WISH_CATEGORIES, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    tags: { type: [String], required: true },
    urgency: { type: String, enum: WISH_URGENCIES, required: true },
    channel: { type: String, enum: WISH_CHANNELS, required: true },
    requesterId: { type: Schema.Types.ObjectId, required: true },
    recordedBy: { type: String, required: true },
    communityId: { type: Schema.Types.ObjectId, required: true },
    gridId: { type: Schema.Types.ObjectId, required: true },
    organisationPath: ids,
    status: { type: String, enum: WISH_STATUSES, required: true },
    version: { type: Number, required: true },
    gridClaimantIds: ids,
    openedAt: optionalDate,
    claimantKind: { type: String, enum: [...CLAIMANT_KINDS, null], default: null },
    claimantId: { type: Schema.Types.ObjectId, default: null },
    claimantPath: ids,
    handlerId: { type: Schema.Types.ObjectId, default: null },
    handlerPath: ids,
    handlerIds: ids,
    agreementId: { type: Schema.Types.ObjectId, default: null },
    handlingLevel: { type: String, enum: [...HANDLING_LEVELS, null], default: null },
    routing: { type: { ruleId: String, description: String, level: { type: String, enum: HANDLING_LEVELS } }, default: null, _id: false },
    escalations: { type: Number, required: true },
    acknowledgeDeadline: optionalDate,
    resolveDeadline: optionalDate,
    dueAt: optionalDate,
    deadlineNoticeAt: optionalDate,
    publishedAt: optionalDate,
    takenAt: optionalDate,
    completedAt: optionalDate,
    closedOnTime: { type: Boolean, default: null },
    servedBy: ids,
    outcome: {
      type: {
        quantities: [{ _id: false, item: { type: String, required: true }, amount: { type: Number, required: true }, unit: { type: String, required: true } }],
        beneficiaries: { type: { households: Number, persons: Number }, default: null, _id: false },
        partnerIds: ids,
        daysTaken: { type: Number, required: true },
        recordedAt: { type: Date, required: true },
      },
      default: null,
      _id: false,
    },
    autoConfirmAt: optionalDate,
    rejectionReason: { type: String, default: null },
    feedback: { type: { rating: Number, comment: String, automatic: Boolean, at: Date }, default: null, _id: false },
    closedAccountIds: { type: [Schema.Types.ObjectId], default: undefined },
    workOrders: [
      {
        assigneeId: { type: Schema.Types.ObjectId, required: true },
        assigneePath: ids,
        part: { type: String, required: true },
        deadline: { type: Date, required: true },
        status: { type: String, enum: WORK_ORDER_STATUSES, required: true },
        closedAt: optionalDate,
        closingNote: { type: String, default: null },
      },
    ],
    timeline: [
      {
        _id: false,
        action: { type: String, enum: WISH_ACTIONS, required: true },
        actor: { type: String, required: true },
        at: { type: Date, required: true },
        note: { type: String, default: null },
        status: { type: String, enum: WISH_STATUSES, required: true },
      },
    ],
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  collectionOptions('wishes'),
);

// wishes(): newest first (or by last change), narrowed by any one filter; staff listings by subtree.
wishSchema.index({ organisationPath: 1, createdAt: -1, _id: -1 });
wishSchema.index({ status: 1, createdAt: -1, _id: -1 });
wishSchema.index({ kind: 1, createdAt: -1, _id: -1 });
wishSchema.index({ category: 1, createdAt: -1, _id: -1 });
wishSchema.index({ communityId: 1, createdAt: -1, _id: -1 });
wishSchema.index({ updatedAt: -1, _id: -1 });
// Grid.openWishes and filter { gridId }.
wishSchema.index({ gridId: 1, status: 1, createdAt: -1, _id: -1 });
// Resident.wishes, myWishes and filter { requesterId }.
wishSchema.index({ requesterId: 1, createdAt: -1, _id: -1 });
// Resident/Organisation.claimedWishes and filter { claimantId }.
wishSchema.index({ claimantId: 1, createdAt: -1, _id: -1 });
// A resident's data export: the wishes they served.
wishSchema.index({ servedBy: 1 });
// handlerQueue, filter { handlerId }.
wishSchema.index({ handlerId: 1, dueAt: 1, _id: 1 });
// Organisation.handledWishes: newest first.
wishSchema.index({ handlerId: 1, createdAt: -1, _id: -1 });
// The handling sheet: requests routed before a week's end, under an organisation or handled within it.
wishSchema.index({ organisationPath: 1, takenAt: 1 });
wishSchema.index({ handlerPath: 1, takenAt: 1 });
// The deadline sweep and filter { overdue }; auto-confirmation; deadline notices.
wishSchema.index({ dueAt: 1 });
wishSchema.index({ autoConfirmAt: 1 });
// The handler-history backfill: the wishes written before handler histories.
wishSchema.index({ handlerIds: 1 });
wishSchema.index({ deadlineNoticeAt: 1 });

export function wishModel(connection: Connection) {
  return connection.model<WishDocument>('Wish', wishSchema);
}
