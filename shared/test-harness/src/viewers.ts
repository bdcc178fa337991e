import type { Role, Viewer } from '@civic/identity';

/** Callers subgraph tests act as, without tokens (the subgraph tester takes the viewer itself). */

export function staff(role: Role, scope: string[], subject = `staff:${role.toLowerCase()}`): Viewer {
  return { subject, residentId: null, roles: [role], scope };
}

export function resident(residentId: string, roles: Role[] = ['RESIDENT']): Viewer {
  return { subject: `resident:${residentId}`, residentId, roles, scope: [] };
}
