import { parseId, requireSignedIn, requireStaffCovering, unknownId, type Refusal } from '@civic/service-kit';
import type { Context } from '../context.ts';
import { fetchOrganisation, type OrganisationFacts } from '../graph/organisations.ts';
import { COMMUNITY_KIND } from '../domain/meeting-rules.ts';
import { notACommunity } from '../errors.ts';

/** The community an input names, as the organisations department knows it, after checking the caller is staff over it. */
export async function communityToManage(context: Context, field: string, rawId: string, refusal: Refusal): Promise<OrganisationFacts> {
  requireSignedIn(context.viewer);
  parseId(field, rawId);
  const community = await fetchOrganisation(context.graph, rawId);
  if (!community) throw unknownId(field, 'organisation');
  if (community.kind !== COMMUNITY_KIND) throw notACommunity(field);
  requireStaffCovering(context.viewer, community.path, refusal);
  return community;
}
