/** Roles a caller may hold. Staff roles act within the organisation subtrees named in their scope. */
export const ROLES = [
  'RESIDENT',
  'VOLUNTEER',
  'PARTY_MEMBER',
  'GRID_WORKER',
  'COMMUNITY_WORKER',
  'STREET_ADMIN',
  'DISTRICT_ADMIN',
  'ANALYST',
  'SERVICE',
] as const;

export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ['GRID_WORKER', 'COMMUNITY_WORKER', 'STREET_ADMIN', 'DISTRICT_ADMIN'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
