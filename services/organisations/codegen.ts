import { subgraphCodegenConfig } from '@civic/service-kit/codegen';

// Each GraphQL type the resolvers receive, mapped to this service's own document or parent type.
export default subgraphCodegenConfig({
  PersonalDataExport: '@civic/service-kit#PersonalDataExportReference',
  Organisation: '../models/organisation.ts#OrganisationDocument',
  Grid: '../models/grid.ts#GridDocument',
  Partnership: '../models/partnership.ts#PartnershipDocument',
  Agreement: '../models/agreement.ts#AgreementDocument',
  Activity: '../models/activity.ts#ActivityDocument',
  ActivityPlace: '../models/activity.ts#ActivityPlaceDocument',
  ActivityCheckIn: '../models/activity-check-in.ts#ActivityCheckInDocument',
  Post: '../models/post.ts#PostDocument',
  Resident: '../mappers.ts#ResidentReference',
  OrganisationConnection: '../mappers.ts#OrganisationConnectionParent',
  OrganisationEdge: '../mappers.ts#OrganisationEdgeParent',
  GridConnection: '../mappers.ts#GridConnectionParent',
  GridEdge: '../mappers.ts#GridEdgeParent',
  ActivityConnection: '../mappers.ts#ActivityConnectionParent',
  ActivityEdge: '../mappers.ts#ActivityEdgeParent',
  PostConnection: '../mappers.ts#PostConnectionParent',
  PostEdge: '../mappers.ts#PostEdgeParent',
  PartnershipConnection: '../mappers.ts#PartnershipConnectionParent',
  PartnershipEdge: '../mappers.ts#PartnershipEdgeParent',
  AgreementConnection: '../mappers.ts#AgreementConnectionParent',
  AgreementEdge: '../mappers.ts#AgreementEdgeParent',
});
