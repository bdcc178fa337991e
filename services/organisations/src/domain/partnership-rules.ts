import { kindMismatch, type OrganisationKind } from './organisation-tree.ts';
import type { InputViolation } from '@civic/service-kit';

/** Rules of pairings (结对共建) between a community and a co-building unit. */

export const PARTNERSHIP_STATUSES = ['ACTIVE', 'ENDED'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

export const MAX_COMMITMENTS = 20;

/** The side's organisation (input field `<side>Id`) is not of the side's kind. */
export function partnershipSideError(side: 'community' | 'unit', kind: OrganisationKind): InputViolation | null {
  const required: OrganisationKind = side === 'community' ? 'COMMUNITY_PARTY_COMMITTEE' : 'CO_BUILDING_UNIT';
  return kind === required ? null : kindMismatch(`${side}Id`, required, kind);
}
