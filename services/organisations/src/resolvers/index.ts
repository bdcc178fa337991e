import type { Resolvers } from '../generated/resolvers-types.ts';
import { Organisation } from './organisation.ts';
import { organisationMutations, organisationQueries } from './organisation-operations.ts';
import { Grid } from './grid.ts';
import { gridMutations, gridQueries } from './grid-operations.ts';
import { Partnership } from './partnership.ts';
import { partnershipMutations, partnershipQueries } from './partnership-operations.ts';
import { Agreement } from './agreement.ts';
import { agreementMutations, agreementQueries } from './agreement-operations.ts';
import { Activity, ActivityCheckIn, ActivityParticipantEdge, ActivityPlace } from './activity.ts';
import { activityMutations, activityQueries } from './activity-operations.ts';
import { activitySignUpMutations } from './activity-sign-up-operations.ts';
import { activityAggregateQueries } from './activity-aggregate-operations.ts';
import { Post } from './post.ts';
import { postMutations, postQueries } from './post-operations.ts';
import { Resident } from './resident.ts';
import { PersonalDataExport } from './personal-data-export.ts';
import { HouseholdVisit, Mobilisation } from './mobilisation.ts';
import { mobilisationMutations, mobilisationQueries } from './mobilisation-operations.ts';

export const resolvers: Resolvers = {
  Organisation,
  Grid,
  Partnership,
  Agreement,
  Activity,
  ActivityPlace,
  ActivityCheckIn,
  ActivityParticipantEdge,
  Post,
  Resident,
  Mobilisation,
  HouseholdVisit,
  Query: { ...organisationQueries, ...gridQueries, ...partnershipQueries, ...agreementQueries, ...activityQueries, ...activityAggregateQueries, ...postQueries, ...mobilisationQueries },
  Mutation: {
    ...organisationMutations,
    ...gridMutations,
    ...partnershipMutations,
    ...agreementMutations,
    ...activityMutations,
    ...activitySignUpMutations,
    ...postMutations,
    ...mobilisationMutations,
  },
  PersonalDataExport,
};
