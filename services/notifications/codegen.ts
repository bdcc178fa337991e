import { subgraphCodegenConfig } from '@civic/service-kit/codegen';

// Each GraphQL type the resolvers receive, mapped to this service's own document or parent type.
export default subgraphCodegenConfig({
  PersonalDataExport: '@civic/service-kit#PersonalDataExportReference',
  Notification: '../models/notification.ts#NotificationDocument',
  NotificationDelivery: '../models/notification-delivery.ts#DeliveryDocument',
  NotificationConnection: '../mappers.ts#NotificationConnectionParent',
  NotificationEdge: '../mappers.ts#NotificationEdgeParent',
  NotificationPreferences: '../mappers.ts#NotificationPreferencesParent',
  NotificationRecipient: '../mappers.ts#RecipientReference',
  Organisation: '../mappers.ts#OrganisationReference',
  Resident: '../mappers.ts#EntityReference',
  Wish: '../mappers.ts#EntityReference',
  Meeting: '../mappers.ts#EntityReference',
  Resource: '../mappers.ts#EntityReference',
});
