import { Schema, type Connection, type Types } from 'mongoose';
import { collectionOptions } from './schema-options.ts';

/** A community's own settings of this department, keyed by the community's id. */
export interface CommunitySettingDocument {
  _id: Types.ObjectId;
  microProjectVoteThreshold: number;
  updatedAt: Date;
}

export const COMMUNITY_SETTING_FIELDS = { microProjectVoteThreshold: 1 } as const;

const communitySettingSchema = new Schema<CommunitySettingDocument>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    microProjectVoteThreshold: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  collectionOptions('community_settings'),
);

export function communitySettingModel(connection: Connection) {
  return connection.model<CommunitySettingDocument>('CommunitySetting', communitySettingSchema);
}
