import { Schema, type Connection, type Types } from 'mongoose';

/** A household paired with an ordinary party member (1310); see domain/pairing.ts. */
export interface HouseholdPairingDocument {
  _id: Types.ObjectId;
  memberId: Types.ObjectId;
  householdId: Types.ObjectId;
  /** 0..9: the unique (memberId, slot) index caps a member at 10 households. */
  slot: number;
  pairedAt: Date;
  pairedBy: string;
}

/** A household is paired with one member at most. */
export const ONE_PAIRING_PER_HOUSEHOLD = { householdId: 1 } as const;

export const householdPairingSchema = new Schema<HouseholdPairingDocument>(
  {
    memberId: { type: Schema.Types.ObjectId, required: true },
    householdId: { type: Schema.Types.ObjectId, required: true },
    slot: { type: Number, required: true },
    pairedAt: { type: Date, required: true },
    pairedBy: { type: String, required: true },
  },
  { collection: 'householdPairings', versionKey: false },
);

householdPairingSchema.index({ memberId: 1, slot: 1 }, { unique: true });
householdPairingSchema.index(ONE_PAIRING_PER_HOUSEHOLD, { unique: true });

export function householdPairingModel(connection: Connection) {
  return connection.model<HouseholdPairingDocument>('HouseholdPairing', householdPairingSchema);
}
