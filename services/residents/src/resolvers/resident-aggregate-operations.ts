import { answerFromCells, asGraphAggregate, parseId, requireAggregateReader, requireSignedIn, type AggregateCell, type Grouping } from '@civic/service-kit';
import type { PipelineStage, Types } from 'mongoose';
import type { QueryResolvers, ResidentDimension } from '../generated/resolvers-types.ts';
import { AGE_BANDS, ageBandOf } from '../domain/age-bands.ts';
import { chinaYear } from '../domain/china-time.ts';
import { PARTY_MEMBERSHIP_KINDS, SPECIAL_CARE_TAGS } from '../domain/vocabulary.ts';
import type { Models } from '../models/index.ts';
import { fetchOrganisations } from '../graph/organisations.ts';
import { readAggregateOutOfScope, unknownAggregateOrganisation } from '../errors.ts';
import { OPEN_ACCOUNTS } from '../authorisation.ts';

/**
 * Residents are counted in one of three populations, each in cells of one grain whatever the
 * grouping: everyone by (grid, age band), grouped by community, grid or band, so those three
 * answers sum the same published cells; special-care tags by (grid, tag); party members by
 * (grid, membership kind).
 */

interface CountedCell {
  _id: { grid: Types.ObjectId; community: Types.ObjectId; value: unknown };
  persons: number;
}

const GROUPING: Record<ResidentDimension, Grouping> = {
  COMMUNITY: { groupOf: (cell) => cell.attributes.community!, measures: [] },
  GRID: { groupOf: (cell) => cell.unit, measures: [] },
  AGE_BAND: { groupOf: (cell) => cell.attributes.value!, measures: [], order: AGE_BANDS },
  SPECIAL_CARE: { groupOf: (cell) => cell.attributes.value!, measures: [], order: SPECIAL_CARE_TAGS },
  PARTY_MEMBERSHIP: { groupOf: (cell) => cell.attributes.value!, measures: [], order: PARTY_MEMBERSHIP_KINDS },
};

export const residentAggregateQueries: QueryResolvers = {
  residentAggregate: async (_parent, { organisationId, by }, context) => {
    requireSignedIn(context.viewer);
    const organisation = parseId('organisationId', organisationId);
    const facts = (await fetchOrganisations(context.graph, [organisationId])).get(organisationId);
    if (!facts) throw unknownAggregateOrganisation(organisationId);
    requireAggregateReader(context.viewer, facts.path, readAggregateOutOfScope);
    const cells =
      by === 'SPECIAL_CARE'
        ? cellsOf(await countCells(context.models, organisation, '$specialCare', [{ $unwind: '$specialCare' }]))
        : by === 'PARTY_MEMBERSHIP'
          ? cellsOf(await countCells(context.models, organisation, '$partyMembership.kind', [{ $match: { 'partyMembership.kind': { $exists: true } } }]))
          : byAgeBand(await countCells(context.models, organisation, '$birthYear', []), chinaYear(context.clock.now()));
    return asGraphAggregate(answerFromCells(cells, GROUPING[by]));
  },
};

/** Open accounts of the subtree (organisationPath index) counted per grid and `value`; a grid's community comes along. */
function countCells(models: Models, organisation: Types.ObjectId, value: string, stages: PipelineStage[]) {
  return models.Resident.aggregate<CountedCell>([
    { $match: { organisationPath: organisation, ...OPEN_ACCOUNTS } },
    ...stages,
    { $group: { _id: { grid: '$gridId', community: '$communityId', value }, persons: { $sum: 1 } } },
  ]);
}

function cellsOf(counted: readonly CountedCell[]): AggregateCell[] {
  return counted.map(({ _id, persons }) => ({
    unit: _id.grid.toHexString(),
    month: null,
    attributes: { community: _id.community.toHexString(), value: String(_id.value) },
    persons,
    measures: {},
  }));
}

/** Birth-year counts of a grid summed into its age bands: a resident has one birth year, so the sums count distinct residents. */
function byAgeBand(counted: readonly CountedCell[], year: number): AggregateCell[] {
  const cells = new Map<string, AggregateCell>();
  for (const count of counted) {
    const band = ageBandOf((count._id.value as number | null) ?? null, year);
    const [cell] = cellsOf([{ _id: { ...count._id, value: band }, persons: count.persons }]);
    const key = `${cell!.unit} ${band}`;
    const existing = cells.get(key);
    cells.set(key, existing ? { ...existing, persons: existing.persons + cell!.persons } : cell!);
  }
  return [...cells.values()];
}
