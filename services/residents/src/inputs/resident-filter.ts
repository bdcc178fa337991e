import type { Viewer } from '@civic/identity';
import { parseId, startsWith } from '@civic/service-kit';
import type { ResidentFilter } from '../generated/resolvers-types.ts';
import { normaliseSkill } from '../domain/volunteer.ts';
import { NAME_MAX_LENGTH, nameText } from '../domain/resident-input.ts';
import { listingScopeFilter, OPEN_ACCOUNTS, requireListingAccess } from '../authorisation.ts';
import { listResidentsNotStaff } from '../errors.ts';

/**
 * The query behind `residents(filter)`. Each condition leads one of the resident indexes (see
 * models/resident.ts); staff see only residents under their scope, services see all.
 */
export function residentListQuery(viewer: Viewer, filter: ResidentFilter | null | undefined): Record<string, unknown> {
  requireListingAccess(viewer, listResidentsNotStaff);
  const conditions: Record<string, unknown>[] = [listingScopeFilter(viewer), OPEN_ACCOUNTS];
  if (filter?.communityId) conditions.push({ communityId: parseId('filter.communityId', filter.communityId) });
  if (filter?.gridId) conditions.push({ gridId: parseId('filter.gridId', filter.gridId) });
  if (filter?.specialCare) conditions.push({ specialCare: filter.specialCare });
  if (typeof filter?.partyMember === 'boolean') {
    conditions.push({ 'partyMembership.branchId': filter.partyMember ? { $ne: null } : null });
  }
  if (filter?.partyBranchId) conditions.push({ 'partyMembership.branchId': parseId('filter.partyBranchId', filter.partyBranchId) });
  if (typeof filter?.volunteer === 'boolean') {
    conditions.push({ 'volunteerProfile.since': filter.volunteer ? { $ne: null } : null });
  }
  if (typeof filter?.skill === 'string') conditions.push({ 'volunteerProfile.skills': normaliseSkill('filter.skill', filter.skill) });
  if (typeof filter?.namePrefix === 'string') conditions.push({ name: namePrefix(filter.namePrefix) });
  return { $and: conditions };
}

/** Compared with names as they are stored; no longer than a name can be. */
function namePrefix(raw: string): { $regex: string } {
  return startsWith('filter.namePrefix', nameText(raw), NAME_MAX_LENGTH);
}
