import type { Connection, Edge } from '@civic/service-kit';
import type { NotificationDocument } from './models/notification.ts';
import type { ChannelsByKind } from './domain/preferences.ts';
import type { RecipientType } from './domain/vocabulary.ts';

/** What resolvers of types that are not stored documents receive as their parent (codegen mappers). */

/** Another department's entity (Resident, Wish, Meeting, Resource), as this subgraph knows it: only its key. */
export interface EntityReference {
  id: string;
}

/** An Organisation as the gateway hands it over: its key, and its path when @requires asked for it. */
export interface OrganisationReference {
  id: string;
  path?: readonly string[];
}

/** A notification's recipient, a Resident or an Organisation, by key. */
export interface RecipientReference {
  type: RecipientType;
  id: string;
}

/** A page of an inbox, with the inbox's unread count (resolved only when asked). */
export type NotificationConnectionParent = Connection<NotificationDocument> & { unreadCount: () => Promise<number> };
export type NotificationEdgeParent = Edge<NotificationDocument>;

export interface NotificationPreferencesParent {
  recipient: RecipientReference;
  channels: ChannelsByKind | null;
}
