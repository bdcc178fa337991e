/** Grid levels (网格): a community grid, general grids under it, micro-grids under those. */
export const GRID_LEVELS = ['COMMUNITY', 'GENERAL', 'MICRO'] as const;

export type GridLevel = (typeof GRID_LEVELS)[number];

/** The level a grid's parent must have; null: the grid has no parent grid. */
export const PARENT_GRID_LEVEL: Readonly<Record<GridLevel, GridLevel | null>> = {
  COMMUNITY: null,
  GENERAL: 'COMMUNITY',
  MICRO: 'GENERAL',
};

/** Why a grid of `level` may not sit under a parent grid of `parentLevel` (null: none), or null when it may. */
export function gridPlacementError(level: GridLevel, parentLevel: GridLevel | null): string | null {
  const required = PARENT_GRID_LEVEL[level];
  if (required === null) return parentLevel === null ? null : `a ${level} grid has no parent grid`;
  if (parentLevel === null) return `a ${level} grid must sit under a ${required} grid`;
  if (parentLevel !== required) return `a ${level} grid must sit under a ${required} grid, not a ${parentLevel} grid`;
  return null;
}
