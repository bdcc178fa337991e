import type { Types } from 'mongoose';
import type { OrganisationKind } from './organisation-tree.ts';

/** Rules of pairings (结对共建) between a community and a co-building unit. */

export const PARTNERSHIP_STATUSES = ['ACTIVE', 'ENDED'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

export const MAX_COMMITMENTS = 20;

export function partnershipSideError(side: 'community' | 'unit', kind: OrganisationKind): string | null {
  const required: OrganisationKind = side === 'community' ? 'COMMUNITY_PARTY_COMMITTEE' : 'CO_BUILDING_UNIT';
  return kind === required ? null : `must be a ${required}, not a ${kind}`;
}

/**
 * The value of the uniquely indexed `pairKey`: the same for every ACTIVE pairing of one pair, so
 * the index refuses a second one; an ENDED pairing takes its own id, so ended ones never collide.
 * (Partial indexes would say this more directly, but FerretDB does not support them.)
 */
export function activePairKey(communityId: Types.ObjectId, unitId: Types.ObjectId): string {
  return `${communityId.toHexString()}:${unitId.toHexString()}`;
}

export function endedPairKey(partnershipId: Types.ObjectId): string {
  return `ended:${partnershipId.toHexString()}`;
}
