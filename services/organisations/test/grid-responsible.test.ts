import { describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { livesInGrid, mayBeResponsibleFor } from '../src/domain/grid-responsible.ts';

const general = { _id: new Types.ObjectId(), ancestorIds: [new Types.ObjectId()] };
const micro = { _id: new Types.ObjectId(), ancestorIds: [...general.ancestorIds, general._id] };
const nextDoor = { _id: new Types.ObjectId(), ancestorIds: [...general.ancestorIds, general._id] };

describe("a grid's responsible person", () => {
  it('lives in the grid when their household lies in it or below it', () => {
    expect(livesInGrid(micro, micro)).toBe(true);
    expect(livesInGrid(general, micro)).toBe(true);
    expect(livesInGrid(micro, nextDoor)).toBe(false);
    expect(livesInGrid(micro, general)).toBe(false);
    expect(livesInGrid(micro, null)).toBe(false);
  });

  it('lives in it, or is its staff naming themself', () => {
    expect(mayBeResponsibleFor(micro, nextDoor, false)).toBe(false);
    expect(mayBeResponsibleFor(micro, nextDoor, true)).toBe(true);
    expect(mayBeResponsibleFor(micro, null, true)).toBe(true);
    expect(mayBeResponsibleFor(micro, micro, false)).toBe(true);
  });
});
