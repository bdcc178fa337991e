import type { Types } from 'mongoose';
import type { InputViolation } from '@civic/service-kit';

/** The kinds of organisation (as the contract names them) and where each may sit in the tree. */
export const ORGANISATION_KINDS = [
  'DISTRICT_COMMITTEE',
  'STREET_COMMITTEE',
  'COMMUNITY_PARTY_COMMITTEE',
  'PARTY_BRANCH',
  'PARTY_GROUP',
  'RESIDENTS_COMMITTEE',
  'SERVICE_CENTRE',
  'GOVERNMENT_DEPARTMENT',
  'CO_BUILDING_UNIT',
  'SOCIAL_ORGANISATION',
  'PROPERTY_COMPANY',
  'OWNERS_COMMITTEE',
  'VOLUNTEER_TEAM',
  'MERCHANT',
] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

const STREET_OR_COMMUNITY: readonly OrganisationKind[] = ['STREET_COMMITTEE', 'COMMUNITY_PARTY_COMMITTEE'];

/**
 * The kinds each kind may sit under; an empty list marks a root. The party line runs
 * district → street → community → branch → group; the residents' committee belongs to one
 * community; service centres, departments and partners sit under a street or a community.
 */
export const ALLOWED_PARENT_KINDS: Readonly<Record<OrganisationKind, readonly OrganisationKind[]>> = {
  DISTRICT_COMMITTEE: [],
  STREET_COMMITTEE: ['DISTRICT_COMMITTEE'],
  COMMUNITY_PARTY_COMMITTEE: ['STREET_COMMITTEE'],
  PARTY_BRANCH: STREET_OR_COMMUNITY,
  PARTY_GROUP: ['PARTY_BRANCH'],
  RESIDENTS_COMMITTEE: ['COMMUNITY_PARTY_COMMITTEE'],
  SERVICE_CENTRE: STREET_OR_COMMUNITY,
  GOVERNMENT_DEPARTMENT: STREET_OR_COMMUNITY,
  CO_BUILDING_UNIT: STREET_OR_COMMUNITY,
  SOCIAL_ORGANISATION: STREET_OR_COMMUNITY,
  PROPERTY_COMPANY: STREET_OR_COMMUNITY,
  OWNERS_COMMITTEE: STREET_OR_COMMUNITY,
  VOLUNTEER_TEAM: STREET_OR_COMMUNITY,
  MERCHANT: STREET_OR_COMMUNITY,
};

export function rootWithParent(kind: OrganisationKind): InputViolation {
  return { field: 'parentId', message: `a ${kind} is the root of a tree and has no parent` };
}

export function organisationWithoutParent(kind: OrganisationKind): InputViolation {
  return { field: 'parentId', message: `a ${kind} must sit under one of ${ALLOWED_PARENT_KINDS[kind].join(', ')}` };
}

export function parentOfWrongKind(kind: OrganisationKind, parentKind: OrganisationKind): InputViolation {
  return { field: 'parentId', message: `a ${kind} cannot sit under a ${parentKind}; allowed: ${ALLOWED_PARENT_KINDS[kind].join(', ')}` };
}

/** Why an organisation of `kind` may not sit under a parent of `parentKind` (null: no parent), or null when it may. */
export function placementError(kind: OrganisationKind, parentKind: OrganisationKind | null): InputViolation | null {
  const allowed = ALLOWED_PARENT_KINDS[kind];
  if (allowed.length === 0) return parentKind === null ? null : rootWithParent(kind);
  if (parentKind === null) return organisationWithoutParent(kind);
  if (!allowed.includes(parentKind)) return parentOfWrongKind(kind, parentKind);
  return null;
}

/** The organisation named in `field` is of `kind` where the field needs a `required`. */
export function kindMismatch(field: string, required: OrganisationKind, kind: OrganisationKind): InputViolation {
  return { field, message: `must be a ${required}, not a ${kind}` };
}

export interface TreePosition {
  /** Root first, ending with the parent. */
  ancestorIds: Types.ObjectId[];
  /** `ancestorIds` followed by the node's own id: `{ path: x }` selects x's whole subtree. */
  path: Types.ObjectId[];
}

/** Where a new node sits: below `parentPath` (null for a root). */
export function positionUnder(parentPath: readonly Types.ObjectId[] | null, id: Types.ObjectId): TreePosition {
  const ancestorIds = parentPath ? [...parentPath] : [];
  return { ancestorIds, path: [...ancestorIds, id] };
}

/** Whether the node with `path` lies in the subtree rooted at `rootId` (the root included). */
export function isWithin(path: readonly Types.ObjectId[], rootId: Types.ObjectId): boolean {
  return path.some((id) => id.equals(rootId));
}
