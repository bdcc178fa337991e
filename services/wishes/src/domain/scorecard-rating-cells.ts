import { answerFromCells, MINIMUM_GROUP_SIZE, type AggregateCell } from '@civic/service-kit';
import type { ScorecardSide } from './scorecard-contribution.ts';

/**
 * A scorecard's ratings as an analyst reads them (README "Aggregates for analysts"): the shared
 * k-anonymity rule applied to one unit's ratings. The cells are fixed by the rollups, never by the
 * query: one side (handler, claimant, agreement), one China month of the wishes' creation and one
 * number of stars. A cell counts ratings, one per wish, not distinct residents. A cell of fewer
 * than 5 ratings is withheld, and every rating figure comes from the published cells only, so a
 * period's figures minus a shorter period's are themselves published cells, never a withheld one.
 * Staff and services read every rating.
 */

/** Ratings given, index 0 for one star .. index 4 for five. */
export type Stars = readonly [number, number, number, number, number];

/** A unit's ratings on one side in one China month (`YYYY-MM`), as one rollup holds them. */
export interface RatingCell {
  side: ScorecardSide;
  month: string;
  stars: Stars;
}

/** Whole: every rating (staff, services); k-anonymous: the published cells only (analysts). */
export type RatingReading = 'WHOLE' | 'K_ANONYMOUS';

/** The stars a reader is given, with what the suppression states: as the shared aggregates say it. */
export interface ReadStars {
  stars: Stars;
  /** The minimum cell size applied; null for the whole ratings. */
  minimumGroupSize: number | null;
  /** Cells withheld, never how many ratings they held; 0 for the whole ratings. */
  withheldCells: number;
}

const NO_STARS: Stars = [0, 0, 0, 0, 0];

function addStars(a: Stars, b: Stars): Stars {
  return a.map((count, index) => count + b[index]!) as unknown as Stars;
}

function wholeStars(cells: readonly RatingCell[]): Stars {
  return cells.reduce((sum, cell) => addStars(sum, cell.stars), NO_STARS);
}

/** One cell per side, month and number of stars: cells of one side and month given twice are added first. */
function aggregateCells(cells: readonly RatingCell[]): AggregateCell[] {
  const merged = new Map<string, RatingCell>();
  for (const cell of cells) {
    const key = `${cell.side}|${cell.month}`;
    const known = merged.get(key);
    merged.set(key, known ? { ...known, stars: addStars(known.stars, cell.stars) } : cell);
  }
  return [...merged.values()].flatMap(({ side, month, stars }) =>
    stars.map((ratings, index) => ({ unit: side, month, attributes: { stars: String(index + 1) }, persons: ratings, measures: {} })),
  );
}

export function readStars(cells: readonly RatingCell[], reading: RatingReading): ReadStars {
  if (reading === 'WHOLE') return { stars: wholeStars(cells), minimumGroupSize: null, withheldCells: 0 };
  const answer = answerFromCells(aggregateCells(cells), { groupOf: (cell) => cell.attributes.stars!, measures: [] });
  const published = (stars: number) => answer.groups.find((group) => group.key === String(stars))?.persons ?? 0;
  return { stars: [published(1), published(2), published(3), published(4), published(5)], minimumGroupSize: MINIMUM_GROUP_SIZE, withheldCells: answer.withheldCells };
}
