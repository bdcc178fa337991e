import { subgraphCodegenConfig } from '@civic/service-kit/codegen';

// Each GraphQL type the resolvers receive, mapped to this service's own document or parent type.
const mappers = {
  PersonalDataExport: '@civic/service-kit#PersonalDataExportReference',
  Resource: '../models/resource.ts#ResourceDocument',
  ResourceAvailability: '../models/resource.ts#ResourceDocument',
  ResourcePlace: '../models/resource.ts#ResourcePlaceDocument',
  OpeningHours: '../domain/opening-hours.ts#OpeningWindow',
  Fund: '../models/resource.ts#ResourceDocument',
  ParkingQuota: '../models/resource.ts#ResourceDocument',
  Booking: '../models/booking.ts#BookingDocument',
  Disbursement: '../models/disbursement.ts#DisbursementDocument',
  FundLedgerEntry: '../models/ledger-entry.ts#LedgerEntryDocument',
  ParkingApplication: '../models/parking-application.ts#ParkingApplicationDocument',
  ParkingPrioritySpending: '../models/parking-priority-saga.ts#ParkingPrioritySagaDocument',
  Organisation: '../mappers.ts#OrganisationReference',
  Resident: '../mappers.ts#ResidentReference',
  Wish: '../mappers.ts#WishReference',
  ResourceConnection: '../mappers.ts#ResourceConnectionParent',
  ResourceEdge: '../mappers.ts#ResourceEdgeParent',
  FundLedgerEntryConnection: '../mappers.ts#FundLedgerEntryConnectionParent',
  FundLedgerEntryEdge: '../mappers.ts#FundLedgerEntryEdgeParent',
  FundConnection: '../mappers.ts#FundConnectionParent',
  FundEdge: '../mappers.ts#FundEdgeParent',
  BookingConnection: '../mappers.ts#BookingConnectionParent',
  BookingEdge: '../mappers.ts#BookingEdgeParent',
  DisbursementConnection: '../mappers.ts#DisbursementConnectionParent',
  DisbursementEdge: '../mappers.ts#DisbursementEdgeParent',
  ParkingApplicationConnection: '../mappers.ts#ParkingApplicationConnectionParent',
  ParkingApplicationEdge: '../mappers.ts#ParkingApplicationEdgeParent',
};

// The operations the tests send through the gateway are typed from the supergraph like the service's own.
export default subgraphCodegenConfig(mappers, ['test/**/*.ts']);
