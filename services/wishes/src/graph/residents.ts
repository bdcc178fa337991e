import { graphCall, requestTogether, type GraphClient } from '@civic/service-kit';
import { hasRole, type Viewer } from '@civic/identity';
import type { ResultOf } from '@graphql-typed-document-node/core';
import { graphql } from '../generated/graph/gql.ts';
import { reachOf, residentStandingRefusal, type Claimant } from '../domain/claiming.ts';
import { requireResidentClaimer } from '../authorisation.ts';
import { claimRefused, claimWithoutStanding } from '../errors.ts';

/** What wishes asks the residents department, through the gateway, at write time. */

const RESIDENT_QUERY = graphql(`query WishesResident($id: ID!) { resident(id: $id) {
  id community { id path } household { pairedMember { id } }
  partyMembership { branch { id path } } volunteerProfile { teams { id path } }
} }`);

export type ResidentFacts = NonNullable<ResultOf<typeof RESIDENT_QUERY>['resident']>;

export async function fetchResident(graph: GraphClient, id: string): Promise<ResidentFacts | null> {
  return (await graph.request(RESIDENT_QUERY, { id })).resident;
}

/** The calling resident as a claimant: a volunteer with a profile, or a party member with a membership. */
export async function residentClaimant(graph: GraphClient, viewer: Viewer): Promise<Claimant> {
  const residentId = requireResidentClaimer(viewer);
  const resident = await fetchResident(graph, residentId);
  if (!resident) throw claimWithoutStanding();
  const refusal = residentStandingRefusal({
    volunteerWithProfile: hasRole(viewer, 'VOLUNTEER') && Boolean(resident.volunteerProfile),
    memberWithMembership: hasRole(viewer, 'PARTY_MEMBER') && Boolean(resident.partyMembership),
  });
  if (refusal) throw claimRefused(refusal);
  const paths = [resident.community?.path ?? [], resident.partyMembership?.branch.path ?? [], ...(resident.volunteerProfile?.teams.map((team) => team.path) ?? [])];
  return { kind: 'RESIDENT', id: resident.id, path: resident.community?.path ?? [], ...reachOf(paths) };
}

const MEMBERSHIPS_QUERY = graphql(`query WishesResidentMemberships($id: ID!) { resident(id: $id) {
  id partyMembership { branch { path } } volunteerProfile { teams { path } }
} }`);

export interface Memberships {
  branchPath: string[] | null;
  teamPaths: string[][];
}

/** The party branch and volunteer teams of each resident, in one request; null for an id the residents department does not know. */
export async function fetchMemberships(graph: GraphClient, ids: readonly string[]): Promise<(Memberships | null)[]> {
  const answers = await requestTogether(graph, ids.map((id) => graphCall(MEMBERSHIPS_QUERY, { id })));
  return answers.map(({ resident }) =>
    resident && { branchPath: resident.partyMembership?.branch.path ?? null, teamPaths: resident.volunteerProfile?.teams.map((team) => team.path) ?? [] },
  );
}
