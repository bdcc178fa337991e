import type { InputViolation } from '@civic/service-kit';

/** Grid levels (网格): a community grid, general grids under it, micro-grids under those. */
export const GRID_LEVELS = ['COMMUNITY', 'GENERAL', 'MICRO'] as const;

export type GridLevel = (typeof GRID_LEVELS)[number];

/** The level a grid's parent must have; null: the grid has no parent grid. */
export const PARENT_GRID_LEVEL: Readonly<Record<GridLevel, GridLevel | null>> = {
  COMMUNITY: null,
  GENERAL: 'COMMUNITY',
  MICRO: 'GENERAL',
};

/** A grid of `level` is the top of its community's grids and was given a parent. */
export function topGridWithParent(level: GridLevel): InputViolation {
  return { field: 'parentId', message: `a ${level} grid has no parent grid` };
}

export function gridWithoutParent(level: GridLevel): InputViolation {
  return { field: 'parentId', message: `a ${level} grid must sit under a ${PARENT_GRID_LEVEL[level]} grid` };
}

export function parentGridOfWrongLevel(level: GridLevel, parentLevel: GridLevel): InputViolation {
  return { field: 'parentId', message: `a ${level} grid must sit under a ${PARENT_GRID_LEVEL[level]} grid, not a ${parentLevel} grid` };
}

/** Why a grid of `level` may not sit under a parent grid of `parentLevel` (null: none), or null when it may. */
export function gridPlacementError(level: GridLevel, parentLevel: GridLevel | null): InputViolation | null {
  const required = PARENT_GRID_LEVEL[level];
  if (required === null) return parentLevel === null ? null : topGridWithParent(level);
  if (parentLevel === null) return gridWithoutParent(level);
  if (parentLevel !== required) return parentGridOfWrongLevel(level, parentLevel);
  return null;
}
