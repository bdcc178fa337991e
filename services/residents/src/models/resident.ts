import { Schema, type Connection, type Types } from 'mongoose';

export interface ResidentDocument {
  _id: Types.ObjectId;
  name: string;
  createdAt: Date;
}

export const residentSchema = new Schema<ResidentDocument>({ name: { type: String, required: true } }, { timestamps: true });

export function residentModel(connection: Connection) {
  return connection.model<ResidentDocument>('Resident', residentSchema);
}
