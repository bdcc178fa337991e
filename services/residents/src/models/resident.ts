import { Schema, type Connection, type Types } from 'mongoose';
import {
  GENDERS,
  PARTY_MEMBERSHIP_KINDS,
  ACCOUNT_CLOSURE_REASONS,
  REAL_NAME_STATUSES,
  RESIDENT_STATUSES,
  SPECIAL_CARE_TAGS,
  type AccountClosureReason,
  type Gender,
  type PartyMembershipKind,
  type RealNameStatus,
  type ResidentStatus,
  type SpecialCareTag,
} from '../domain/vocabulary.ts';
import type { PiiCipher } from '../persistence/pii-cipher.ts';
import { RESIDENT_SEALED_FIELDS, sealFieldsAtRest } from '../persistence/sealed-fields.ts';

export interface PartyMembershipDocument {
  branchId: Types.ObjectId;
  kind: PartyMembershipKind;
  since: Date;
  core: boolean;
}

export interface VolunteerProfileDocument {
  skills: string[];
  teamIds: Types.ObjectId[];
  since: Date;
}

export interface ResidentDocument {
  _id: Types.ObjectId;
  name: string;
  gender: Gender | null;
  birthYear: number | null;
  /** Plain as the model answers it; stored sealed, with `phoneHash` beside it (persistence/sealed-fields.ts). */
  phone: string | null;
  /** Absent when unknown; stored sealed, with `idNumberHash` beside it, whose sparse unique index admits many residents without one. */
  idNumber?: string;
  /** The keyed hashes of the stored numbers, for exact lookups; absent with the number. */
  phoneHash?: string;
  idNumberHash?: string;
  verificationStatus: RealNameStatus;
  specialCare: SpecialCareTag[];
  /** Null once the account is closed: the closed record belongs to no household. */
  householdId: Types.ObjectId | null;
  /** Copied from the household, for filters and scope checks without a second read. */
  gridId: Types.ObjectId;
  communityId: Types.ObjectId;
  organisationPath: Types.ObjectId[];
  /** Absent when the resident is not a party member / not a volunteer. */
  partyMembership?: PartyMembershipDocument;
  volunteerProfile?: VolunteerProfileDocument;
  /** Absent on records written before accounts could close: read as ACTIVE. */
  status?: ResidentStatus;
  closedAt?: Date | null;
  closureReason?: AccountClosureReason | null;
  createdAt: Date;
  updatedAt: Date;
}

const partyMembershipSchema = new Schema<PartyMembershipDocument>(
  {
    branchId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: PARTY_MEMBERSHIP_KINDS, required: true },
    since: { type: Date, required: true },
    core: { type: Boolean, required: true },
  },
  { _id: false },
);

const volunteerProfileSchema = new Schema<VolunteerProfileDocument>(
  {
    skills: { type: [String], required: true },
    teamIds: { type: [Schema.Types.ObjectId], required: true },
    since: { type: Date, required: true },
  },
  { _id: false },
);

export const residentSchema = new Schema<ResidentDocument>(
  {
    name: { type: String, required: true },
    gender: { type: String, enum: [...GENDERS, null], default: null },
    birthYear: { type: Number, default: null },
    // Sealed values (persistence/pii-cipher.ts); the model's middleware seals and opens them.
    phone: { type: Schema.Types.Mixed, default: null },
    idNumber: { type: Schema.Types.Mixed },
    phoneHash: { type: String },
    idNumberHash: { type: String },
    verificationStatus: { type: String, enum: REAL_NAME_STATUSES, required: true, default: 'UNVERIFIED' },
    specialCare: { type: [String], enum: SPECIAL_CARE_TAGS, default: [] },
    householdId: { type: Schema.Types.ObjectId, default: null },
    gridId: { type: Schema.Types.ObjectId, required: true },
    communityId: { type: Schema.Types.ObjectId, required: true },
    organisationPath: { type: [Schema.Types.ObjectId], required: true },
    partyMembership: { type: partyMembershipSchema, required: false },
    volunteerProfile: { type: volunteerProfileSchema, required: false },
    status: { type: String, enum: RESIDENT_STATUSES, default: 'ACTIVE' },
    closedAt: { type: Date, default: null },
    closureReason: { type: String, enum: [...ACCOUNT_CLOSURE_REASONS, null], default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'residents', versionKey: false },
);

// Listings sort by name then _id; each filter of `residents(filter)` leads one of these indexes.
residentSchema.index({ name: 1, _id: 1 });
residentSchema.index({ organisationPath: 1, name: 1, _id: 1 });
residentSchema.index({ communityId: 1, name: 1, _id: 1 });
residentSchema.index({ gridId: 1, name: 1, _id: 1 });
residentSchema.index({ householdId: 1, name: 1, _id: 1 });
residentSchema.index({ specialCare: 1, name: 1, _id: 1 });
residentSchema.index({ 'partyMembership.branchId': 1, name: 1, _id: 1 });
residentSchema.index({ 'volunteerProfile.since': 1, name: 1, _id: 1 });
residentSchema.index({ 'volunteerProfile.skills': 1, name: 1, _id: 1 });
// Exact lookups and the uniqueness of an ID number go through the keyed hashes.
residentSchema.index({ idNumberHash: 1 }, { unique: true, sparse: true });
residentSchema.index({ phoneHash: 1 }, { sparse: true });

/** Each connection's model seals with its own keys, so the schema is copied before the middleware joins it. */
export function residentModel(connection: Connection, cipher: PiiCipher) {
  const schema = residentSchema.clone();
  sealFieldsAtRest(schema, cipher, RESIDENT_SEALED_FIELDS);
  return connection.model<ResidentDocument>('Resident', schema);
}
