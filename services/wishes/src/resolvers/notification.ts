import { idOf, notFound } from '@civic/service-kit';
import type { CommunityWishSettingsResolvers, WishNotificationResolvers } from '../generated/resolvers-types.ts';

export const WishNotification: WishNotificationResolvers = {
  id: idOf,
  recipient: (notification) => ({ id: notification.recipientId.toHexString() }),
  wish: async (notification, _args, { loaders }) => {
    const wish = await loaders.wish.load(notification.wishId.toHexString());
    if (!wish) throw notFound('Wish', notification.wishId.toHexString());
    return wish;
  },
};

export const CommunityWishSettings: CommunityWishSettingsResolvers = {
  community: (settings) => ({ id: settings.communityId }),
};
