import type { GridDocument } from '../models/grid.ts';
import { gridPlacementError, type GridLevel } from '../domain/grid-tree.ts';
import { addDays, fixedDateBetween, type GridOpener, type GridReference, type GridResponsible, type ObjectIdSource, type Random } from '@civic/seed-kit';
import type { CommunityOrganisations, StreetOrganisations } from './organisations-seed.ts';

/** A community's grids, opened one by one as the residents seed lays out its households. */
export interface CommunityGrids {
  open: GridOpener;
  /** Community grid, general (or branch) grids, micro- (or party-group) grids: parents before children. */
  grids: GridDocument[];
}

/**
 * Whether the community at `communityIndex` of its street works Nanjing's four levels under its
 * street's grid (street, community, branch, party group) rather than Chengdu's three (community,
 * general grid, micro-grid). Jianye's streets lead four-level grids, and Chengdu's micro-grids are
 * the standard for door-to-door mobilisation: every street of the sample data works both, every
 * second community (the second, fourth...) four levels, so the first community of each street
 * keeps its micro-grids.
 */
export function worksFourLevelGrid(communityIndex: number): boolean {
  return communityIndex % 2 === 1;
}

/**
 * The street's own grid (a STREET grid of its street committee) that four-level community grids
 * sit under, opened with the street so that it is older than every grid under it.
 */
export function streetGrid(street: StreetOrganisations, ids: ObjectIdSource): GridDocument {
  const problem = gridPlacementError('STREET', null);
  if (problem) throw new Error(`seed: grid of ${street.name}: ${problem.message}`);
  return {
    _id: ids.next(),
    name: `${street.name}网格`,
    level: 'STREET',
    communityId: street.street._id,
    organisationPath: street.street.path,
    parentId: null,
    ancestorIds: [],
    responsiblePersonId: null,
    partyBranchId: null,
    createdAt: street.street.createdAt,
  };
}

/**
 * Opens grids of the community as createGrid would place them, each dated after the community was
 * set up; under `streetGridAbove` when the community works four levels.
 */
export function communityGrids(community: CommunityOrganisations, random: Random, ids: ObjectIdSource, streetGridAbove: GridDocument | null): CommunityGrids {
  const grids: GridDocument[] = [];
  // The references handed out are the documents themselves.
  const opened = new Map<GridReference, GridDocument>(streetGridAbove ? [[streetGridAbove, streetGridAbove]] : []);
  const levelOf = new Map<string, GridLevel>(streetGridAbove ? [[streetGridAbove._id.toHexString(), streetGridAbove.level]] : []);
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
