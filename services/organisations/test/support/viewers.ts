import type { Viewer } from '@civic/identity';
import { resident as residentViewer, staff } from '@civic/test-harness';

/** Callers the organisations tests act as, besides the harness's `staff`. */

/** A district admin without scope: may create a root, and nothing else. */
export const rootCreator: Viewer = staff('DISTRICT_ADMIN', [], 'staff:root-creator');

/** Residents here volunteer too: they sign up for activities. */
export const resident = (residentId: string): Viewer => residentViewer(residentId, ['RESIDENT', 'VOLUNTEER']);

export const service: Viewer = { subject: 'service:wishes', residentId: null, roles: ['SERVICE'], scope: [] };
