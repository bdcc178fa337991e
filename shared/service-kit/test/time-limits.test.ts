import { Schema, Types, type Connection, type Model } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import '@civic/dev-platform/provided-context';
import { connectServiceDatabase } from '../src/database.ts';
import { BATCH_DATABASE_SETTINGS, type DatabaseSettings } from '../src/database-settings.ts';
import { loaderByForeignKey, loaderById } from '../src/loaders.ts';
import { paginate } from '../src/pagination.ts';
import { isTimeLimitExceeded, timeLimitRunOutOf } from '../src/time-limits.ts';

// Every operation a service's connection starts carries a time limit the server enforces.
interface Note {
  _id: Types.ObjectId;
  ownerId: Types.ObjectId;
  text: string;
  n: number;
}

// One schema for every connection, as services have it.
const noteSchema = new Schema<Note>({ ownerId: { type: Schema.Types.ObjectId, required: true }, text: { type: String, required: true }, n: { type: Number, required: true } });

const LIMITED: DatabaseSettings = { timeLimits: { readMs: 1_111, writeMs: 2_222 }, serverSelectionTimeoutMs: 1_500 };
const owner = new Types.ObjectId();

interface Opened {
  connection: Connection;
  Note: Model<Note>;
  /** Each command the connection sent since the last call, with the maxTimeMS it carried. */
  sent(): [string, unknown][];
}

const opened: Opened[] = [];

async function open(settings: DatabaseSettings, databaseName = `test_${new Types.ObjectId().toHexString()}_limits`): Promise<Opened> {
  const { connection } = await connectServiceDatabase(inject('mongoUri'), databaseName, settings);
  let commands: [string, unknown][] = [];
  connection.getClient().on('commandStarted', (event) => {
    if (typeof event.command[event.commandName] === 'string' || event.commandName === 'getMore') commands.push([event.commandName, event.command.maxTimeMS]);
  });
  const result = {
    connection,
    Note: connection.model<Note>('Note', noteSchema),
    sent() {
      const sent = commands;
      commands = [];
      return sent;
    },
  };
  // Compiling a model creates its collection; that is not an operation under test.
  await result.Note.init();
  result.sent();
  opened.push(result);
  return result;
}

afterAll(async () => {
  for (const { connection } of opened) {
    await connection.dropDatabase();
    await connection.close();
  }
});

describe('a limited connection', () => {
  let db: Opened;

  beforeAll(async () => {
    db = await open(LIMITED);
    await db.Note.insertMany([1, 2, 3].map((n) => ({ ownerId: owner, text: `note ${n}`, n })));
    db.sent();
  });

  it('gives every read the read limit: finds, counts, distinct, aggregates, pages and DataLoader batches', async () => {
    const [first] = await db.Note.find().sort({ n: 1 }).lean();
    await db.Note.findOne({ n: 2 }).lean();
    await db.Note.exists({ n: 3 });
    await db.Note.findById(first!._id).lean();
    await db.Note.countDocuments({ n: { $gt: 1 } });
    await db.Note.estimatedDocumentCount();
    await db.Note.distinct('text');
    await db.Note.aggregate([{ $group: { _id: '$ownerId', total: { $sum: '$n' } } }]);
    const byId = loaderById(db.Note);
    await Promise.all([byId.load(first!._id.toHexString()), byId.load(new Types.ObjectId().toHexString())]);
    await loaderByForeignKey(db.Note, 'ownerId').load(owner.toHexString());
    const page = await paginate(db.Note, {}, { first: 1 }, { field: 'n', direction: 1 });
    await page.totalCount();
    await paginate(db.Note, {}, { first: 1, after: page.pageInfo.endCursor }, { field: 'n', direction: 1 });

    expect(db.sent()).toEqual([
      ['find', 1_111],
      ['find', 1_111],
      ['find', 1_111],
      ['find', 1_111],
      ['aggregate', 1_111],
      ['count', 1_111],
      ['distinct', 1_111],
      ['aggregate', 1_111],
      ['find', 1_111],
      ['find', 1_111],
      ['find', 1_111],
      ['aggregate', 1_111],
      ['find', 1_111],
    ]);
  });

  it('gives every write that selects documents the write limit, and inserts none', async () => {
    const note = await db.Note.create({ ownerId: owner, text: 'to change', n: 10 });
    await db.Note.findOneAndUpdate({ _id: note._id }, { $inc: { n: 1 } });
    await db.Note.updateOne({ _id: note._id }, { $inc: { n: 1 } });
    await db.Note.updateMany({ n: { $gte: 10 } }, { $inc: { n: 1 } });
    await db.Note.replaceOne({ _id: note._id }, { ownerId: owner, text: 'replaced', n: 20 });
    await db.Note.findOneAndReplace({ _id: note._id }, { ownerId: owner, text: 'replaced again', n: 21 });
    await db.Note.bulkWrite([{ updateOne: { filter: { _id: note._id }, update: { $inc: { n: 1 } } } }]);
    await db.Note.findOneAndDelete({ _id: note._id });
    await db.Note.deleteOne({ n: 99 });
    await db.Note.deleteMany({ n: 99 });

    expect(db.sent()).toEqual([
      ['insert', undefined],
      ['findAndModify', 2_222],
      ['update', 2_222],
      ['update', 2_222],
      ['update', 2_222],
      ['findAndModify', 2_222],
      ['update', 2_222],
      ['findAndModify', 2_222],
      ['delete', 2_222],
      ['delete', 2_222],
    ]);
  });

  it('keeps a limit an operation sets itself', async () => {
    await db.Note.find().maxTimeMS(30_000).lean();
    await db.Note.aggregate([{ $match: {} }]).option({ maxTimeMS: 30_000 });
    expect(db.sent()).toEqual([
      ['find', 30_000],
      ['aggregate', 30_000],
    ]);
  });
});

describe('connections with other settings in the same process', () => {
  it('each keep their own limits though they share the schema', async () => {
    const batch = await open(BATCH_DATABASE_SETTINGS);
    const tight = await open({ ...LIMITED, timeLimits: { readMs: 77, writeMs: 88 } });
    await batch.Note.find().lean();
    await batch.Note.updateOne({}, { $set: { n: 1 } });
    await tight.Note.find().lean();
    await tight.Note.updateOne({}, { $set: { n: 1 } });
    expect([batch.sent(), tight.sent()]).toEqual([
      [
        ['find', undefined],
        ['update', undefined],
      ],
      [
        ['find', 77],
        ['update', 88],
      ],
    ]);
  });
});

describe('the server', () => {
  it('stops a read that outlives its limit with MaxTimeMSExpired, and the error tells which limit it was', async () => {
    const slow = await open({ ...LIMITED, timeLimits: { readMs: 1, writeMs: 1 } });
    // Enough documents that scanning them all takes the server far longer than 1 ms.
    await slow.Note.insertMany(Array.from({ length: 5_000 }, (_, n) => ({ ownerId: owner, text: `note ${n} ${'x'.repeat(200)}`, n })));

    const error: unknown = await slow.Note.find({ text: { $regex: 'y$' } })
      .lean()
      .then(() => null, (reason: unknown) => reason);
    expect([isTimeLimitExceeded(error), timeLimitRunOutOf(error), (error as { codeName?: string }).codeName]).toEqual([true, 1, 'MaxTimeMSExpired']);
  });
});
