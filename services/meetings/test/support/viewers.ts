import type { Role, Viewer } from '@civic/identity';

/** Callers the tests act as. */

export function staff(role: Role, scope: string[], subject = `staff:${role.toLowerCase()}`): Viewer {
  return { subject, residentId: null, roles: [role], scope };
}

export function resident(residentId: string): Viewer {
  return { subject: `resident:${residentId}`, residentId, roles: ['RESIDENT'], scope: [] };
}
