import type { InputViolation } from '@civic/service-kit';
import { CLAIMING_ORGANISATION_KINDS, type ClaimantKind, type ClaimLevel } from './vocabulary.ts';

/**
 * Who may claim a published wish (微心愿认领), level by level: first its own micro-grid (the
 * grid's responsible person, its party branch, the party member paired with the household),
 * after the grid window the whole community, after the community window the whole street.
 */

export interface ClaimWindows {
  gridWindowHours: number;
  communityWindowHours: number;
  autoConfirmDays: number;
}

export const DEFAULT_CLAIM_WINDOWS: ClaimWindows = { gridWindowHours: 24, communityWindowHours: 72, autoConfirmDays: 7 };

export const WINDOW_LIMITS = { minHours: 0, maxHours: 24 * 30, minDays: 1, maxDays: 60 } as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function claimLevelAt(openedAt: Date, now: Date, windows: ClaimWindows): ClaimLevel {
  const hoursOpen = (now.getTime() - openedAt.getTime()) / HOUR;
  if (hoursOpen >= windows.communityWindowHours) return 'STREET';
  if (hoursOpen >= windows.gridWindowHours) return 'COMMUNITY';
  return 'GRID';
}

/** The settings' own consistency: the street opens no earlier than the community. */
export function windowsError(windows: ClaimWindows): InputViolation | null {
  return windows.communityWindowHours < windows.gridWindowHours ? communityWindowShorterThanGrid() : null;
}

export function communityWindowShorterThanGrid(): InputViolation {
  return { field: 'communityWindowHours', message: 'must not be shorter than gridWindowHours' };
}

export function autoConfirmAt(completedAt: Date, windows: ClaimWindows): Date {
  return new Date(completedAt.getTime() + windows.autoConfirmDays * DAY);
}

/** What the wish says about who may claim it. */
export interface ClaimTarget {
  /** Who asked for the wish: they never claim it themself. */
  requesterId: string;
  /** The community's path (root..community). */
  organisationPath: readonly string[];
  /** Residents and organisations of the wish's own micro-grid, noted at publication. */
  gridClaimantIds: readonly string[];
}

/** What the graph says about a would-be claimant. */
export interface ClaimantReach {
  id: string;
  /** Organisation ids whose members the claimant counts among: its community and branch paths, its pairings. */
  within: readonly string[];
}

/** A would-be claimant as the graph describes it now (asked afresh on every claim). */
export interface Claimant extends ClaimantReach {
  kind: ClaimantKind;
  /** Stored on the wish: the organisation's path, or the resident's community path. */
  path: string[];
  /**
   * The ids of `within` below the tree's root: a wish whose path holds one of them may be
   * claimable (the root, a district, is on every wish's path and decides nothing).
   */
  nearby: string[];
}

/** The reach of a claimant who counts among the members of every organisation on `paths`. */
export function reachOf(paths: readonly (readonly string[])[]): Pick<Claimant, 'within' | 'nearby'> {
  return { within: [...new Set(paths.flat())], nearby: [...new Set(paths.flatMap((path) => path.slice(1)))] };
}

export function mayClaim(target: Omit<ClaimTarget, 'requesterId'>, claimant: ClaimantReach, level: ClaimLevel): boolean {
  if (target.gridClaimantIds.includes(claimant.id)) return true;
  const communityId = target.organisationPath.at(-1);
  const streetId = target.organisationPath.at(-2);
  if (level !== 'GRID' && communityId !== undefined && claimant.within.includes(communityId)) return true;
  return level === 'STREET' && streetId !== undefined && claimant.within.includes(streetId);
}

/**
 * Why a claim is refused, as the rules see it; `claimRefused` in errors.ts makes it the client's
 * error, so the rules stay free of GraphQL.
 */
export type ClaimRefusal =
  | { reason: 'OWN_WISH' }
  | { reason: 'OUTSIDE_WINDOW'; level: ClaimLevel }
  | { reason: 'WITHOUT_STANDING' }
  | { reason: 'ORGANISATION_KIND'; kind: string };

/** Why `claimant` may not claim the wish at `level`, or null when it may. */
export function claimRefusal(target: ClaimTarget, claimant: ClaimantReach, level: ClaimLevel): ClaimRefusal | null {
  if (claimant.id === target.requesterId) return { reason: 'OWN_WISH' };
  if (!mayClaim(target, claimant, level)) return { reason: 'OUTSIDE_WINDOW', level };
  return null;
}

/** A resident claims as a volunteer with a profile, or as a party member with a membership. */
export function residentStandingRefusal(standing: { volunteerWithProfile: boolean; memberWithMembership: boolean }): ClaimRefusal | null {
  return standing.volunteerWithProfile || standing.memberWithMembership ? null : { reason: 'WITHOUT_STANDING' };
}

/** Organisations of the claiming kinds (party branches, volunteer teams, units...) claim; others do not. */
export function organisationKindRefusal(kind: string): ClaimRefusal | null {
  return CLAIMING_ORGANISATION_KINDS.includes(kind) ? null : { reason: 'ORGANISATION_KIND', kind };
}
