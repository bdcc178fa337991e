import { loaderById, loaderByForeignKey, pageLoader, sumLoader, type RequestFacts } from '@civic/service-kit';
import type { Viewer } from '@civic/identity';
import type { Models } from './models/index.ts';
import { listingScopeFilter, OPEN_ACCOUNTS } from './authorisation.ts';
import { accessLogWriter } from './persistence/access-log.ts';

/** Listings of residents are by name, then _id, so pages stay stable when names repeat. */
export const BY_NAME = { field: 'name', direction: 1 } as const;

/** Built per request by the service kit: one query per entity type per level. */
export function createLoaders(models: Models, viewer: Viewer, request: RequestFacts) {
  // Listings show only what the viewer may list; resolvers refuse callers who may list nothing.
  const inScope = listingScopeFilter(viewer);
  return {
    resident: loaderById(models.Resident),
    household: loaderById(models.Household),
    residentsByHousehold: loaderByForeignKey(models.Resident, 'householdId', { sort: { name: 1, _id: 1 } }),
    memberPairingByMember: loaderByForeignKey(models.MemberPairing, 'memberId'),
    memberPairingsByCoreMember: loaderByForeignKey(models.MemberPairing, 'coreMemberId', { sort: { slot: 1 } }),
    householdPairingsByMember: loaderByForeignKey(models.HouseholdPairing, 'memberId', { sort: { slot: 1 } }),
    householdPairingByHousehold: loaderByForeignKey(models.HouseholdPairing, 'householdId'),
    pointsBalance: sumLoader(models.PointsEntry, 'residentId', '$amount'),
    householdCountByGrid: sumLoader(models.Household, 'gridId', 1),
    residentsByGrid: pageLoader(models.Resident, 'gridId', { ...inScope, ...OPEN_ACCOUNTS }, BY_NAME),
    householdsByGrid: pageLoader(models.Household, 'gridId', inScope, { field: '_id', direction: 1 }),
    partyMembersByBranch: pageLoader(models.Resident, 'partyMembership.branchId', inScope, BY_NAME),
    pointsEntriesByResident: pageLoader(models.PointsEntry, 'residentId', {}, { field: 'sequence', direction: -1 }),
    /** Unmasked reads of sensitive data, batched into the access log like a loader's keys. */
    accessLog: accessLogWriter(models, viewer, request),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
