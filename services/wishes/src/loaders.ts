import DataLoader from 'dataloader';
import { loaderById, objectIdsOf, pageLoader } from '@civic/service-kit';
import type { Viewer } from '@civic/identity';
import type { Models } from './models/index.ts';
import { WISH_FIELDS } from './models/wish.ts';
import { COMMUNITY_SETTINGS_FIELDS } from './models/community-settings.ts';
import { DEFAULT_CLAIM_WINDOWS, type ClaimWindows } from './domain/claiming.ts';
import { OPEN_REQUEST_STATUSES } from './domain/vocabulary.ts';
import { visibleWishesFilter } from './authorisation.ts';
import { NEWEST_FIRST } from './inputs/wish-filter.ts';
import { scorecardLoader } from './persistence/scorecard-loader.ts';

/** Built per request by the service kit: one query per entity type per level, never a cache shared by callers. */
export function createLoaders(models: Models, viewer: Viewer) {
  // Each page holds only what the viewer may see, so that its length and totalCount tell nothing
  // more. Whose wishes a resident asked for, or which requests an organisation handles, is
  // personal: those lists hold only the wishes the viewer sees in full.
  const visible = visibleWishesFilter(viewer);
  const fullyVisible = visibleWishesFilter(viewer, { fullOnly: true });
  const wishPages = (field: string, filter: Record<string, unknown>) => pageLoader(models.Wish, field, filter, NEWEST_FIRST, { projection: WISH_FIELDS });
  return {
    wish: loaderById(models.Wish, WISH_FIELDS),
    wishesOfRequester: wishPages('requesterId', fullyVisible),
    wishesOfClaimant: wishPages('claimantId', visible),
    wishesOfHandler: wishPages('handlerId', { $and: [{ status: { $in: OPEN_REQUEST_STATUSES } }, fullyVisible] }),
    openWishesOfGrid: wishPages('gridId', { $and: [{ status: 'PUBLISHED' }, visible] }),
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
