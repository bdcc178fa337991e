import { forbidden, staffCovers, unknownId, type GraphClient } from '@civic/service-kit';
import { hasRole, type Viewer } from '@civic/identity';
import { organisationKindRefusal, residentStandingRefusal, type ClaimantReach } from '../domain/claiming.ts';
import { claimWithoutStanding } from '../errors.ts';
import type { ClaimantKind } from '../domain/vocabulary.ts';
import { requireResidentClaimer } from '../authorisation.ts';
import { fetchOrganisation } from './organisations.ts';
import { fetchResident } from './residents.ts';

/** A would-be claimant as the graph describes it now (asked afresh on every claim). */
export interface Claimant extends ClaimantReach {
  kind: ClaimantKind;
  /** Stored on the wish: the organisation's path, or the resident's community path. */
  path: string[];
  /**
   * The ids of `within` below the tree's root: a wish whose path holds one of them may be
   * claimable (the root, a district, is on every wish's path and decides nothing).
   */
  nearby: string[];
}

function reachOf(paths: readonly (readonly string[])[]): Pick<Claimant, 'within' | 'nearby'> {
  return { within: [...new Set(paths.flat())], nearby: [...new Set(paths.flatMap((path) => path.slice(1)))] };
}

/**
 * The caller as a claimant: the calling resident (a volunteer with a profile, or a party member
 * with a membership), or an organisation of a claiming kind that the caller's scope covers.
 */
export async function callerAsClaimant(graph: GraphClient, viewer: Viewer, asOrganisationId: string | null | undefined): Promise<Claimant> {
  if (asOrganisationId) return organisationClaimant(graph, viewer, asOrganisationId);
  const residentId = requireResidentClaimer(viewer);
  const resident = await fetchResident(graph, residentId);
  if (!resident) throw claimWithoutStanding();
  const refusal = residentStandingRefusal({
    volunteerWithProfile: hasRole(viewer, 'VOLUNTEER') && Boolean(resident.volunteerProfile),
    memberWithMembership: hasRole(viewer, 'PARTY_MEMBER') && Boolean(resident.partyMembership),
  });
  if (refusal) throw refusal;
  const paths = [resident.community?.path ?? [], resident.partyMembership?.branch.path ?? [], ...(resident.volunteerProfile?.teams.map((team) => team.path) ?? [])];
  return { kind: 'RESIDENT', id: resident.id, path: resident.community?.path ?? [], ...reachOf(paths) };
}

async function organisationClaimant(graph: GraphClient, viewer: Viewer, organisationId: string): Promise<Claimant> {
  const organisation = await fetchOrganisation(graph, organisationId);
  if (!organisation) throw unknownId('asOrganisationId', 'organisation');
  if (!staffCovers(viewer, organisation.path)) throw forbidden('claim a wish for this organisation');
  const refusal = organisationKindRefusal(organisation.kind);
  if (refusal) throw refusal;
  const paired = organisation.partnerships.map((partnership) => partnership.community.path);
  return { kind: 'ORGANISATION', id: organisation.id, path: organisation.path, ...reachOf([organisation.path, ...paired]) };
}

