import { Schema, type Connection, type Types } from 'mongoose';
import { MICRO_PROJECT_STATUSES, type MicroProjectStatus } from '../domain/vocabulary.ts';
import { collectionOptions } from './schema-options.ts';

export interface MicroProjectDocument {
  _id: Types.ObjectId;
  communityId: Types.ObjectId;
  /** The community's path, copied at proposal: its staff manage the project. */
  communityPath: Types.ObjectId[];
  title: string;
  description: string;
  /** In fen. */
  estimatedCost: number;
  actualCost: number | null;
  votingOpensAt: Date;
  votingClosesAt: Date;
  status: MicroProjectStatus;
  /**
   * Votes counted while the project was PROPOSED: each vote `$inc`s it under the same filter
   * (PROPOSED, window open) the close moves the project by, so the close decides by an exact count.
   */
  voteCount: number;
  reviewMeetingId: Types.ObjectId | null;
  createdAt: Date;
}

export const MICRO_PROJECT_FIELDS = {
  communityId: 1,
  communityPath: 1,
  title: 1,
  description: 1,
  estimatedCost: 1,
  actualCost: 1,
  votingOpensAt: 1,
  votingClosesAt: 1,
  status: 1,
  voteCount: 1,
  reviewMeetingId: 1,
  createdAt: 1,
} as const;

const microProjectSchema = new Schema<MicroProjectDocument>(
  {
    communityId: { type: Schema.Types.ObjectId, required: true },
    communityPath: { type: [Schema.Types.ObjectId], required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    estimatedCost: { type: Number, required: true },
    actualCost: { type: Number, default: null },
    votingOpensAt: { type: Date, required: true },
    votingClosesAt: { type: Date, required: true },
    status: { type: String, enum: MICRO_PROJECT_STATUSES, required: true },
    voteCount: { type: Number, required: true },
    reviewMeetingId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
  },
  collectionOptions('micro_projects'),
);

// The projects a close of voting takes, and those it finds still under review.
microProjectSchema.index({ communityId: 1, status: 1, createdAt: 1 });
// Organisation.microProjects(status, first): most votes first.
microProjectSchema.index({ communityId: 1, voteCount: -1, _id: 1 });
microProjectSchema.index({ communityId: 1, status: 1, voteCount: -1, _id: 1 });
// Whether a review meeting a close made is in use.
microProjectSchema.index({ reviewMeetingId: 1 });

export function microProjectModel(connection: Connection) {
  return connection.model<MicroProjectDocument>('MicroProject', microProjectSchema);
}
