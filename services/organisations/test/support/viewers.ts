import type { Role, Viewer } from '@civic/identity';

/** Callers the tests act as. */

export function staff(role: Role, scope: string[], subject = `staff:${role.toLowerCase()}`): Viewer {
  return { subject, residentId: null, roles: [role], scope };
}

/** A district admin without scope: may create a root, and nothing else. */
export const rootCreator: Viewer = staff('DISTRICT_ADMIN', [], 'staff:root-creator');

export function resident(residentId: string): Viewer {
  return { subject: `resident:${residentId}`, residentId, roles: ['RESIDENT', 'VOLUNTEER'], scope: [] };
}

export const service: Viewer = { subject: 'service:wishes', residentId: null, roles: ['SERVICE'], scope: [] };
