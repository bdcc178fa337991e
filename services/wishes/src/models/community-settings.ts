import { Schema, type Connection, type Types } from 'mongoose';
import { collectionOptions } from './schema-options.ts';

/** A community's own claim windows and auto-confirmation (defaults apply when it has none). */
export interface CommunitySettingsDocument {
  _id: Types.ObjectId;
  communityId: Types.ObjectId;
  gridWindowHours: number;
  communityWindowHours: number;
  autoConfirmDays: number;
  updatedBy: string;
  updatedAt: Date;
}

export const COMMUNITY_SETTINGS_FIELDS = { communityId: 1, gridWindowHours: 1, communityWindowHours: 1, autoConfirmDays: 1 } as const;

const communitySettingsSchema = new Schema<CommunitySettingsDocument>(
  {
    communityId: { type: Schema.Types.ObjectId, required: true },
    gridWindowHours: { type: Number, required: true },
    communityWindowHours: { type: Number, required: true },
    autoConfirmDays: { type: Number, required: true },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  collectionOptions('community_wish_settings'),
);

// One settings document per community: concurrent first writes upsert the same one.
communitySettingsSchema.index({ communityId: 1 }, { unique: true });

export function communitySettingsModel(connection: Connection) {
  return connection.model<CommunitySettingsDocument>('CommunitySettings', communitySettingsSchema);
}
