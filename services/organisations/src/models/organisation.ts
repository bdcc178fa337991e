import { Schema, type Connection, type Types } from 'mongoose';

export interface OrganisationDocument {
  _id: Types.ObjectId;
  name: string;
  kind: string;
  createdAt: Date;
}

export const organisationSchema = new Schema<OrganisationDocument>({ name: { type: String, required: true }, kind: String }, { timestamps: true });

export function organisationModel(connection: Connection) {
  return connection.model<OrganisationDocument>('Organisation', organisationSchema);
}
