import type { InputViolation } from '@civic/service-kit';

/**
 * Grid levels (网格). A community works one of two shapes, from the top grid down:
 * - three levels: the community grid, general grids under it, micro-grids under those;
 * - four levels (Nanjing): a street's grid, the community grid under it, branch grids under
 *   that, party-group grids under those.
 * A community grid without a parent is three-level; one under a street grid is four-level. The
 * lowest level of each shape (MICRO, PARTY_GROUP) is where households live and what is mobilised
 * door to door.
 */
export const GRID_LEVELS = ['COMMUNITY', 'GENERAL', 'MICRO', 'STREET', 'BRANCH', 'PARTY_GROUP'] as const;

export type GridLevel = (typeof GRID_LEVELS)[number];

export const GRID_SHAPES: readonly (readonly GridLevel[])[] = [
  ['COMMUNITY', 'GENERAL', 'MICRO'],
  ['STREET', 'COMMUNITY', 'BRANCH', 'PARTY_GROUP'],
];

/** The lowest level of a shape: households live in its grids, which are mobilised door to door. */
export function isLowestLevel(level: GridLevel): boolean {
  return GRID_SHAPES.some((shape) => shape.at(-1) === level);
}

/** A STREET grid belongs to a street committee; every other grid to a community party committee. */
export function ownerKindOf(level: GridLevel): 'STREET_COMMITTEE' | 'COMMUNITY_PARTY_COMMITTEE' {
  return level === 'STREET' ? 'STREET_COMMITTEE' : 'COMMUNITY_PARTY_COMMITTEE';
}

/** The levels a grid of `level` may sit under, null standing for no parent at all. */
function parentLevelsOf(level: GridLevel): (GridLevel | null)[] {
  return GRID_SHAPES.flatMap((shape) => {
    const depth = shape.indexOf(level);
    if (depth < 0) return [];
    return [depth === 0 ? null : shape[depth - 1]!];
  });
}

function describe(parents: readonly (GridLevel | null)[]): string {
  return parents.map((parent) => (parent === null ? 'no parent grid' : `a ${parent} grid`)).join(' or ');
}

/** A grid of `level` is the top of every shape it belongs to and was given a parent. */
export function topGridWithParent(level: GridLevel): InputViolation {
  return { field: 'parentId', message: `a ${level} grid has no parent grid` };
}

export function gridWithoutParent(level: GridLevel): InputViolation {
  return { field: 'parentId', message: `a ${level} grid must sit under ${describe(parentLevelsOf(level))}` };
}

export function parentGridOfWrongLevel(level: GridLevel, parentLevel: GridLevel): InputViolation {
  return { field: 'parentId', message: `a ${level} grid must sit under ${describe(parentLevelsOf(level))}, not a ${parentLevel} grid` };
}

/** The parent has the right level but its grids work the other shape (a BRANCH grid under a three-level community grid). */
export function parentGridOfOtherShape(level: GridLevel, parentChain: readonly GridLevel[]): InputViolation {
  return { field: 'parentId', message: `a ${level} grid cannot sit under a grid whose levels are ${parentChain.join(' > ')}` };
}

const isPrefixOf = (chain: readonly GridLevel[], shape: readonly GridLevel[]) => chain.length <= shape.length && chain.every((level, depth) => shape[depth] === level);

/**
 * Why a grid of `level` may not sit under a parent whose levels from the top grid down are
 * `parentChain` (null: no parent), or null when it may: the levels from the top down to the new
 * grid must begin one of the shapes.
 */
export function gridPlacementError(level: GridLevel, parentChain: readonly GridLevel[] | null): InputViolation | null {
  const chain = [...(parentChain ?? []), level];
  if (GRID_SHAPES.some((shape) => isPrefixOf(chain, shape))) return null;
  const parents = parentLevelsOf(level);
  if (parentChain === null) return gridWithoutParent(level);
  if (parents.every((parent) => parent === null)) return topGridWithParent(level);
  const parentLevel = parentChain.at(-1)!;
  if (!parents.includes(parentLevel)) return parentGridOfWrongLevel(level, parentLevel);
  return parentGridOfOtherShape(level, parentChain);
}
