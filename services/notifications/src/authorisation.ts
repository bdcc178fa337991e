import type { Viewer } from '@civic/identity';
import { requireRole, staffCovers, type OrganisationPath } from '@civic/service-kit';
import type { RecipientType } from './domain/vocabulary.ts';
import { deliverWithoutServiceRole } from './errors.ts';

/**
 * Who may do what in the notifications subgraph.
 *
 * - A resident (viewer.residentId) reads and marks their own inbox and sets their own preferences.
 * - Staff whose scope covers an organisation read and mark its inbox and set its preferences.
 * - Nobody else reads a notification: not other staff, analysts or services, since an inbox says
 *   what happened to its recipient.
 * - Services alone run the delivery job (its timer calls it through the gateway).
 */

/** A recipient as the checks need it: an organisation's path when it is one. */
export interface RecipientAtPath {
  type: RecipientType;
  /** Hex id. */
  id: string;
  /** The organisation's path, root first; empty for a resident. */
  path: OrganisationPath;
}

export function readsInboxOf(viewer: Viewer, recipient: RecipientAtPath): boolean {
  if (recipient.type === 'Resident') return viewer.residentId === recipient.id;
  return staffCovers(viewer, recipient.path);
}

export function requireDeliveryRunner(viewer: Viewer): void {
  requireRole(viewer, deliverWithoutServiceRole, 'SERVICE');
}
