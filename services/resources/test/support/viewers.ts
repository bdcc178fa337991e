import type { Viewer } from '@civic/identity';

export const analyst: Viewer = { subject: 'analyst:zhou', residentId: null, roles: ['ANALYST'], scope: [] };
