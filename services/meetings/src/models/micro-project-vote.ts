import { Schema, type Connection, type Types } from 'mongoose';
import { collectionOptions } from './schema-options.ts';

/** One resident's vote for one micro-project; the project's votes are counted from these. */
export interface MicroProjectVoteDocument {
  _id: Types.ObjectId;
  microProjectId: Types.ObjectId;
  residentId: Types.ObjectId;
  votedAt: Date;
  /** Set when the voter closed their account: residentId is then a random id of this vote's own. */
  anonymisedAt?: Date;
}

export const MICRO_PROJECT_VOTE_FIELDS = { microProjectId: 1, residentId: 1, votedAt: 1 } as const;

const microProjectVoteSchema = new Schema<MicroProjectVoteDocument>(
  {
    microProjectId: { type: Schema.Types.ObjectId, required: true },
    residentId: { type: Schema.Types.ObjectId, required: true },
    votedAt: { type: Date, required: true },
    anonymisedAt: { type: Date },
  },
  collectionOptions('micro_project_votes'),
);

// One vote per resident and project, whatever arrives at once; also serves the counts.
microProjectVoteSchema.index({ microProjectId: 1, residentId: 1 }, { unique: true });
// Resident.microProjectVotes.
microProjectVoteSchema.index({ residentId: 1, votedAt: -1, _id: -1 });

export function microProjectVoteModel(connection: Connection) {
  return connection.model<MicroProjectVoteDocument>('MicroProjectVote', microProjectVoteSchema);
}
