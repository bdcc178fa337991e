import { loadAll } from '@civic/service-kit';
import type { WishResolvers } from '../generated/resolvers-types.ts';

/** Wishes belong to the wishes subgraph; this one adds the meetings that took them up. */
export const Wish: WishResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  // Two batched queries per level: the agenda items naming the wishes, then their meetings.
  meetings: async (wish, _args, { loaders }) => {
    const items = await loaders.agendaItemsOfWish.load(wish.id);
    const meetings = await loadAll(loaders.meeting, [...new Map(items.map((item) => [item.meetingId.toHexString(), item.meetingId])).values()]);
    return meetings.sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  },
};
