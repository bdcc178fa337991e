import { describe, expect, it } from 'vitest';
import { readStars, type RatingCell } from '../../src/domain/scorecard-rating-cells.ts';
import { noFacts, ratingSpread, scorecardFigures } from '../../src/domain/scorecard.ts';
import { rankUnits } from '../../src/domain/scorecard-ranking.ts';

// One company's ratings: April as handler 1×1★, 2×4★, 5×5★; May as handler 3×5★; April as claimant 5×3★.
const APRIL_HANDLED: RatingCell = { side: 'HANDLER', month: '2026-04', stars: [1, 0, 0, 2, 5] };
const MAY_HANDLED: RatingCell = { side: 'HANDLER', month: '2026-05', stars: [0, 0, 0, 0, 3] };
const APRIL_CLAIMED: RatingCell = { side: 'CLAIMANT', month: '2026-04', stars: [0, 0, 5, 0, 0] };
const CELLS = [APRIL_HANDLED, MAY_HANDLED, APRIL_CLAIMED];

describe('the stars a reader is given', () => {
  it('are every rating for staff and services, with nothing withheld', () => {
    expect(readStars(CELLS, 'WHOLE')).toEqual({ stars: [1, 0, 5, 2, 8], minimumGroupSize: null, withheldCells: 0 });
  });

  it('are the published cells only for an analyst: a star of one side and month with fewer than 5 ratings is withheld', () => {
    // Withheld: April's one 1★ and two 4★, May's three 5★; empty cells are absent, not withheld.
    expect(readStars(CELLS, 'K_ANONYMOUS')).toEqual({ stars: [0, 0, 5, 0, 5], minimumGroupSize: 5, withheldCells: 3 });
    expect(readStars([], 'K_ANONYMOUS')).toEqual({ stars: [0, 0, 0, 0, 0], minimumGroupSize: 5, withheldCells: 0 });
  });

  it('add up cells of one side and month given twice before judging them', () => {
    const halves: RatingCell[] = [
      { side: 'AGREEMENT', month: '2026-04', stars: [0, 0, 0, 0, 3] },
      { side: 'AGREEMENT', month: '2026-04', stars: [0, 0, 0, 1, 2] },
    ];
    expect(readStars(halves, 'K_ANONYMOUS')).toEqual({ stars: [0, 0, 0, 0, 5], minimumGroupSize: 5, withheldCells: 1 });
  });

  it('keep a withheld cell out of reach by subtraction: a longer period minus a shorter one is published cells only', () => {
    const aprilToMay = readStars(CELLS, 'K_ANONYMOUS').stars;
    const april = readStars([APRIL_HANDLED, APRIL_CLAIMED], 'K_ANONYMOUS').stars;
    // May's three 5★ ratings, withheld, do not show up as the difference.
    expect(aprilToMay.map((count, index) => count - april[index]!)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('the rating figures an analyst reads', () => {
  it('are counted from the published stars: count, mean and spread alike', () => {
    expect(ratingSpread(CELLS, 'K_ANONYMOUS')).toEqual({
      count: 10,
      mean: 4,
      standardDeviation: 1,
      perStar: [
        { stars: 1, count: 0 },
        { stars: 2, count: 0 },
        { stars: 3, count: 5 },
        { stars: 4, count: 0 },
        { stars: 5, count: 5 },
      ],
      minimumGroupSize: 5,
      withheldCells: 3,
    });
    // The same company read whole: 16 ratings, the 1★ and the 4★ ones among them (deviations summing to 22 squared).
    expect(ratingSpread(CELLS, 'WHOLE')).toMatchObject({ count: 16, mean: 4, standardDeviation: 1.17, minimumGroupSize: null, withheldCells: 0 });
  });

  it('rank by MEAN_RATING on the published means: a unit whose every rating is withheld has no mean and comes last', () => {
    const units = (reading: 'WHOLE' | 'K_ANONYMOUS') => [
      { id: 'a', figures: scorecardFigures({ ...noFacts(), ratingCells: CELLS }, reading) },
      { id: 'b', figures: scorecardFigures({ ...noFacts(), ratingCells: [{ side: 'HANDLER', month: '2026-04', stars: [0, 0, 0, 0, 4] }] }, reading) },
    ];
    expect(rankUnits(units('WHOLE'), 'MEAN_RATING').map((ranked) => [ranked.unit.id, ranked.unit.figures.ratings.mean])).toEqual([
      ['b', 5],
      ['a', 4],
    ]);
    expect(rankUnits(units('K_ANONYMOUS'), 'MEAN_RATING').map((ranked) => [ranked.unit.id, ranked.unit.figures.ratings.mean])).toEqual([
      ['a', 4],
      ['b', null],
    ]);
  });
});
