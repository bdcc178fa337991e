import { Types } from 'mongoose';
import type { WishDocument } from '../models/wish.ts';

/**
 * The organisations that handled a request, with a new handler added at the end (once): each is
 * evaluated on the request in its scorecard, so an escalation does not wipe a late request off the
 * record of the unit that let it pass its deadline. A wish routed before the history was kept
 * starts from its handler of then.
 */
export function withHandler(wish: Pick<WishDocument, 'handlerIds' | 'handlerId'>, handlerId: string): Types.ObjectId[] {
  const known = wish.handlerIds ?? (wish.handlerId ? [wish.handlerId] : []);
  return known.some((id) => id.toHexString() === handlerId) ? known : [...known, new Types.ObjectId(handlerId)];
}
