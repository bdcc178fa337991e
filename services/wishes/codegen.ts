import { subgraphCodegenConfig } from '@civic/service-kit/codegen';

// Each GraphQL type the resolvers receive, mapped to this service's own document or parent type.
export default subgraphCodegenConfig({
  Wish: '../models/wish.ts#WishDocument',
  WorkOrder: '../models/wish.ts#WorkOrderDocument',
  WishTimelineEntry: '../models/wish.ts#TimelineEntryDocument',
  RoutingRuleApplied: '../models/wish.ts#RoutingDocument',
  WishFeedback: '../models/wish.ts#FeedbackDocument',
  WishNotification: '../models/wish-notification.ts#WishNotificationDocument',
  WishConnection: '../connection-types.ts#WishConnectionModel',
  WishEdge: '../connection-types.ts#WishEdgeModel',
  Resident: '../connection-types.ts#EntityReference',
  Organisation: '../connection-types.ts#EntityReference',
  Grid: '../connection-types.ts#EntityReference',
  HandlingSheet: '../connection-types.ts#HandlingSheetModel',
  HandlingSheetGroup: '../connection-types.ts#HandlingSheetGroupModel',
  CommunityWishSettings: '../connection-types.ts#CommunitySettingsModel',
});
