import type { AgreementDocument } from '../models/agreement.ts';
import type { GridDocument } from '../models/grid.ts';
import type { HouseholdVisitDocument } from '../models/household-visit.ts';
import type { MobilisationDocument } from '../models/mobilisation.ts';
import type { OrganisationDocument } from '../models/organisation.ts';
import type { PartnershipDocument } from '../models/partnership.ts';
import type { PostDocument } from '../models/post.ts';
import type { ActivityRecords } from './activities-seed.ts';

/** The organisations service's sample data, by model name (as its createModels names them). */
export interface OrganisationsRecords {
  Organisation: OrganisationDocument[];
  Grid: GridDocument[];
  Partnership: PartnershipDocument[];
  Agreement: AgreementDocument[];
  Activity: ActivityRecords['activities'];
  ActivitySignUp: ActivityRecords['signUps'];
  ActivityCheckIn: ActivityRecords['checkIns'];
  Post: PostDocument[];
  /** None: grids are mobilised once the graph runs. */
  Mobilisation: MobilisationDocument[];
  /** None: households are visited during a mobilisation. */
  HouseholdVisit: HouseholdVisitDocument[];
}
