import type { WishDocument } from '../models/wish.ts';
import { isRequest } from '../domain/vocabulary.ts';
import { autoConfirmAt } from '../domain/claiming.ts';
import { closedOnTime } from '../domain/deadlines.ts';
import type { Context } from '../context.ts';

/** What completing (fulfilling or resolving) records: when, whether on time, when silence confirms. */
export async function completion(wish: WishDocument, now: Date, { loaders }: Context): Promise<Partial<WishDocument>> {
  const windows = await loaders.claimWindows.load(wish.communityId.toHexString());
  return {
    completedAt: now,
    closedOnTime: isRequest(wish.kind) ? closedOnTime(now, wish.resolveDeadline, wish.escalations) : null,
    autoConfirmAt: autoConfirmAt(now, windows),
  };
}
