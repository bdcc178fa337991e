import { Schema, type Connection, type Types } from 'mongoose';
import { MOBILISATION_STATUSES, VISIT_OUTCOMES, type MobilisationStatus, type VisitOutcome } from '../domain/mobilisation-rules.ts';
import { collectionOptions } from './schema-options.ts';

/** A household's standing outcome: its latest visit by time of visit (domain/mobilisation-rules.ts). */
export interface StandingDocument {
  householdId: Types.ObjectId;
  outcome: VisitOutcome;
  at: Date;
}

/**
 * A door-to-door mobilisation of one micro-grid. The households to reach are the grid's as the
 * residents department listed them at the start; `standings` holds one entry per household
 * visited, rewritten with the status in one transaction per visit (persistence/mobilisations.ts).
 */
export interface MobilisationDocument {
  _id: Types.ObjectId;
  gridId: Types.ObjectId;
  /** The grid's community party committee, told when the mobilisation falls overdue. */
  communityId: Types.ObjectId;
  /** The community's path (root..community), for scope checks. */
  organisationPath: Types.ObjectId[];
  reason: string;
  startedAt: Date;
  deadline: Date;
  householdIds: Types.ObjectId[];
  standings: StandingDocument[];
  status: MobilisationStatus;
  /** The grid while the mobilisation is active (OPEN, OVERDUE), null after: one active mobilisation per grid. */
  activeGridId: Types.ObjectId | null;
  completedAt: Date | null;
  overdueAt: Date | null;
  closedAt: Date | null;
}

export const MOBILISATION_FIELDS = {
  gridId: 1,
  communityId: 1,
  organisationPath: 1,
  reason: 1,
  startedAt: 1,
  deadline: 1,
  householdIds: 1,
  standings: 1,
  status: 1,
  activeGridId: 1,
  completedAt: 1,
  overdueAt: 1,
  closedAt: 1,
} as const;

/** One active mobilisation per grid: a second start is a CONFLICT. */
export const ONE_ACTIVE_MOBILISATION_PER_GRID = { activeGridId: 1 } as const;

const standingSchema = new Schema<StandingDocument>(
  {
    householdId: { type: Schema.Types.ObjectId, required: true },
    outcome: { type: String, enum: VISIT_OUTCOMES, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const mobilisationSchema = new Schema<MobilisationDocument>(
  {
    gridId: { type: Schema.Types.ObjectId, required: true },
    communityId: { type: Schema.Types.ObjectId, required: true },
    organisationPath: { type: [Schema.Types.ObjectId], required: true },
    reason: { type: String, required: true },
    startedAt: { type: Date, required: true },
    deadline: { type: Date, required: true },
    householdIds: { type: [Schema.Types.ObjectId], required: true },
    standings: { type: [standingSchema], default: [] },
    status: { type: String, enum: MOBILISATION_STATUSES, required: true },
    activeGridId: { type: Schema.Types.ObjectId, default: null },
    completedAt: { type: Date, default: null },
    overdueAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
  },
  collectionOptions('mobilisations'),
);

mobilisationSchema.index(ONE_ACTIVE_MOBILISATION_PER_GRID, { unique: true, partialFilterExpression: { activeGridId: { $type: 'objectId' } } });
// Grid.mobilisations, newest first.
mobilisationSchema.index({ gridId: 1, startedAt: -1, _id: -1 });
// Organisation.mobilisations (a community's), newest first.
mobilisationSchema.index({ communityId: 1, startedAt: -1, _id: -1 });
// The sweep: open ones past their deadline, of one community or all.
mobilisationSchema.index({ status: 1, deadline: 1 });
mobilisationSchema.index({ communityId: 1, status: 1, deadline: 1 });

export function mobilisationModel(connection: Connection) {
  return connection.model<MobilisationDocument>('Mobilisation', mobilisationSchema);
}
