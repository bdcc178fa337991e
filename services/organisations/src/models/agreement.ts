import { Schema, type Connection, type Types } from 'mongoose';
import { collectionOptions } from './schema-options.ts';

export interface ContactPerson {
  name: string;
  phone: string;
}

export interface AgreementDocument {
  _id: Types.ObjectId;
  communityId: Types.ObjectId;
  ownersCommitteeId: Types.ObjectId;
  propertyCompanyId: Types.ObjectId;
  /** The three parties, so that Organisation.agreements finds an agreement from any of them. */
  partyIds: Types.ObjectId[];
  contacts: { community: ContactPerson; ownersCommittee: ContactPerson; propertyCompany: ContactPerson };
  responseDeadlineHours: number;
  resolutionDeadlineHours: number;
  signedOn: Date;
  createdAt: Date;
}

export const AGREEMENT_FIELDS = {
  communityId: 1,
  ownersCommitteeId: 1,
  propertyCompanyId: 1,
  partyIds: 1,
  contacts: 1,
  responseDeadlineHours: 1,
  resolutionDeadlineHours: 1,
  signedOn: 1,
  createdAt: 1,
} as const;

const contactPersonSchema = new Schema<ContactPerson>(
  { name: { type: String, required: true }, phone: { type: String, required: true } },
  { _id: false },
);

const agreementSchema = new Schema<AgreementDocument>(
  {
    communityId: { type: Schema.Types.ObjectId, required: true },
    ownersCommitteeId: { type: Schema.Types.ObjectId, required: true },
    propertyCompanyId: { type: Schema.Types.ObjectId, required: true },
    partyIds: { type: [Schema.Types.ObjectId], required: true },
    contacts: {
      community: { type: contactPersonSchema, required: true },
      ownersCommittee: { type: contactPersonSchema, required: true },
      propertyCompany: { type: contactPersonSchema, required: true },
    },
    responseDeadlineHours: { type: Number, required: true },
    resolutionDeadlineHours: { type: Number, required: true },
    signedOn: { type: Date, required: true },
    createdAt: { type: Date, required: true },
  },
  collectionOptions('agreements'),
);

// agreements(communityId): what the wishes subgraph asks when it routes a property request.
agreementSchema.index({ communityId: 1, signedOn: -1 });
// Organisation.agreements from any party.
agreementSchema.index({ partyIds: 1, signedOn: -1 });

export function agreementModel(connection: Connection) {
  return connection.model<AgreementDocument>('Agreement', agreementSchema);
}
