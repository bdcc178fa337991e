import DataLoader from 'dataloader';
import { loaderById, loaderByForeignKey, objectIdsOf } from '@civic/service-kit';
import type { Viewer } from '@civic/identity';
import type { Models } from './models/index.ts';
import { WISH_FIELDS } from './models/wish.ts';
import { COMMUNITY_SETTINGS_FIELDS } from './models/community-settings.ts';
import { DEFAULT_CLAIM_WINDOWS, type ClaimWindows } from './domain/claiming.ts';
import { OPEN_REQUEST_STATUSES } from './domain/vocabulary.ts';
import { scorecardLoader } from './persistence/scorecard-loader.ts';

/** Built per request by the service kit: one query per entity type per level, never a cache shared by callers. */
export function createLoaders(models: Models, _viewer: Viewer) {
  const newestFirst = { createdAt: -1, _id: -1 } as const;
  return {
    wish: loaderById(models.Wish, WISH_FIELDS),
    wishesOfRequester: loaderByForeignKey(models.Wish, 'requesterId', { sort: newestFirst, projection: WISH_FIELDS }),
    wishesOfClaimant: loaderByForeignKey(models.Wish, 'claimantId', { sort: newestFirst, projection: WISH_FIELDS }),
    wishesOfHandler: loaderByForeignKey(models.Wish, 'handlerId', {
      filter: { status: { $in: OPEN_REQUEST_STATUSES } },
      sort: newestFirst,
      projection: WISH_FIELDS,
    }),
    openWishesOfGrid: loaderByForeignKey(models.Wish, 'gridId', { filter: { status: 'PUBLISHED' }, sort: newestFirst, projection: WISH_FIELDS }),
    claimWindows: claimWindowsLoader(models),
    scorecards: scorecardLoader(models),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Each community's claim windows, the defaults where it set none. */
function claimWindowsLoader(models: Models) {
  return new DataLoader<string, ClaimWindows>(async (communityIds) => {
    const ids = objectIdsOf(communityIds);
    const settings = await models.CommunitySettings.find({ communityId: { $in: ids } }, COMMUNITY_SETTINGS_FIELDS).lean();
    const byCommunity = new Map(settings.map((setting) => [setting.communityId.toHexString(), setting]));
    return communityIds.map((id) => {
      const found = byCommunity.get(id);
      return found
        ? { gridWindowHours: found.gridWindowHours, communityWindowHours: found.communityWindowHours, autoConfirmDays: found.autoConfirmDays }
        : DEFAULT_CLAIM_WINDOWS;
    });
  });
}
