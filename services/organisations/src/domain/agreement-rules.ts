import { kindMismatch, type OrganisationKind } from './organisation-tree.ts';
import type { InputViolation } from '@civic/service-kit';

/** Rules of tripartite agreements (三方协议): who the three parties are and how fast they must act. */

export type AgreementParty = 'community' | 'ownersCommittee' | 'propertyCompany';

export const AGREEMENT_PARTY_KINDS: Readonly<Record<AgreementParty, OrganisationKind>> = {
  community: 'COMMUNITY_PARTY_COMMITTEE',
  ownersCommittee: 'OWNERS_COMMITTEE',
  propertyCompany: 'PROPERTY_COMPANY',
};

// An answer within a week at the latest; a closure within 90 days at the latest.
export const MAX_RESPONSE_HOURS = 7 * 24;
export const MAX_RESOLUTION_HOURS = 90 * 24;

/** The party's organisation (input field `<party>Id`) is not of the party's kind. */
export function agreementPartyError(party: AgreementParty, kind: OrganisationKind): InputViolation | null {
  const required = AGREEMENT_PARTY_KINDS[party];
  return kind === required ? null : kindMismatch(`${party}Id`, required, kind);
}

export function responseDeadlineOutOfRange(): InputViolation {
  return { field: 'responseDeadlineHours', message: `must be a whole number from 1 to ${MAX_RESPONSE_HOURS}` };
}

/** The resolution deadline runs from the response deadline (`responseHours`) to the longest allowed. */
export function resolutionDeadlineOutOfRange(responseHours: number): InputViolation {
  return { field: 'resolutionDeadlineHours', message: `must be a whole number from responseDeadlineHours (${responseHours}) to ${MAX_RESOLUTION_HOURS}` };
}

/** Why the deadlines cannot be agreed, or null when they can. */
export function deadlineError(responseHours: number, resolutionHours: number): InputViolation | null {
  if (!Number.isInteger(responseHours) || responseHours < 1 || responseHours > MAX_RESPONSE_HOURS) return responseDeadlineOutOfRange();
  if (!Number.isInteger(resolutionHours) || resolutionHours < responseHours || resolutionHours > MAX_RESOLUTION_HOURS) {
    return resolutionDeadlineOutOfRange(responseHours);
  }
  return null;
}
