import type { HouseholdDocument, HouseholdPairingDocument, MemberPairingDocument, PointsEntryDocument, PointsSpendingDocument, ResidentDocument } from '../models/index.ts';

/** The residents service's sample data, by model name (as its createModels names them). */
export interface ResidentsRecords {
  Resident: ResidentDocument[];
  Household: HouseholdDocument[];
  MemberPairing: MemberPairingDocument[];
  HouseholdPairing: HouseholdPairingDocument[];
  PointsEntry: PointsEntryDocument[];
  /** None: points are spent by residents once the graph runs. */
  PointsSpending: PointsSpendingDocument[];
}
