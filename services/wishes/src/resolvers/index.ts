import type { Resolvers } from '../generated/resolvers-types.ts';
import { Wish, WishClaimant, WishTimelineEntry, WorkOrder } from './wish.ts';
import { WishOutcome } from './outcome.ts';
import { wishQueries } from './wish-operations.ts';
import { wishLifecycleMutations } from './wish-lifecycle-operations.ts';
import { wishClaimMutations } from './wish-claim-operations.ts';
import { wishWorkMutations } from './wish-work-operations.ts';
import { reportQueries } from './report-operations.ts';
import { settingsMutations, settingsQueries } from './settings-operations.ts';
import { Grid, Organisation, Resident } from './entities.ts';
import { CommunityWishSettings, WishNotification } from './notification.ts';
import { PersonalDataExport } from './personal-data-export.ts';
import { Agreement, Organisation as OrganisationScorecard, Resident as ResidentScorecard, scorecardQueries } from './scorecards.ts';

export const resolvers: Resolvers = {
  Wish,
  WishClaimant,
  WishTimelineEntry,
  WorkOrder,
  WishOutcome,
  WishNotification,
  CommunityWishSettings,
  Resident: { ...Resident, ...ResidentScorecard },
  Organisation: { ...Organisation, ...OrganisationScorecard },
  Agreement,
  Grid,
  Query: { ...wishQueries, ...reportQueries, ...scorecardQueries, ...settingsQueries },
  Mutation: { ...wishLifecycleMutations, ...wishClaimMutations, ...wishWorkMutations, ...settingsMutations },
  PersonalDataExport,
};
