import type { Types } from 'mongoose';

/**
 * Who may be a grid's responsible person (网格长): a resident who lives in the grid, that is whose
 * household's grid is the grid or lies below it, or staff of the grid's community who name
 * themself. The graph keeps no roster of staff accounts, so a staff member is known as staff only
 * by their own signed-in token: a manager cannot name another staff member living elsewhere.
 */

interface GridPosition {
  _id: Types.ObjectId;
  ancestorIds: readonly Types.ObjectId[];
}

export function livesInGrid(grid: Pick<GridPosition, '_id'>, homeGrid: GridPosition | null): boolean {
  if (homeGrid === null) return false;
  return homeGrid._id.equals(grid._id) || homeGrid.ancestorIds.some((id) => id.equals(grid._id));
}

export function mayBeResponsibleFor(grid: Pick<GridPosition, '_id'>, homeGrid: GridPosition | null, isCoveringStaffNamingThemself: boolean): boolean {
  return isCoveringStaffNamingThemself || livesInGrid(grid, homeGrid);
}
