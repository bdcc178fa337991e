import { Schema, type Connection, type Types } from 'mongoose';
import type { ScorecardSide } from '../domain/scorecard-contribution.ts';
import { collectionOptions } from './schema-options.ts';

/** An outcome quantity summed over a rollup's wishes; `count` is how many of them state it. */
export interface RolledUpQuantity {
  item: string;
  unit: string;
  amount: number;
  count: number;
}

/**
 * The scorecard facts of one unit's wishes on one side, created in one China month, kept up to
 * date in the transaction of every change of those wishes (domain/scorecard-contribution.ts).
 * Durations are counts per hundredth of an hour, keyed `h<hundredths>`.
 */
export interface ScorecardRollupDocument {
  _id: Types.ObjectId;
  side: ScorecardSide;
  unitId: Types.ObjectId;
  month: string;
  requests?: number;
  wishes?: number;
  resolved?: number;
  fulfilled?: number;
  open?: number;
  /** Open requests whose handler the deadline sweep told that the standing deadline passed. */
  overdue?: number;
  timed?: number;
  onTime?: number;
  star1?: number;
  star2?: number;
  star3?: number;
  star4?: number;
  star5?: number;
  everCompleted?: number;
  reopened?: number;
  escalations?: number;
  acknowledgeHours?: Record<string, number>;
  resolveHours?: Record<string, number>;
  /** Wishes with an outcome, and the beneficiaries they state. */
  outcomes?: number;
  households?: number;
  persons?: number;
  /** Partner organisation id → how many of the wishes name it. */
  partners?: Record<string, number>;
  quantities?: Record<string, RolledUpQuantity>;
}

const count = { type: Number, default: undefined };

const scorecardRollupSchema = new Schema<ScorecardRollupDocument>(
  {
    side: { type: String, enum: ['HANDLER', 'CLAIMANT', 'AGREEMENT'], required: true },
    unitId: { type: Schema.Types.ObjectId, required: true },
    month: { type: String, required: true },
    requests: count,
    wishes: count,
    resolved: count,
    fulfilled: count,
    open: count,
    overdue: count,
    timed: count,
    onTime: count,
    star1: count,
    star2: count,
    star3: count,
    star4: count,
    star5: count,
    everCompleted: count,
    reopened: count,
    escalations: count,
    acknowledgeHours: { type: Schema.Types.Mixed, default: undefined },
    resolveHours: { type: Schema.Types.Mixed, default: undefined },
    outcomes: count,
    households: count,
    persons: count,
    partners: { type: Schema.Types.Mixed, default: undefined },
    quantities: { type: Schema.Types.Mixed, default: undefined },
  },
  collectionOptions('scorecard_rollups'),
);

// One rollup per unit, side and month; a scorecard reads a unit's months in one range.
scorecardRollupSchema.index({ side: 1, unitId: 1, month: 1 }, { unique: true });

export function scorecardRollupModel(connection: Connection) {
  return connection.model<ScorecardRollupDocument>('ScorecardRollup', scorecardRollupSchema);
}
