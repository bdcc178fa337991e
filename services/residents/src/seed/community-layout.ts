import type { HouseholdDocument } from '../models/index.ts';
import { normaliseHouseholdAddress } from '../domain/household-address.ts';
import { checkGridSize, MICRO_GRID_MAX_HOUSEHOLDS, MICRO_GRID_MIN_HOUSEHOLDS } from '../domain/grid-size.ts';
import {
  addDays,
  chinaTime,
  fixedDateBetween,
  ORDINALS,
  REFERENCE_DATE,
  type CommunityOrganisations,
  type GridOpener,
  type GridReference,
  type ObjectIdSource,
  type Random,
  type Range,
} from '@civic/seed-kit';

/** A micro-grid is sized for about this many households before jitter. */
const TYPICAL_MICRO_GRID = 45;
// Jitter keeps sizes this far inside the 30..100 standard.
const SIZE_MARGIN = 5;
const VACANT_FLAT_RATE = 0.1;

/** A grid of the lowest level (a micro-grid, or a party group's grid), where households live. */
export interface HouseholdGrid {
  grid: GridReference;
  /** The grid above it: a general grid, or a branch's grid. */
  above: GridReference;
  households: HouseholdDocument[];
}

/**
 * How a community is divided: one community grid, the middle level (general grids, or in four
 * levels one grid per party branch), the lowest (micro-grids, or party groups' grids), and the
 * households in those.
 */
export interface CommunityLayout {
  communityGrid: GridReference;
  middleGrids: GridReference[];
  householdGrids: HouseholdGrid[];
  households: HouseholdDocument[];
}

/**
 * Divides a community into general grids and micro-grids of 30 to 100 households each, or, under
 * its street's grid (`streetGrid`, Nanjing's four levels), into a grid per party branch and party
 * groups' grids of 30 to 100 households each, and lays out the households flat by flat; the
 * organisations seed opens each grid (`openGrid`), drawing from the same stream in the same order
 * as the households.
 */
export function layOutCommunity(
  community: CommunityOrganisations,
  generalGridsPerCommunity: Range,
  streetGrid: GridReference | null,
  openGrid: GridOpener,
  random: Random,
  ids: ObjectIdSource,
): CommunityLayout {
  const communityGrid = openGrid('COMMUNITY', `${community.name}网格`, streetGrid, null);
  const branches = community.branches;
  const middleCount = streetGrid ? branches.length : random.within(generalGridsPerCommunity);
  const sizes = microGridSizes(random, community.households, middleCount);
  const middleGrids: GridReference[] = [];
  const householdGrids: HouseholdGrid[] = [];
  const addresses = new AddressBook(random, community.compounds);
  for (let middleIndex = 0; middleIndex < middleCount; middleIndex++) {
    // Micro-grids are dealt to general grids in order, so each general grid has at least one.
    const mine = sizes.map((size, index) => ({ size, index })).filter(({ index }) => Math.floor((index * middleCount) / sizes.length) === middleIndex);
    const firstBranch = branches[mine[0]!.index % branches.length]!;
    const middle = streetGrid
      ? openGrid('BRANCH', `${branches[middleIndex]!.name}网格`, communityGrid, branches[middleIndex]!._id)
      : openGrid('GENERAL', `${community.name}第${ORDINALS[middleIndex]}网格`, communityGrid, firstBranch._id);
    middleGrids.push(middle);
    mine.forEach(({ size, index }, position) => {
      // A party group's grid is led by its branch; a micro-grid's branch is dealt in turn.
      const grid = streetGrid
        ? openGrid('PARTY_GROUP', `${branches[middleIndex]!.name}第${ORDINALS[position]}党小组网格`, middle, middle.partyBranchId)
        : openGrid('MICRO', `${middle.name}第${ORDINALS[position]}微网格`, middle, branches[index % branches.length]!._id);
      const compound = community.compounds[Math.floor((index * community.compounds.length) / sizes.length)]!;
      const households = Array.from({ length: size }, () => addresses.nextHousehold(compound, grid, ids));
      householdGrids.push({ grid, above: middle, households });
    });
  }
  for (const { grid, households } of householdGrids) {
    const check = checkGridSize(grid.level, households.length);
    if (!check.withinStandard) throw new Error(`seed: ${grid.name}: ${check.message}`);
  }
  return { communityGrid, middleGrids, householdGrids, households: householdGrids.flatMap(({ households }) => households) };
}

