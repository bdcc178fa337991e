import { Schema, type Connection, type Types } from 'mongoose';

export interface HouseholdDocument {
  _id: Types.ObjectId;
  building: string;
  unit: string;
  room: string;
  gridId: Types.ObjectId;
  communityId: Types.ObjectId;
  /** The community's path root..community, copied from the grid when the household was created. */
  organisationPath: Types.ObjectId[];
  createdAt: Date;
}

export const householdSchema = new Schema<HouseholdDocument>(
  {
    building: { type: String, required: true },
    unit: { type: String, required: true },
    room: { type: String, required: true },
    gridId: { type: Schema.Types.ObjectId, required: true },
    communityId: { type: Schema.Types.ObjectId, required: true },
    organisationPath: { type: [Schema.Types.ObjectId], required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'households', versionKey: false },
);

// One household per address in a grid; also the order of Grid.households (building, unit, room).
householdSchema.index({ gridId: 1, building: 1, unit: 1, room: 1 }, { unique: true });
// Grid.households pages in creation (_id) order.
householdSchema.index({ gridId: 1, _id: 1 });

export function householdModel(connection: Connection) {
  return connection.model<HouseholdDocument>('Household', householdSchema);
}
