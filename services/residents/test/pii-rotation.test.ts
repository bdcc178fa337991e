import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Types, type Connection } from 'mongoose';
import '@civic/dev-platform/provided-context';
import { connectServiceDatabase } from '@civic/service-kit';
import { piiKeysEnvironment, resolvePiiKeys, withNewEncryptionKey, withNewLookupKey, type PiiKeys } from '@civic/identity';
import { uniqueDatabaseName } from '@civic/test-harness';
import { createModels, type Models } from '../src/models/index.ts';
import { piiCipher } from '../src/persistence/pii-cipher.ts';
import { rotateSealedValues, type RotationOptions } from '../src/persistence/pii-rotation.ts';
import { CORRECTION_SEALED_FIELDS, RESIDENT_SEALED_FIELDS } from '../src/persistence/sealed-fields.ts';
import { idNumberCheckCharacter } from '../src/domain/contact-numbers.ts';

/**
 * `npm run pii -- rotate` on a real database: new encryption key, new lookup key, values left in
 * clear; residents' numbers, then correction requests' proposed values.
 */

const RESIDENTS = 10;
const BATCH = 4;
const phoneOf = (index: number) => `1380000${String(index).padStart(4, '0')}`;
const idNumberOf = (index: number) => {
  const first17 = `32010519800101${String(index).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
};

let connection: Connection;
const original: PiiKeys = resolvePiiKeys();
const rotated = withNewEncryptionKey(original, 'test-2');
const rehashed = withNewLookupKey(rotated);
/** The rotated keys once the old encryption key is removed. */
const newKeyAlone: PiiKeys = { ...rotated, encryptionKeys: new Map([[rotated.currentKeyId, rotated.encryptionKeys.get(rotated.currentKeyId)!]]) };
const proposedPhoneOf = (index: number) => `1390000${String(index).padStart(4, '0')}`;

/** The models as a residents process started with `keys` would make them. */
const modelsUnder = (keys: PiiKeys): Models => createModels(connection.useDb(connection.name, { useCache: false }), piiKeysEnvironment(keys));
const residents = () => connection.db!.collection('residents');
const requests = () => connection.db!.collection('dataCorrectionRequests');
const rotateResidents = (keys: PiiKeys, options: RotationOptions) => rotateSealedValues(residents(), piiCipher(keys), RESIDENT_SEALED_FIELDS, options);
const rotateRequests = (keys: PiiKeys, options: RotationOptions) => rotateSealedValues(requests(), piiCipher(keys), CORRECTION_SEALED_FIELDS, options);
const storedKeyIds = async () => (await residents().find({}, { sort: { _id: 1 } }).toArray()).flatMap((stored) => [stored.phone?.keyId, stored.idNumber?.keyId]);
const storedRequestKeyIds = async () => (await requests().find({}, { sort: { _id: 1 } }).toArray()).map((stored) => stored.proposedValue?.keyId);
const proposedValues = async (models: Models) => (await models.DataCorrectionRequest.find({}, { proposedValue: 1 }).sort({ _id: 1 }).lean()).map(({ proposedValue }) => proposedValue);
const expectedProposals = Array.from({ length: RESIDENTS }, (_, index) => proposedPhoneOf(index));
const plainNumbers = async (models: Models) =>
  (await models.Resident.find({}, { phone: 1, idNumber: 1 }).sort({ _id: 1 }).lean()).map(({ phone, idNumber }) => [phone, idNumber]);
const expected = Array.from({ length: RESIDENTS }, (_, index) => [phoneOf(index), idNumberOf(index)]);

beforeAll(async () => {
  ({ connection } = await connectServiceDatabase(inject('mongoUri'), uniqueDatabaseName('residents')));
  const models = modelsUnder(original);
  await models.Resident.createIndexes();
  const common = { verificationStatus: 'UNVERIFIED', specialCare: [], gender: null, birthYear: 1980, createdAt: new Date(), updatedAt: new Date() };
  const place = { householdId: new Types.ObjectId(), gridId: new Types.ObjectId(), communityId: new Types.ObjectId(), organisationPath: [] };
  await models.Resident.insertMany(
    expected.map(([phone, idNumber], index) => ({ ...common, ...place, name: `居民${index}`, phone, idNumber })),
    { lean: true },
  );
  const requested = { field: 'PHONE', note: null, status: 'OPEN', requestedAt: new Date(), ...place };
  await models.DataCorrectionRequest.insertMany(
    expectedProposals.map((proposedValue) => ({ ...requested, residentId: new Types.ObjectId(), proposedValue })),
    { lean: true },
  );
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

describe('rotating to a new encryption key', () => {
  it('leaves every value readable when cut short half-way: each value names its key', async () => {
    const counts = await rotateResidents(rotated, { batchSize: BATCH, maxBatches: 1 });
    expect(counts).toEqual({ documents: BATCH, resealed: 2 * BATCH, sealedFromClear: 0, rehashed: 0, unchanged: 0, changedMeanwhile: 0 });
    expect(await storedKeyIds()).toEqual([...Array(2 * BATCH).fill('test-2'), ...Array(2 * (RESIDENTS - BATCH)).fill('test-1')]);
    expect(await plainNumbers(modelsUnder(rotated))).toEqual(expected);
  });

  it('finishes in the next run, and a run after that finds nothing to do', async () => {
    const batches: number[] = [];
    const counts = await rotateResidents(rotated, { batchSize: BATCH, onBatch: ({ documents }) => batches.push(documents) });
    expect(counts).toEqual({ documents: RESIDENTS, resealed: 2 * (RESIDENTS - BATCH), sealedFromClear: 0, rehashed: 0, unchanged: 2 * BATCH, changedMeanwhile: 0 });
    expect(batches).toEqual([4, 8, 10]);
    expect(await storedKeyIds()).toEqual(Array(2 * RESIDENTS).fill('test-2'));
    expect(await plainNumbers(modelsUnder(rotated))).toEqual(expected);
    expect(await rotateResidents(rotated, { batchSize: BATCH })).toEqual({
      documents: RESIDENTS, resealed: 0, sealedFromClear: 0, rehashed: 0, unchanged: 2 * RESIDENTS, changedMeanwhile: 0,
    });
  });

  it('then opens nothing under the old key alone', async () => {
    await expect(modelsUnder(original).Resident.findOne({}).lean()).rejects.toThrow('The stored phone cannot be opened: it was sealed under key test-2, which PII_ENCRYPTION_KEYS does not hold');
  });
});

describe('rotating the lookup key', () => {
  it('recomputes every hash, so exact lookups and uniqueness work under the new key', async () => {
    const models = modelsUnder(rehashed);
    expect(await models.Resident.countDocuments({ idNumber: idNumberOf(3) })).toBe(0);
    const counts = await rotateResidents(rehashed, { batchSize: BATCH });
    expect(counts).toEqual({ documents: RESIDENTS, resealed: 0, sealedFromClear: 0, rehashed: 2 * RESIDENTS, unchanged: 0, changedMeanwhile: 0 });
    expect(await models.Resident.findOne({ idNumber: idNumberOf(3) }, { name: 1, _id: 0 }).lean()).toEqual({ name: '居民3' });
    expect(await models.Resident.findOne({ phone: phoneOf(7) }, { name: 1, _id: 0 }).lean()).toEqual({ name: '居民7' });
    expect(await plainNumbers(models)).toEqual(expected);
  });
});

describe('values stored in clear before encryption', () => {
  it('are sealed and hashed by a rotation', async () => {
    await residents().updateMany({}, { $set: { phone: '13911112222' }, $unset: { phoneHash: 1 } });
    const counts = await rotateResidents(rehashed, { batchSize: BATCH });
    expect(counts).toEqual({ documents: RESIDENTS, resealed: 0, sealedFromClear: RESIDENTS, rehashed: 0, unchanged: RESIDENTS, changedMeanwhile: 0 });
    expect(JSON.stringify(await residents().find({}).toArray())).not.toContain('13911112222');
    expect(await modelsUnder(rehashed).Resident.countDocuments({ phone: '13911112222' })).toBe(RESIDENTS);
  });
});

describe("correction requests' proposed values", () => {
  it('are resealed under the new key, cut short and resumed, then open with the old key removed', async () => {
    expect(await rotateRequests(rotated, { batchSize: BATCH, maxBatches: 1 })).toEqual({ documents: BATCH, resealed: BATCH, sealedFromClear: 0, rehashed: 0, unchanged: 0, changedMeanwhile: 0 });
    expect(await storedRequestKeyIds()).toEqual([...Array(BATCH).fill('test-2'), ...Array(RESIDENTS - BATCH).fill('test-1')]);
    expect(await rotateRequests(rotated, { batchSize: BATCH })).toEqual({ documents: RESIDENTS, resealed: RESIDENTS - BATCH, sealedFromClear: 0, rehashed: 0, unchanged: BATCH, changedMeanwhile: 0 });
    expect(await storedRequestKeyIds()).toEqual(Array(RESIDENTS).fill('test-2'));
    expect(await proposedValues(modelsUnder(newKeyAlone))).toEqual(expectedProposals);
    await expect(modelsUnder(original).DataCorrectionRequest.findOne({}).lean()).rejects.toThrow(
      'The stored proposedValue cannot be opened: it was sealed under key test-2, which PII_ENCRYPTION_KEYS does not hold',
    );
  });

  it('are sealed from clear by a rotation, and carry no hash a new lookup key would change', async () => {
    await requests().updateMany({}, { $set: { proposedValue: '13955556666' } });
    expect(await rotateRequests(rehashed, { batchSize: BATCH })).toEqual({ documents: RESIDENTS, resealed: 0, sealedFromClear: RESIDENTS, rehashed: 0, unchanged: 0, changedMeanwhile: 0 });
    expect(JSON.stringify(await requests().find({}).toArray())).not.toContain('13955556666');
    expect(await proposedValues(modelsUnder(rehashed))).toEqual(Array(RESIDENTS).fill('13955556666'));
    expect(await rotateRequests(withNewLookupKey(rehashed), { batchSize: BATCH })).toEqual({
      documents: RESIDENTS, resealed: 0, sealedFromClear: 0, rehashed: 0, unchanged: RESIDENTS, changedMeanwhile: 0,
    });
  });
});
