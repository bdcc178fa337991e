import type { Connection } from 'mongoose';
import { outboxModel } from '@civic/events';
import { organisationModel } from './organisation.ts';
import { gridModel } from './grid.ts';
import { partnershipModel } from './partnership.ts';
import { agreementModel } from './agreement.ts';
import { activityModel } from './activity.ts';
import { activitySignUpModel } from './activity-sign-up.ts';
import { activityCheckInModel } from './activity-check-in.ts';
import { postModel } from './post.ts';
import { mobilisationModel } from './mobilisation.ts';
import { householdVisitModel } from './household-visit.ts';

export function createModels(connection: Connection) {
  return {
    Organisation: organisationModel(connection),
    Grid: gridModel(connection),
    Partnership: partnershipModel(connection),
    Agreement: agreementModel(connection),
    Activity: activityModel(connection),
    ActivitySignUp: activitySignUpModel(connection),
    ActivityCheckIn: activityCheckInModel(connection),
    Post: postModel(connection),
    Mobilisation: mobilisationModel(connection),
    HouseholdVisit: householdVisitModel(connection),
    Outbox: outboxModel(connection),
  };
}

export type Models = ReturnType<typeof createModels>;
