import { Schema, type Connection, type Types } from 'mongoose';
import { CORRECTABLE_FACTS, DATA_CORRECTION_STATUSES, type CorrectableFact, type DataCorrectionStatus } from '../domain/data-correction.ts';
import type { PiiCipher } from '../persistence/pii-cipher.ts';
import { CORRECTION_SEALED_FIELDS, sealFieldsAtRest } from '../persistence/sealed-fields.ts';

/** A resident's request to correct one fact about them, and its decision (domain/data-correction.ts). */
export interface DataCorrectionRequestDocument {
  _id: Types.ObjectId;
  residentId: Types.ObjectId;
  /** Where the resident lived when asking: that community's staff decide, its inbox is told. */
  communityId: Types.ObjectId;
  organisationPath: Types.ObjectId[];
  field: CorrectableFact;
  /** Plain as the model answers it; stored sealed (persistence/sealed-fields.ts): every correctable fact is personal. */
  proposedValue: string;
  note: string | null;
  status: DataCorrectionStatus;
  requestedAt: Date;
  decidedAt: Date | null;
  /** The subject of the staff account that decided. */
  decidedBy: string | null;
  decisionNote: string | null;
  /** Whether accepting changed the resident (not for the household address, which staff apply by a move). */
  applied: boolean;
}

const dataCorrectionRequestSchema = new Schema<DataCorrectionRequestDocument>(
  {
    residentId: { type: Schema.Types.ObjectId, required: true },
    communityId: { type: Schema.Types.ObjectId, required: true },
    organisationPath: { type: [Schema.Types.ObjectId], required: true },
    field: { type: String, enum: CORRECTABLE_FACTS, required: true },
    // A sealed value (persistence/pii-cipher.ts); the model's middleware seals and opens it.
    proposedValue: { type: Schema.Types.Mixed, default: '' },
    note: { type: String, default: null },
    status: { type: String, enum: DATA_CORRECTION_STATUSES, required: true },
    requestedAt: { type: Date, required: true },
    decidedAt: { type: Date, default: null },
    decidedBy: { type: String, default: null },
    decisionNote: { type: String, default: null },
    applied: { type: Boolean, default: false },
  },
  { collection: 'dataCorrectionRequests', versionKey: false },
);

/** One open request per resident and fact. */
export const ONE_OPEN_CORRECTION_PER_FACT = { residentId: 1, field: 1 } as const;

dataCorrectionRequestSchema.index(ONE_OPEN_CORRECTION_PER_FACT, { unique: true, partialFilterExpression: { status: 'OPEN' } });
// myDataCorrectionRequests and the export: newest first.
dataCorrectionRequestSchema.index({ residentId: 1, requestedAt: -1, _id: -1 });
// dataCorrectionRequests(organisationId, status): staff's queue, newest first.
dataCorrectionRequestSchema.index({ organisationPath: 1, status: 1, requestedAt: -1, _id: -1 });
dataCorrectionRequestSchema.index({ organisationPath: 1, requestedAt: -1, _id: -1 });

/** Each connection's model seals with its own keys, so the schema is copied before the middleware joins it. */
export function dataCorrectionRequestModel(connection: Connection, cipher: PiiCipher) {
  const schema = dataCorrectionRequestSchema.clone();
  sealFieldsAtRest(schema, cipher, CORRECTION_SEALED_FIELDS);
  return connection.model<DataCorrectionRequestDocument>('DataCorrectionRequest', schema);
}
