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
