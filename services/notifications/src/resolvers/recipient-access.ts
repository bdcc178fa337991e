import { isStaff } from '@civic/identity';
import { parseId, requireResident, requireSignedIn, requireStaffCovering, unknownId, type Refusal } from '@civic/service-kit';
import type { Context } from '../context.ts';
import type { RecipientDocument } from '../models/recipient.ts';
import type { NotificationDocument } from '../models/notification.ts';
import { fetchOrganisationPaths } from '../graph/organisations.ts';
import { readsInboxOf } from '../authorisation.ts';
import { noPersonalInbox } from '../errors.ts';

/**
 * The inbox an operation acts on: an organisation's, for staff whose scope covers it (else
 * `refusal`), or without `organisationId` the calling resident's own.
 */
export async function recipientActedFor(context: Context, organisationId: string | null | undefined, refusal: Refusal): Promise<RecipientDocument> {
  if (organisationId === null || organisationId === undefined) return { type: 'Resident', id: requireResident(context.viewer, noPersonalInbox) };
  requireSignedIn(context.viewer);
  const id = parseId('organisationId', organisationId);
  const path = (await fetchOrganisationPaths(context.graph, [organisationId])).get(organisationId);
  if (!path) throw unknownId('organisationId', 'organisation');
  requireStaffCovering(context.viewer, path, refusal);
  return { type: 'Organisation', id };
}

/** Whether the viewer reads each notification: their own, or an organisation's they act for (its path asked of the graph once). */
export async function readableByViewer(context: Context, notifications: readonly NotificationDocument[]): Promise<boolean[]> {
  const organisationIds = notifications.filter((notification) => notification.recipient.type === 'Organisation').map((notification) => notification.recipient.id.toHexString());
  // Only staff act for organisations: nobody else needs their paths.
  const paths = organisationIds.length > 0 && isStaff(context.viewer) ? await fetchOrganisationPaths(context.graph, organisationIds) : new Map<string, string[] | null>();
  return notifications.map((notification) => {
    const id = notification.recipient.id.toHexString();
    return readsInboxOf(context.viewer, { type: notification.recipient.type, id, path: paths.get(id) ?? [] });
  });
}
