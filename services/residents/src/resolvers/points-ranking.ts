import { parseId, readsAsAnalyst, requireSignedIn } from '@civic/service-kit';
import type { PointsStandingResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { rankingWindow } from '../domain/points-ranking.ts';
import { rankingPage } from '../persistence/points-ranking.ts';
import { fetchOrganisations } from '../graph/organisations.ts';
import { notARankingOrganisation, readPointsRankingAsAnalyst } from '../errors.ts';
import { loadResident } from './access.ts';

/** Stars of service are ranked within these organisations, whose ids residents carry in organisationPath. */
const RANKING_ORGANISATION_KINDS: readonly string[] = ['COMMUNITY_PARTY_COMMITTEE', 'STREET_COMMITTEE'];

export const pointsRankingQueries: QueryResolvers = {
  pointsRanking: async (_parent, { organisationId, period, first, after }, context) => {
    requireSignedIn(context.viewer);
    if (readsAsAnalyst(context.viewer)) throw readPointsRankingAsAnalyst();
    const organisation = parseId('organisationId', organisationId);
    const window = rankingWindow(period);
    const facts = (await fetchOrganisations(context.graph, [organisationId])).get(organisationId);
    if (!facts || !RANKING_ORGANISATION_KINDS.includes(facts.kind)) throw notARankingOrganisation();
    return rankingPage(context.models, organisation, window, { first, after });
  },
};

export const PointsStanding: PointsStandingResolvers = {
  // The page's residents load together (one query), each masked by the Resident resolvers.
  resident: (standing, _args, context) => loadResident(context, 'residentId', standing.residentId.toHexString()),
};
