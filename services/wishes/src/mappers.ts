import type { Connection, Edge } from '@civic/service-kit';
import type { WishDocument } from './models/wish.ts';
import type { WishNotificationDocument } from './models/wish-notification.ts';

/** What the connection resolvers return (codegen maps the GraphQL connection types to these). */
export type WishConnectionParent = Connection<WishDocument>;
export type WishEdgeParent = Edge<WishDocument>;
export type WishNotificationConnectionParent = Connection<WishNotificationDocument>;
export type WishNotificationEdgeParent = Edge<WishNotificationDocument>;

/** An entity of another subgraph as this one knows it: only its key. */
export interface EntityReference {
  /** Set where a union (WishClaimant) must tell a Resident from an Organisation. */
  __typename?: 'Resident' | 'Organisation' | 'Grid';
  id: string;
}

/** An Organisation: its key, and its path when a field @requires it. */
export interface OrganisationReference extends EntityReference {
  path?: string[];
}

/** An Agreement of the organisations department: its key, and its parties' paths when a field @requires them. */
export interface AgreementReference {
  id: string;
  community?: { path?: string[] };
  propertyCompany?: { path?: string[] };
}

/** A Resident: its key, and where it lives when a field @requires it. */
export interface ResidentReference extends EntityReference {
  organisationPath?: string[];
}

export interface HandlingSheetParent {
  weekStart: Date;
  weekEnd: Date;
  groups: HandlingSheetGroupParent[];
}

export interface HandlingSheetGroupParent {
  handler: EntityReference;
  rows: { wish: WishDocument; ageHours: number; resolveDeadline: Date | null; overdue: boolean }[];
}

export interface CommunitySettingsParent {
  communityId: string;
  gridWindowHours: number;
  communityWindowHours: number;
  autoConfirmDays: number;
}
