import type { GridDocument } from '../models/grid.ts';
import { gridPlacementError, type GridLevel } from '../domain/grid-tree.ts';
import { addDays, fixedDateBetween, type GridOpener, type GridReference, type GridResponsible, type ObjectIdSource, type Random } from '@civic/seed-kit';
import type { CommunityOrganisations } from './organisations-seed.ts';

/** A community's grids, opened one by one as the residents seed lays out its households. */
export interface CommunityGrids {
  open: GridOpener;
  /** Community grid, general grids, micro-grids: parents before children. */
  grids: GridDocument[];
}

/** Opens grids of the community as createGrid would place them, each dated after the community was set up. */
export function communityGrids(community: CommunityOrganisations, random: Random, ids: ObjectIdSource): CommunityGrids {
  const grids: GridDocument[] = [];
  // The references handed out are the documents themselves.
  const opened = new Map<GridReference, GridDocument>();
  const levelOf = new Map<string, GridLevel>();
  const open: GridOpener = (level, name, parentReference, partyBranchId) => {
    const parent = parentReference ? opened.get(parentReference)! : null;
    const parentChain = parent ? [...parent.ancestorIds.map((id) => levelOf.get(id.toHexString())!), parent.level] : null;
    const problem = gridPlacementError(level, parentChain);
    if (problem) throw new Error(`seed: grid ${name}: ${problem}`);
    const grid: GridDocument = {
      _id: ids.next(),
      name,
      level,
      communityId: community.community._id,
      organisationPath: community.community.path,
      parentId: parent?._id ?? null,
      ancestorIds: parent ? [...parent.ancestorIds, parent._id] : [],
      responsiblePersonId: null,
      partyBranchId,
      createdAt: fixedDateBetween(random, community.community.createdAt, addDays(community.community.createdAt, 300)),
    };
    grids.push(grid);
    opened.set(grid, grid);
    levelOf.set(grid._id.toHexString(), level);
    return grid;
  };
  return { open, grids };
}

/** Records each grid's responsible resident (网格长) as the residents seed chose them. */
export function appointGridResponsibles(grids: readonly GridDocument[], responsibles: readonly GridResponsible[]): void {
  const byId = new Map(grids.map((grid) => [grid._id.toHexString(), grid]));
  for (const { gridId, residentId } of responsibles) byId.get(gridId.toHexString())!.responsiblePersonId = residentId;
}
