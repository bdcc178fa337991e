import type { WishResolvers } from '../generated/resolvers-types.ts';

/** Wishes belong to the wishes subgraph; this one adds the meetings that took them up. */
export const Wish: WishResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  // A page of the agenda items naming the wish (a meeting names a wish once), then their meetings: two batched queries per level.
  meetings: async (wish, { first, after }, { loaders }) => {
    const items = await loaders.agendaItemsOfWish.load({ parentId: wish.id, first, after });
    const meetings = await Promise.all(items.edges.map((edge) => loaders.meeting.load(edge.node.meetingId.toHexString())));
    // A meeting is never deleted, so every agenda item finds its meeting.
    return { ...items, edges: items.edges.map((edge, index) => ({ cursor: edge.cursor, node: meetings[index]! })) };
  },
};
