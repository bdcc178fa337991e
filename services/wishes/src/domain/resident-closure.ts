import { CLOSED_ACCOUNT_ACTOR, subjectNamesResident } from '@civic/service-kit';
import type { Types } from 'mongoose';
import type { WishDocument } from '../models/wish.ts';

/**
 * What a wish keeps when a resident who took part in it closes their account: its shape (kind,
 * category, title, tags, status, the timeline's steps and times, work orders, the rating) and not
 * the person. The title stays: it was shown to the grid when the wish was published, meetings
 * and work orders name the wish by it, and it is short; the description and the feedback comment,
 * longer free text written by the requester, are where health and family details are told, so they go.
 */

/** What a removed description reads. */
export const REMOVED_TEXT = '（居民已注销，内容已删除）';

export type ClosureSubject = Pick<
  WishDocument,
  'requesterId' | 'description' | 'recordedBy' | 'feedback' | 'claimantKind' | 'claimantId' | 'servedBy' | 'gridClaimantIds' | 'timeline' | 'closedAccountIds'
>;

/**
 * The fields of `wish` to set so that it holds no trace of `residentId`; null when it holds none.
 * `freshId` stands for the person in every role of this one wish (requester or claimant, and who
 * served), so the wish stays consistent with itself and links to no other record; the wish notes
 * it in `closedAccountIds`, so that it shows as no one.
 */
export function wishWithoutResident(wish: ClosureSubject, residentId: Types.ObjectId, freshId: Types.ObjectId): Partial<ClosureSubject> | null {
  const isPerson = (id: Types.ObjectId | null | undefined) => id?.equals(residentId) === true;
  const namesPerson = (subject: string) => subjectNamesResident(subject, residentId);
  const update: Partial<ClosureSubject> = {};
  if (isPerson(wish.requesterId)) {
    update.requesterId = freshId;
    update.description = REMOVED_TEXT;
    if (wish.feedback?.comment) update.feedback = { ...wish.feedback, comment: null };
  }
  if (namesPerson(wish.recordedBy)) update.recordedBy = CLOSED_ACCOUNT_ACTOR;
  if (wish.claimantKind === 'RESIDENT' && isPerson(wish.claimantId)) update.claimantId = freshId;
  if (wish.servedBy?.some(isPerson)) update.servedBy = wish.servedBy.map((id) => (isPerson(id) ? freshId : id));
  if (wish.gridClaimantIds.some(isPerson)) update.gridClaimantIds = wish.gridClaimantIds.filter((id) => !isPerson(id));
  // A step the person took keeps its action, time and status; who took it and what they wrote go.
  if (wish.timeline.some((entry) => namesPerson(entry.actor))) {
    update.timeline = wish.timeline.map((entry) => (namesPerson(entry.actor) ? { ...entry, actor: CLOSED_ACCOUNT_ACTOR, note: null } : entry));
  }
  if (Object.keys(update).length === 0) return null;
  const standsInAnywhere = update.requesterId ?? update.claimantId ?? update.servedBy;
  return standsInAnywhere ? { ...update, closedAccountIds: [...(wish.closedAccountIds ?? []), freshId] } : update;
}

/** Whether `id` stands for a resident who closed their account, not for a resident. */
export function standsForClosedAccount(wish: Pick<WishDocument, 'closedAccountIds'>, id: Types.ObjectId): boolean {
  return wish.closedAccountIds?.some((closed) => closed.equals(id)) === true;
}
