import { parseId, requireIntInRange, signedInSubject, sweepSubtree } from '@civic/service-kit';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { WINDOW_LIMITS, windowsError } from '../domain/claiming.ts';
import { fetchOrganisation } from '../graph/organisations.ts';
import { requireManager, SWEEP_REFUSALS } from '../authorisation.ts';
import { sweepDeadlines } from '../jobs/deadline-sweep.ts';
import { inconsistentSettings, setWishSettingsOutOfScope, settingsForNonCommunity } from '../errors.ts';

/** A community's claim windows and auto-confirmation; the deadline sweep on demand. */
export const settingsQueries: QueryResolvers = {
  communityWishSettings: async (_parent, { communityId }, { loaders }) => {
    const id = parseId('communityId', communityId).toHexString();
    return { communityId: id, ...(await loaders.claimWindows.load(id)) };
  },
};

export const settingsMutations: MutationResolvers = {
  setCommunityWishSettings: async (_parent, { input }, { viewer, graph, models, clock }) => {
    const communityId = parseId('input.communityId', input.communityId);
    const windows = {
      gridWindowHours: requireIntInRange('input.gridWindowHours', input.gridWindowHours, WINDOW_LIMITS.minHours, WINDOW_LIMITS.maxHours),
      communityWindowHours: requireIntInRange('input.communityWindowHours', input.communityWindowHours, WINDOW_LIMITS.minHours, WINDOW_LIMITS.maxHours),
      autoConfirmDays: requireIntInRange('input.autoConfirmDays', input.autoConfirmDays, WINDOW_LIMITS.minDays, WINDOW_LIMITS.maxDays),
    };
    const inconsistent = windowsError(windows);
    if (inconsistent) throw inconsistentSettings(inconsistent);
    const community = await fetchOrganisation(graph, communityId.toHexString());
    if (!community || community.kind !== 'COMMUNITY_PARTY_COMMITTEE') throw settingsForNonCommunity();
    requireManager(viewer, community.path, setWishSettingsOutOfScope);
    // Upsert on the unique community id: concurrent first settings land in one document.
    await models.CommunitySettings.updateOne(
      { communityId },
      { $set: { ...windows, updatedBy: signedInSubject(viewer), updatedAt: clock.now() } },
      { upsert: true },
    );
    return { communityId: communityId.toHexString(), ...windows };
  },

  runDeadlineSweep: async (_parent, { at, organisationId }, { viewer, graph, models, clock }) => {
    const subtree = await sweepSubtree(viewer, organisationId, async (id) => (await fetchOrganisation(graph, id))?.path ?? null, SWEEP_REFUSALS);
    return sweepDeadlines(models, at ?? clock.now(), signedInSubject(viewer), subtree);
  },
};
