import { Types } from 'mongoose';
import { hasRole, type Viewer } from '@civic/identity';
import {
  decodeCursor,
  encodeCursor,
  pageSize,
  parseId,
  parseMonthPeriod,
  READER_ROLES,
  readsAsAnalyst,
  requiredOrganisationPath,
  requireIntInRange,
  requirePersonalFactReader,
  requireSignedIn,
  staffCovers,
  unknownId,
  type MonthPeriod,
} from '@civic/service-kit';
import type { AgreementResolvers, AggregatePeriod, OrganisationResolvers, QueryResolvers, ResidentResolvers } from '../generated/resolvers-types.ts';
import { addFacts, scorecardFigures, type ScorecardFigures } from '../domain/scorecard.ts';
import { rankUnits } from '../domain/scorecard-ranking.ts';
import type { RatingReading } from '../domain/scorecard-rating-cells.ts';
import { fetchOrganisation, fetchUnitsOfKind } from '../graph/organisations.ts';
import { requireReportReader } from '../authorisation.ts';
import type { Loaders } from '../loaders.ts';
import { scorecardFacts } from '../persistence/scorecard-facts.ts';
import type { OrganisationReference } from '../mappers.ts';
import { readAgreementEvaluationOutOfScope, readAnotherResidentsScorecard, readRankingOutOfScope, readScorecardOutOfScope } from '../errors.ts';

/**
 * Scorecards (评星定级, 民意测评): an organisation's as handler and claimant, a resident's as
 * claimant, an agreement's yearly evaluation, and the ranking of a kind of unit under a street or
 * community. Every scorecard on a page is loaded through one per-request loader (one read of
 * rollups per side and period); a ranking first reads, for every unit, only the figure it ranks by.
 */

/** The earliest and latest years an agreement can be evaluated for. */
const EVALUATION_YEARS = { first: 2000, last: 2100 } as const;

interface Scored {
  period: AggregatePeriod;
  months: MonthPeriod;
}

function scored(field: string, period: AggregatePeriod): Scored {
  return { period, months: parseMonthPeriod(field, period.from, period.to) };
}

/** Analysts read no rating of a small group: the k-anonymous ratings; staff and services every rating. */
function ratingReadingOf(viewer: Viewer): RatingReading {
  return readsAsAnalyst(viewer) ? 'K_ANONYMOUS' : 'WHOLE';
}

/** An organisation is scored on the requests it handled and the wishes it claimed. */
async function organisationFigures(loaders: Loaders, unitId: string, { months }: Scored, reading: RatingReading): Promise<ScorecardFigures> {
  const [handled, claimed] = await Promise.all([
    loaders.scorecards.load({ side: 'HANDLER', unitId, period: months }),
    loaders.scorecards.load({ side: 'CLAIMANT', unitId, period: months }),
  ]);
  return scorecardFigures(addFacts(handled, claimed), reading);
}

function pathOf(organisation: OrganisationReference): readonly string[] {
  if (!organisation.path) throw new Error('Organisation.scorecard needs the organisation path, which the gateway supplies through @requires');
  return organisation.path;
}

export const Organisation: OrganisationResolvers = {
  scorecard: async (organisation, { period }, { viewer, loaders }) => {
    const scope = scored('period', period);
    requireReportReader(viewer, pathOf(organisation), readScorecardOutOfScope);
    return { ...period, ...(await organisationFigures(loaders, organisation.id, scope, ratingReadingOf(viewer))) };
  },
};

export const Resident: ResidentResolvers = {
  scorecard: async (resident, { period }, { viewer, loaders }) => {
    const { months } = scored('period', period);
    requirePersonalFactReader(viewer, { id: resident.id, organisationPath: requiredOrganisationPath(resident, 'scorecard') }, readAnotherResidentsScorecard);
    const facts = await loaders.scorecards.load({ side: 'CLAIMANT', unitId: resident.id, period: months });
    // A personal fact: its readers (the resident, staff in scope, services) read it whole.
    return { ...period, ...scorecardFigures(facts, 'WHOLE') };
  },
};

export const Agreement: AgreementResolvers = {
  __resolveReference: (reference) => reference,
  evaluation: async (agreement, { year }, { viewer, loaders }) => {
    const evaluated = requireIntInRange('year', year, EVALUATION_YEARS.first, EVALUATION_YEARS.last);
    const period = { from: `${evaluated}-01`, to: `${evaluated}-12` };
    const { months } = scored('year', period);
    requireSignedIn(viewer);
    const parties = [agreement.community?.path, agreement.propertyCompany?.path];
    if (parties.some((path) => !path)) throw new Error('Agreement.evaluation needs its parties\' paths, which the gateway supplies through @requires');
    if (!hasRole(viewer, ...READER_ROLES) && !parties.some((path) => staffCovers(viewer, path!))) throw readAgreementEvaluationOutOfScope();
    const facts = await loaders.scorecards.load({ side: 'AGREEMENT', unitId: agreement.id, period: months });
    return { ...period, ...scorecardFigures(facts, ratingReadingOf(viewer)) };
  },
};

export const scorecardQueries: QueryResolvers = {
  scorecardRanking: async (_parent, { organisationId, kind, period, by, first, after }, { viewer, graph, loaders, models }) => {
    requireSignedIn(viewer);
    const scope = scored('period', period);
    const limit = pageSize(first);
    const afterRank = after ? Number(decodeCursor(after, 'number').sortValue) : 0;
    const id = parseId('organisationId', organisationId);
    const organisation = await fetchOrganisation(graph, id.toHexString());
    if (!organisation) throw unknownId('organisationId', 'organisation');
    requireReportReader(viewer, organisation.path, readRankingOutOfScope);

    const unitIds = await fetchUnitsOfKind(graph, organisation.id, kind);
    // An analyst's ranking by MEAN_RATING orders the means of published cells, as the analyst reads them.
    const reading = ratingReadingOf(viewer);
    // Every unit is ranked on the one figure asked for; only the page's units are read whole.
    const ids = unitIds.map((unitId) => new Types.ObjectId(unitId));
    const [handled, claimed] = await Promise.all([scorecardFacts(models, 'HANDLER', ids, scope.months, by), scorecardFacts(models, 'CLAIMANT', ids, scope.months, by)]);
    const units = unitIds.map((unitId) => ({ id: unitId, figures: scorecardFigures(addFacts(handled.get(unitId)!, claimed.get(unitId)!), reading) }));
    const page = rankUnits(units, by).slice(afterRank, afterRank + limit + 1);
    const edges = await Promise.all(
      page.slice(0, limit).map(async ({ rank, unit }) => ({
        cursor: encodeCursor(rank, new Types.ObjectId(unit.id)),
        node: { rank, organisation: { id: unit.id }, scorecard: { ...period, ...(await organisationFigures(loaders, unit.id, scope, reading)) } },
      })),
    );
    return { edges, pageInfo: { hasNextPage: page.length > limit, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: units.length };
  },
};
