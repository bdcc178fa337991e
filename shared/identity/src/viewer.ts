import { STAFF_ROLES, type Role } from './roles.ts';

/** The verified caller of one request, as every subgraph sees it. */
export interface Viewer {
  /** Token subject: a resident id, a service name (`service:wishes`) or null when anonymous. */
  subject: string | null;
  /** The resident this caller is, when the caller is a person. */
  residentId: string | null;
  roles: Role[];
  /** Organisation ids whose subtrees the caller may act in. */
  scope: string[];
}

export const ANONYMOUS: Viewer = Object.freeze({ subject: null, residentId: null, roles: [], scope: [] }) as Viewer;

export function isAnonymous(viewer: Viewer): boolean {
  return viewer.subject === null;
}

export function hasRole(viewer: Viewer, ...roles: Role[]): boolean {
  return viewer.roles.some((role) => roles.includes(role));
}

export function isStaff(viewer: Viewer): boolean {
  return hasRole(viewer, ...STAFF_ROLES);
}

/**
 * The scope check: the viewer holds one of `roles` (any staff role unless narrowed) and their
 * scope names an organisation on `path` (root first, ids or their text), so what sits there lies
 * in a subtree they act in. The one check the services and the gateway's live updates share.
 */
export function staffCovers(viewer: Viewer, path: readonly unknown[], roles: readonly Role[] = STAFF_ROLES): boolean {
  if (!hasRole(viewer, ...roles)) return false;
  const onPath = new Set(path.map(String));
  return viewer.scope.some((organisationId) => onPath.has(organisationId));
}
