import { Schema, type Connection, type Types } from 'mongoose';
import { ORGANISATION_KINDS, type OrganisationKind } from '../domain/organisation-tree.ts';
import { collectionOptions } from './schema-options.ts';

export interface OrganisationDocument {
  _id: Types.ObjectId;
  name: string;
  kind: OrganisationKind;
  parentId: Types.ObjectId | null;
  /** Root first, ending with the parent. */
  ancestorIds: Types.ObjectId[];
  /** `ancestorIds` and the organisation's own id: `{ path: x }` is x's whole subtree in one indexed query. */
  path: Types.ObjectId[];
  /** Public contact data of the organisation itself. */
  contact: { phone: string | null; address: string | null };
  createdAt: Date;
}

export const ORGANISATION_FIELDS = { name: 1, kind: 1, parentId: 1, ancestorIds: 1, path: 1, contact: 1, createdAt: 1 } as const;

const organisationSchema = new Schema<OrganisationDocument>(
  {
    name: { type: String, required: true },
    kind: { type: String, enum: ORGANISATION_KINDS, required: true },
    parentId: { type: Schema.Types.ObjectId, default: null },
    ancestorIds: { type: [Schema.Types.ObjectId], required: true },
    path: { type: [Schema.Types.ObjectId], required: true },
    contact: { phone: { type: String, default: null }, address: { type: String, default: null } },
    createdAt: { type: Date, required: true },
  },
  collectionOptions('organisations'),
);

// organisations(filter: { within }): the subtree, root included.
organisationSchema.index({ path: 1, _id: 1 });
// Organisation.descendants(kind): the subtree without its root.
organisationSchema.index({ ancestorIds: 1, kind: 1, _id: 1 });
// Filter { parentId }; siblings never share a name.
organisationSchema.index({ parentId: 1, name: 1 }, { unique: true });
// Organisation.children, in creation order.
organisationSchema.index({ parentId: 1, _id: 1 });
organisationSchema.index({ kind: 1, _id: 1 });
// filter { namePrefix }: an anchored regex uses this index.
organisationSchema.index({ name: 1, _id: 1 });

export function organisationModel(connection: Connection) {
  return connection.model<OrganisationDocument>('Organisation', organisationSchema);
}
