import type { Connection } from 'mongoose';
import { outboxModel } from '@civic/events';
import { wishModel } from './wish.ts';
import { communitySettingsModel } from './community-settings.ts';
import { wishNotificationModel } from './wish-notification.ts';
import { scorecardRollupModel } from './scorecard-rollup.ts';
import { scorecardRollupBuildModel } from './scorecard-rollup-build.ts';

export function createModels(connection: Connection) {
  return {
    Wish: wishModel(connection),
    CommunitySettings: communitySettingsModel(connection),
    WishNotification: wishNotificationModel(connection),
    ScorecardRollup: scorecardRollupModel(connection),
    ScorecardRollupBuild: scorecardRollupBuildModel(connection),
    Outbox: outboxModel(connection),
  };
}

export type Models = ReturnType<typeof createModels>;
