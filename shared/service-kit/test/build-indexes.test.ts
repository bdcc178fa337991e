import { randomBytes } from 'node:crypto';
import mongoose, { Schema, type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '@civic/dev-platform/provided-context';
import { buildIndexes } from '../src/index.ts';

// A database written by an earlier release keeps that release's indexes. Starting the service
// must leave exactly the indexes its models declare, or a retired unique index goes on refusing
// writes under a rule the code no longer has.
describe('buildIndexes', () => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await mongoose.createConnection(inject('mongoUri'), { dbName: `test_${randomBytes(4).toString('hex')}_kit`, autoIndex: false, autoCreate: false }).asPromise();
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('drops indexes the models no longer declare and rebuilds one whose options changed', async () => {
    const pairings = connection.collection('pairings');
    await pairings.insertOne({ communityId: 'c1', unitId: 'u1', status: 'ENDED', pairKey: null });
    await pairings.createIndex({ pairKey: 1 }, { unique: true, name: 'pairKey_1' });
    await pairings.createIndex({ communityId: 1, unitId: 1 }, { unique: true, name: 'communityId_1_unitId_1' });

    const schema = new Schema({ communityId: String, unitId: String, status: String });
    schema.index({ communityId: 1, unitId: 1 }, { unique: true, partialFilterExpression: { status: 'ACTIVE' } });
    const Pairing = connection.model('Pairing', schema, 'pairings');

    await buildIndexes({ Pairing });

    const indexes = await pairings.indexes();
    expect(indexes.map(({ name, unique, partialFilterExpression }) => ({ name, unique, partialFilterExpression }))).toEqual([
      { name: '_id_', unique: undefined, partialFilterExpression: undefined },
      { name: 'communityId_1_unitId_1', unique: true, partialFilterExpression: { status: 'ACTIVE' } },
    ]);
    // The rule the code has now: an ended pairing does not stop a new active one.
    await Pairing.create({ communityId: 'c1', unitId: 'u1', status: 'ACTIVE' });
    await expect(Pairing.create({ communityId: 'c1', unitId: 'u1', status: 'ACTIVE' })).rejects.toMatchObject({ code: 11000 });
    expect(await Pairing.countDocuments({ communityId: 'c1', unitId: 'u1' })).toBe(2);
  });

  it('creates every collection, so a first insert never has to', async () => {
    const Note = connection.model('Note', new Schema({ text: String }), 'notes');
    await buildIndexes({ Note });
    const names = (await connection.db!.listCollections({}, { nameOnly: true }).toArray()).map(({ name }) => name);
    expect(names).toContain('notes');
  });
});
