import { Schema, type Connection, type Types } from 'mongoose';

/** An ordinary party member paired with a core member (1310); see domain/pairing.ts. */
export interface MemberPairingDocument {
  _id: Types.ObjectId;
  coreMemberId: Types.ObjectId;
  memberId: Types.ObjectId;
  /** 0..2: the unique (coreMemberId, slot) index caps a core member at 3 members. */
  slot: number;
  pairedAt: Date;
  pairedBy: string;
}

/** A member is paired with one core member at most. */
export const ONE_PAIRING_PER_MEMBER = { memberId: 1 } as const;

export const memberPairingSchema = new Schema<MemberPairingDocument>(
  {
    coreMemberId: { type: Schema.Types.ObjectId, required: true },
    memberId: { type: Schema.Types.ObjectId, required: true },
    slot: { type: Number, required: true },
    pairedAt: { type: Date, required: true },
    pairedBy: { type: String, required: true },
  },
  { collection: 'memberPairings', versionKey: false },
);

memberPairingSchema.index({ coreMemberId: 1, slot: 1 }, { unique: true });
memberPairingSchema.index(ONE_PAIRING_PER_MEMBER, { unique: true });

export function memberPairingModel(connection: Connection) {
  return connection.model<MemberPairingDocument>('MemberPairing', memberPairingSchema);
}
