import { badUserInput, parseId, requireSignedIn, requireStaffCovering, unknownId, forbidden } from '@civic/service-kit';
import type { Context } from '../context.ts';
import { fetchOrganisation, type OrganisationFacts } from '../graph/organisations.ts';

const COMMUNITY_KIND = 'COMMUNITY_PARTY_COMMITTEE';

/** The community an input names, as the organisations department knows it, after checking the caller is staff over it. */
export async function communityToManage(context: Context, field: string, rawId: string, action: string): Promise<OrganisationFacts> {
  requireSignedIn(context.viewer);
  parseId(field, rawId);
  const community = await fetchOrganisation(context.graph, rawId);
  if (!community) throw unknownId(field, 'organisation');
  if (community.kind !== COMMUNITY_KIND) throw badUserInput(field, `must be a community (${COMMUNITY_KIND})`);
  requireStaffCovering(context.viewer, community.path, () => forbidden(action));
  return community;
}
