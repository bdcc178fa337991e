import { Schema, type Connection, type Types } from 'mongoose';
import { PARTNERSHIP_STATUSES, type PartnershipStatus } from '../domain/partnership-rules.ts';
import { collectionOptions } from './schema-options.ts';

export interface PartnershipDocument {
  _id: Types.ObjectId;
  communityId: Types.ObjectId;
  unitId: Types.ObjectId;
  /** Both sides, so that Organisation.partnerships finds a pairing from either side. */
  sideIds: Types.ObjectId[];
  commitments: string[];
  since: Date;
  status: PartnershipStatus;
  endedAt: Date | null;
  createdAt: Date;
}

export const PARTNERSHIP_FIELDS = {
  communityId: 1,
  unitId: 1,
  sideIds: 1,
  commitments: 1,
  since: 1,
  status: 1,
  endedAt: 1,
  createdAt: 1,
} as const;

const partnershipSchema = new Schema<PartnershipDocument>(
  {
    communityId: { type: Schema.Types.ObjectId, required: true },
    unitId: { type: Schema.Types.ObjectId, required: true },
    sideIds: { type: [Schema.Types.ObjectId], required: true },
    commitments: { type: [String], required: true },
    since: { type: Date, required: true },
    status: { type: String, enum: PARTNERSHIP_STATUSES, required: true },
    endedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  collectionOptions('partnerships'),
);

// A community and a unit have at most one ACTIVE pairing; ended ones stay beside it as history.
partnershipSchema.index({ communityId: 1, unitId: 1 }, { unique: true, partialFilterExpression: { status: 'ACTIVE' } });
// Organisation.partnerships, newest first.
partnershipSchema.index({ sideIds: 1, since: -1 });

export function partnershipModel(connection: Connection) {
  return connection.model<PartnershipDocument>('Partnership', partnershipSchema);
}
