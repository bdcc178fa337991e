import type { Connection, Edge } from '@civic/service-kit';
import type { OrganisationDocument } from './models/organisation.ts';
import type { GridDocument } from './models/grid.ts';
import type { ActivityDocument } from './models/activity.ts';
import type { PostDocument } from './models/post.ts';

/** What the connection resolvers return (codegen maps the GraphQL connection types to these). */
export type OrganisationConnectionModel = Connection<OrganisationDocument>;
export type OrganisationEdgeModel = Edge<OrganisationDocument>;
export type GridConnectionModel = Connection<GridDocument>;
export type GridEdgeModel = Edge<GridDocument>;
export type ActivityConnectionModel = Connection<ActivityDocument>;
export type ActivityEdgeModel = Edge<ActivityDocument>;
export type PostConnectionModel = Connection<PostDocument>;
export type PostEdgeModel = Edge<PostDocument>;

/** A Resident as this subgraph knows it: only its key. */
export interface ResidentReference {
  id: string;
}
