import { answerFromCells, asGraphAggregate, parseId, requireAggregateReader, requireSignedIn, type AggregateCell } from '@civic/service-kit';
import type { PipelineStage } from 'mongoose';
import type { QueryResolvers, ResidentDimension } from '../generated/resolvers-types.ts';
import { AGE_BANDS, ageBandOf } from '../domain/age-bands.ts';
import { chinaYear } from '../domain/china-time.ts';
import { PARTY_MEMBERSHIP_KINDS, SPECIAL_CARE_TAGS } from '../domain/vocabulary.ts';
import { fetchOrganisations } from '../graph/organisations.ts';
import { readAggregateOutOfScope, unknownAggregateOrganisation } from '../errors.ts';

/** What each dimension groups by, as the `$group` key's `group` (the cell's unit is the grid). */
const GROUP_FIELD: Record<ResidentDimension, string> = {
  COMMUNITY: '$communityId',
  GRID: '$gridId',
  AGE_BAND: '$birthYear',
  SPECIAL_CARE: '$specialCare',
  PARTY_MEMBERSHIP: '$partyMembership.kind',
};

const ORDER: Record<ResidentDimension, readonly string[]> = {
  COMMUNITY: [],
  GRID: [],
  AGE_BAND: AGE_BANDS,
  SPECIAL_CARE: SPECIAL_CARE_TAGS,
  PARTY_MEMBERSHIP: PARTY_MEMBERSHIP_KINDS,
};

interface CountedCell {
  _id: { grid: { toHexString(): string }; group: unknown };
  persons: number;
}

export const residentAggregateQueries: QueryResolvers = {
  residentAggregate: async (_parent, { organisationId, by }, context) => {
    requireSignedIn(context.viewer);
    const organisation = parseId('organisationId', organisationId);
    const facts = (await fetchOrganisations(context.graph, [organisationId])).get(organisationId);
    if (!facts) throw unknownAggregateOrganisation(organisationId);
    requireAggregateReader(context.viewer, facts.path, readAggregateOutOfScope);
    // Cells counted in the database on the organisationPath index: one per grid and group value.
    const pipeline: PipelineStage[] = [{ $match: { organisationPath: organisation } }];
    if (by === 'SPECIAL_CARE') pipeline.push({ $unwind: '$specialCare' });
    if (by === 'PARTY_MEMBERSHIP') pipeline.push({ $match: { 'partyMembership.kind': { $exists: true } } });
    pipeline.push({ $group: { _id: { grid: '$gridId', group: GROUP_FIELD[by] }, persons: { $sum: 1 } } });
    const counted = await context.models.Resident.aggregate<CountedCell>(pipeline);
    const cells = by === 'AGE_BAND' ? byAgeBand(counted, chinaYear(context.clock.now())) : counted.map((cell) => cellOf(cell, String(cell._id.group)));
    return asGraphAggregate(answerFromCells(cells, [], ORDER[by]));
  },
};

function cellOf(counted: CountedCell, group: string): AggregateCell {
  return { unit: counted._id.grid.toHexString(), month: null, group, persons: counted.persons, measures: {} };
}

/** Birth-year counts of a grid summed into its age bands: a resident has one birth year, so the sum counts distinct residents. */
function byAgeBand(counted: readonly CountedCell[], year: number): AggregateCell[] {
  const cells = new Map<string, AggregateCell>();
  for (const count of counted) {
    const cell = cellOf(count, ageBandOf((count._id.group as number | null) ?? null, year));
    const key = `${cell.unit} ${cell.group}`;
    const existing = cells.get(key);
    cells.set(key, existing ? { ...existing, persons: existing.persons + cell.persons } : cell);
  }
  return [...cells.values()];
}
