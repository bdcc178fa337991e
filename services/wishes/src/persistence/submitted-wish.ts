import type { WishDocument } from '../models/wish.ts';

/** What a wish is submitted with; its handling, deadlines and feedback start empty. */
export type Submission = Pick<
  WishDocument,
  '_id' | 'kind' | 'category' | 'title' | 'description' | 'tags' | 'urgency' | 'channel' | 'requesterId' | 'recordedBy' | 'communityId' | 'gridId' | 'organisationPath'
> & { submittedAt: Date };

/** A new wish as submitted, its timeline opened by the SUBMIT entry (the channel as its note). */
export function submittedWish({ submittedAt, ...submission }: Submission): WishDocument {
  return {
    ...submission,
    status: 'SUBMITTED',
    version: 0,
    gridClaimantIds: [],
    openedAt: null,
    claimantKind: null,
    claimantId: null,
    claimantPath: [],
    handlerId: null,
    handlerPath: [],
    handlerIds: [],
    agreementId: null,
    handlingLevel: null,
    routing: null,
    escalations: 0,
    acknowledgeDeadline: null,
    resolveDeadline: null,
    dueAt: null,
    deadlineNoticeAt: null,
    publishedAt: null,
    takenAt: null,
    completedAt: null,
    closedOnTime: null,
    servedBy: [],
    autoConfirmAt: null,
    rejectionReason: null,
    feedback: null,
    workOrders: [],
    timeline: [{ action: 'SUBMIT', actor: submission.recordedBy, at: submittedAt, note: submission.channel, status: 'SUBMITTED' }],
    createdAt: submittedAt,
    updatedAt: submittedAt,
  };
}
