import { Schema, type Connection, type Types } from 'mongoose';
import { POST_KINDS, type PostKind } from '../domain/post-rules.ts';
import { collectionOptions } from './schema-options.ts';

export interface PostDocument {
  _id: Types.ObjectId;
  publisherId: Types.ObjectId;
  /** The organisation whose subtree the post reaches; for a grid's post, the grid's community. */
  audienceId: Types.ObjectId;
  /** The grid whose subtree the post reaches, or null: the post is for the organisation's subtree. */
  audienceGridId: Types.ObjectId | null;
  /**
   * The audience's path, copied at publication: the organisation's path, then for a grid's post the
   * grid's ancestors and the grid. `{ audiencePath: x }` is every post for x's subtree.
   */
  audiencePath: Types.ObjectId[];
  kind: PostKind;
  title: string;
  body: string;
  publishedAt: Date;
  public: boolean;
}

export const POST_FIELDS = { publisherId: 1, audienceId: 1, audienceGridId: 1, audiencePath: 1, kind: 1, title: 1, body: 1, publishedAt: 1, public: 1 } as const;

const postSchema = new Schema<PostDocument>(
  {
    publisherId: { type: Schema.Types.ObjectId, required: true },
    audienceId: { type: Schema.Types.ObjectId, required: true },
    audienceGridId: { type: Schema.Types.ObjectId, default: null },
    audiencePath: { type: [Schema.Types.ObjectId], required: true },
    kind: { type: String, enum: POST_KINDS, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    publishedAt: { type: Date, required: true },
    public: { type: Boolean, required: true },
  },
  collectionOptions('posts'),
);

// posts(): newest first, optionally narrowed by audience subtree, publisher, kind or public flag.
postSchema.index({ publishedAt: -1, _id: -1 });
postSchema.index({ audiencePath: 1, publishedAt: -1, _id: -1 });
postSchema.index({ publisherId: 1, publishedAt: -1, _id: -1 });
postSchema.index({ kind: 1, publishedAt: -1, _id: -1 });
postSchema.index({ public: 1, publishedAt: -1, _id: -1 });
// myFeed and who a post is aimed at: `$in` on the caller's organisations and grids, merged newest first.
postSchema.index({ audienceId: 1, audienceGridId: 1, publishedAt: -1, _id: -1 });
postSchema.index({ kind: 1, audienceId: 1, audienceGridId: 1, publishedAt: -1, _id: -1 });

export function postModel(connection: Connection) {
  return connection.model<PostDocument>('Post', postSchema);
}
