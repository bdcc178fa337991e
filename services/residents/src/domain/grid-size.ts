import { MICRO_GRID_LEVELS, type GridLevel } from './vocabulary.ts';

/** Chengdu's standard: a micro-grid (微网格) holds 30 to 100 households, so it can be visited door to door. */
export const MICRO_GRID_MIN_HOUSEHOLDS = 30;
export const MICRO_GRID_MAX_HOUSEHOLDS = 100;

export interface GridSizeCheck {
  householdCount: number;
  withinStandard: boolean;
  message: string | null;
}

/** The advice a micro-grid of `householdCount` households outside the standard gets. */
export function microGridSizeAdvice(householdCount: number): string {
  const comparison = householdCount < MICRO_GRID_MIN_HOUSEHOLDS ? 'fewer than' : 'more than';
  const bound = householdCount < MICRO_GRID_MIN_HOUSEHOLDS ? MICRO_GRID_MIN_HOUSEHOLDS : MICRO_GRID_MAX_HOUSEHOLDS;
  return `This micro-grid holds ${householdCount} households, ${comparison} ${bound}; a micro-grid should hold ${MICRO_GRID_MIN_HOUSEHOLDS} to ${MICRO_GRID_MAX_HOUSEHOLDS} households`;
}

export function checkGridSize(level: GridLevel, householdCount: number): GridSizeCheck {
  if (!MICRO_GRID_LEVELS.includes(level)) return { householdCount, withinStandard: true, message: null };
  if (householdCount < MICRO_GRID_MIN_HOUSEHOLDS || householdCount > MICRO_GRID_MAX_HOUSEHOLDS) {
    return { householdCount, withinStandard: false, message: microGridSizeAdvice(householdCount) };
  }
  return { householdCount, withinStandard: true, message: null };
}
