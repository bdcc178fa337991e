import { subgraphCodegenConfig } from '@civic/service-kit/codegen';

// Each GraphQL type the resolvers receive, mapped to this service's own document or parent type.
export default subgraphCodegenConfig({
  Organisation: '../models/organisation.ts#OrganisationDocument',
  Grid: '../models/grid.ts#GridDocument',
  Partnership: '../models/partnership.ts#PartnershipDocument',
  Agreement: '../models/agreement.ts#AgreementDocument',
  Activity: '../models/activity.ts#ActivityDocument',
  ActivityPlace: '../models/activity.ts#ActivityPlaceDocument',
  ActivityCheckIn: '../models/activity-check-in.ts#ActivityCheckInDocument',
  Post: '../models/post.ts#PostDocument',
  Resident: '../connection-types.ts#ResidentReference',
  OrganisationConnection: '../connection-types.ts#OrganisationConnectionModel',
  OrganisationEdge: '../connection-types.ts#OrganisationEdgeModel',
  GridConnection: '../connection-types.ts#GridConnectionModel',
  GridEdge: '../connection-types.ts#GridEdgeModel',
  ActivityConnection: '../connection-types.ts#ActivityConnectionModel',
  ActivityEdge: '../connection-types.ts#ActivityEdgeModel',
  PostConnection: '../connection-types.ts#PostConnectionModel',
  PostEdge: '../connection-types.ts#PostEdgeModel',
});
