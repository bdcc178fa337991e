import { Schema, type Connection } from 'mongoose';
import { collectionOptions } from './schema-options.ts';

/**
 * That the scorecard rollups were built from every wish (at a start, or by the seed), written
 * after the last of them: a build cut short leaves none, and the next start builds them again.
 * `rules` is the version of what a wish adds to its rollups (SCORECARD_ROLLUP_RULES): rollups
 * built by older rules are built again.
 */
export interface ScorecardRollupBuildDocument {
  _id: string;
  builtAt: Date;
  wishes: number;
  rules: number;
}

export const SCORECARD_ROLLUP_BUILD_ID = 'scorecard-rollups';

/** 2: rollups count the requests told overdue. Raise it whenever domain/scorecard-contribution.ts counts anything new. */
export const SCORECARD_ROLLUP_RULES = 2;

const scorecardRollupBuildSchema = new Schema<ScorecardRollupBuildDocument>(
  {
    _id: { type: String, required: true },
    builtAt: { type: Date, required: true },
    wishes: { type: Number, required: true },
    rules: { type: Number, required: true },
  },
  collectionOptions('scorecard_rollup_builds'),
);

export function scorecardRollupBuildModel(connection: Connection) {
  return connection.model<ScorecardRollupBuildDocument>('ScorecardRollupBuild', scorecardRollupBuildSchema);
}
