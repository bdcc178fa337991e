import { hasRole, isStaff, type Viewer } from '@civic/identity';
import { forbidden, requireSignedIn } from '@civic/service-kit';
import { Types } from 'mongoose';

/**
 * Who may list residents and households (residents(filter), Grid.residents, Grid.households,
 * Organisation.partyMembers): staff, who see what lies under their scope, and services, who see
 * everything. Residents find people through their own records and pairings instead.
 */
export function requireListingAccess(viewer: Viewer, action: string): void {
  requireSignedIn(viewer);
  if (!hasRole(viewer, 'SERVICE') && !isStaff(viewer)) throw forbidden(action);
}

/** The condition every listing adds for this viewer; `organisationPath` is indexed on both collections. */
export function listingScopeFilter(viewer: Viewer): Record<string, unknown> {
  if (hasRole(viewer, 'SERVICE')) return {};
  const scope = viewer.scope.filter((id) => /^[0-9a-f]{24}$/i.test(id)).map((id) => new Types.ObjectId(id));
  return { organisationPath: { $in: scope } };
}
