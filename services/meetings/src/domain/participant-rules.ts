import type { InputViolation } from '@civic/service-kit';
import type { ParticipantRole } from './vocabulary.ts';

/** Which invitee may take which role at a meeting. */

/** Roles a person holds in their own name. */
export const RESIDENT_ROLES: readonly ParticipantRole[] = ['RESIDENT_REP', 'PARTY_MEMBER', 'NPC_DEPUTY', 'CPPCC_MEMBER', 'DEPARTMENT_HEAD', 'EXPERT'];

/**
 * Roles an organisation takes, and the organisation kind each needs (null: any kind, for a
 * department or a host sending its head, or a unit sending an expert).
 */
export const ORGANISATION_ROLES: Readonly<Partial<Record<ParticipantRole, string | null>>> = {
  PROPERTY_COMPANY: 'PROPERTY_COMPANY',
  OWNERS_COMMITTEE: 'OWNERS_COMMITTEE',
  DEPARTMENT_HEAD: null,
  EXPERT: null,
};

export function organisationRoleForResident(role: ParticipantRole): InputViolation {
  return { field: 'role', message: `${role} is a role for an organisation, not a resident` };
}

export function residentRoleForOrganisation(role: ParticipantRole): InputViolation {
  return { field: 'role', message: `${role} is a role for a resident, not an organisation` };
}

/** The role needs an organisation of kind `needed`, and the invitee is of another kind. */
export function roleNeedsKind(role: ParticipantRole, needed: string): InputViolation {
  return { field: 'role', message: `${role} needs an organisation of kind ${needed}` };
}

/** Why this invitee cannot take the role (field and message; null when it can); `organisationKind` is null for a resident. */
export function roleError(role: ParticipantRole, organisationKind: string | null): InputViolation | null {
  if (organisationKind === null) return RESIDENT_ROLES.includes(role) ? null : organisationRoleForResident(role);
  const needed = ORGANISATION_ROLES[role];
  if (needed === undefined) return residentRoleForOrganisation(role);
  if (needed !== null && needed !== organisationKind) return roleNeedsKind(role, needed);
  return null;
}