/** Household counts per micro-grid: as even as the standard allows, then jittered within it. */
function microGridSizes(random: Random, households: number, generalCount: number): number[] {
  const count = Math.max(generalCount, Math.ceil(households / TYPICAL_MICRO_GRID));
  const sizes = Array.from({ length: count }, (_, index) => Math.floor(households / count) + (index < households % count ? 1 : 0));
  const low = MICRO_GRID_MIN_HOUSEHOLDS + SIZE_MARGIN;
  const high = MICRO_GRID_MAX_HOUSEHOLDS - SIZE_MARGIN;
  for (let index = 0; index + 1 < count; index++) {
    const shift = random.int(-20, 20);
    if (sizes[index]! + shift >= low && sizes[index]! + shift <= high && sizes[index + 1]! - shift >= low && sizes[index + 1]! - shift <= high) {
      sizes[index]! += shift;
      sizes[index + 1]! -= shift;
    }
  }
  return sizes;
}

interface Building {
  number: number;
  units: number;
  floors: number;
  flatsPerFloor: number;
}

/** Walks each compound's buildings flat by flat (楼栋/单元/室), leaving some flats empty. */
class AddressBook {
  private readonly cursors = new Map<string, { building: Building; unit: number; floor: number; flat: number }>();

  constructor(
    private readonly random: Random,
    compounds: readonly string[],
  ) {
    for (const compound of compounds) this.cursors.set(compound, { building: this.building(1), unit: 1, floor: 1, flat: 0 });
  }

  nextHousehold(compound: string, grid: GridReference, ids: ObjectIdSource): HouseholdDocument {
    const cursor = this.cursors.get(compound)!;
    do this.advance(cursor);
    while (this.random.chance(VACANT_FLAT_RATE));
    const address = {
      building: `${compound}${cursor.building.number}栋`,
      unit: `${cursor.unit}单元`,
      room: `${cursor.floor}${String(cursor.flat).padStart(2, '0')}室`,
    };
    const normalised = normaliseHouseholdAddress(address);
    if (JSON.stringify(normalised) !== JSON.stringify(address)) throw new Error(`seed: address ${JSON.stringify(address)} is not in canonical form`);
    return {
      _id: ids.next(),
      ...address,
      gridId: grid._id,
      communityId: grid.communityId,
      organisationPath: grid.organisationPath,
      createdAt: fixedDateBetween(this.random, chinaTime(2021, 1, 1), addDays(REFERENCE_DATE, -60)),
    };
  }

  private advance(cursor: { building: Building; unit: number; floor: number; flat: number }): void {
    cursor.flat++;
    if (cursor.flat <= cursor.building.flatsPerFloor) return;
    cursor.flat = 1;
    cursor.floor++;
    if (cursor.floor <= cursor.building.floors) return;
    cursor.floor = 1;
    cursor.unit++;
    if (cursor.unit <= cursor.building.units) return;
    cursor.unit = 1;
    cursor.building = this.building(cursor.building.number + 1);
  }

  /** Six-storey walk-ups, mid-rise and high-rise blocks, as a Nanjing compound mixes them. */
  private building(number: number): Building {
    const shape = this.random.weighted([
      [{ floors: 6, units: this.random.int(2, 3), flatsPerFloor: 2 }, 4],
      [{ floors: this.random.int(11, 18), units: this.random.int(1, 2), flatsPerFloor: 2 }, 4],
      [{ floors: this.random.int(24, 32), units: 1, flatsPerFloor: 4 }, 2],
    ] as const);
    return { number, ...shape };
  }
}
