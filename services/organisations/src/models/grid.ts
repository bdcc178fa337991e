import { Schema, type Connection, type Types } from 'mongoose';
import { GRID_LEVELS, type GridLevel } from '../domain/grid-tree.ts';
import { collectionOptions } from './schema-options.ts';

export interface GridDocument {
  _id: Types.ObjectId;
  name: string;
  level: GridLevel;
  /** The COMMUNITY_PARTY_COMMITTEE the grid belongs to. */
  communityId: Types.ObjectId;
  /** The community's path (root..community), copied at creation: organisations never move. */
  organisationPath: Types.ObjectId[];
  parentId: Types.ObjectId | null;
  /** Grid ancestors, the community grid first, ending with the parent. */
  ancestorIds: Types.ObjectId[];
  responsiblePersonId: Types.ObjectId | null;
  partyBranchId: Types.ObjectId | null;
  createdAt: Date;
}

export const GRID_FIELDS = {
  name: 1,
  level: 1,
  communityId: 1,
  organisationPath: 1,
  parentId: 1,
  ancestorIds: 1,
  responsiblePersonId: 1,
  partyBranchId: 1,
  createdAt: 1,
} as const;

const gridSchema = new Schema<GridDocument>(
  {
    name: { type: String, required: true },
    level: { type: String, enum: GRID_LEVELS, required: true },
    communityId: { type: Schema.Types.ObjectId, required: true },
    organisationPath: { type: [Schema.Types.ObjectId], required: true },
    parentId: { type: Schema.Types.ObjectId, default: null },
    ancestorIds: { type: [Schema.Types.ObjectId], required: true },
    responsiblePersonId: { type: Schema.Types.ObjectId, default: null },
    partyBranchId: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
  },
  collectionOptions('grids'),
);

// grids(filter: { communityId, level }).
gridSchema.index({ communityId: 1, level: 1, _id: 1 });
// Grid.children and filter { parentId }.
gridSchema.index({ parentId: 1, _id: 1 });
// filter { level } alone.
gridSchema.index({ level: 1, _id: 1 });
// A resident's data export: the grids they are responsible for.
gridSchema.index({ responsiblePersonId: 1 }, { partialFilterExpression: { responsiblePersonId: { $type: 'objectId' } } });

export function gridModel(connection: Connection) {
  return connection.model<GridDocument>('Grid', gridSchema);
}
