import type { OrganisationKind } from './organisation-tree.ts';

/** Rules of pairings (结对共建) between a community and a co-building unit. */

export const PARTNERSHIP_STATUSES = ['ACTIVE', 'ENDED'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

export const MAX_COMMITMENTS = 20;

export function partnershipSideError(side: 'community' | 'unit', kind: OrganisationKind): string | null {
  const required: OrganisationKind = side === 'community' ? 'COMMUNITY_PARTY_COMMITTEE' : 'CO_BUILDING_UNIT';
  return kind === required ? null : `must be a ${required}, not a ${kind}`;
}
