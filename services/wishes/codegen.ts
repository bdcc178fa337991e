import { subgraphCodegenConfig } from '@civic/service-kit/codegen';

// Each GraphQL type the resolvers receive, mapped to this service's own document or parent type.
export default subgraphCodegenConfig({
  PersonalDataExport: '@civic/service-kit#PersonalDataExportReference',
  Wish: '../models/wish.ts#WishDocument',
  WorkOrder: '../models/wish.ts#WorkOrderDocument',
  WishTimelineEntry: '../models/wish.ts#TimelineEntryDocument',
  RoutingRuleApplied: '../models/wish.ts#RoutingDocument',
  WishFeedback: '../models/wish.ts#FeedbackDocument',
  WishOutcome: '../models/wish.ts#OutcomeDocument',
  WishNotification: '../models/wish-notification.ts#WishNotificationDocument',
  WishConnection: '../mappers.ts#WishConnectionParent',
  WishEdge: '../mappers.ts#WishEdgeParent',
  WishNotificationConnection: '../mappers.ts#WishNotificationConnectionParent',
  WishNotificationEdge: '../mappers.ts#WishNotificationEdgeParent',
  Resident: '../mappers.ts#ResidentReference',
  Organisation: '../mappers.ts#OrganisationReference',
  Agreement: '../mappers.ts#AgreementReference',
  Grid: '../mappers.ts#EntityReference',
  HandlingSheet: '../mappers.ts#HandlingSheetParent',
  HandlingSheetGroup: '../mappers.ts#HandlingSheetGroupParent',
  CommunityWishSettings: '../mappers.ts#CommunitySettingsParent',
});
