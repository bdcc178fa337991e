import type {
  DataCorrectionRequestDocument,
  HouseholdDocument,
  HouseholdPairingDocument,
  MemberPairingDocument,
  PersonalDataReadDocument,
  PointsEntryDocument,
  PointsRuleChangeDocument,
  PointsSpendingDocument,
  ResidentDocument,
} from '../models/index.ts';

/** The residents service's sample data, by model name (as its createModels names them). */
export interface ResidentsRecords {
  Resident: ResidentDocument[];
  Household: HouseholdDocument[];
  MemberPairing: MemberPairingDocument[];
  HouseholdPairing: HouseholdPairingDocument[];
  PointsEntry: PointsEntryDocument[];
  /** None: sample data runs on the default points rules. */
  PointsRuleChange: PointsRuleChangeDocument[];
  /** None: points are spent by residents once the graph runs. */
  PointsSpending: PointsSpendingDocument[];
  /** None: residents ask for corrections once the graph runs. */
  DataCorrectionRequest: DataCorrectionRequestDocument[];
  /** None: the access log records reads of the running graph. */
  PersonalDataRead: PersonalDataReadDocument[];
}
