import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { createSubgraphTester, expectError } from '@civic/test-harness';
import { resolvePiiKeys } from '@civic/identity';
import { residentsSubgraph } from '../src/subgraph.ts';
import { idNumberTaken } from '../src/errors.ts';
import { piiCipher } from '../src/persistence/pii-cipher.ts';
import { createHousehold, dataOf, errorOf, registerResident, type Tester } from './support/operations.ts';
import { GRID, organisationsGraph, residentViewer, VIEWERS } from './support/world.ts';

/** Phone and ID numbers as the database holds them: sealed, hashed, and read back plain through the model. */

const RESIDENT = 'query($id: ID!) { resident(id: $id) { name phone idNumber } }';
const UPDATE = 'mutation($input: UpdateResidentInput!) { updateResident(input: $input) { phone idNumber } }';
const GRID_RESIDENTS = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Grid { id residents(first: 10) { edges { node { name phone idNumber } } } }
} }`;

// The run's keys, which the test harness gives every test file through its environment.
const cipher = piiCipher(resolvePiiKeys());
let tester: Tester;
let householdA: string;
let householdB: string;
let zhao: string;
let qian: string;

const raw = (id: string) => tester.models.Resident.collection.findOne({ _id: new Types.ObjectId(id) });

beforeAll(async () => {
  tester = await createSubgraphTester(residentsSubgraph, { graph: organisationsGraph() });
  householdA = await createHousehold(tester, { gridId: GRID.microA, building: '3栋', unit: '2单元', room: '301' });
  householdB = await createHousehold(tester, { gridId: GRID.microB, building: '8栋', unit: '1单元', room: '602' }, VIEWERS.communityWorkerB);
  zhao = await registerResident(tester, { householdId: householdA, name: '赵小明', phone: '13812345678', idNumber: '320105198001010015' });
  qian = await registerResident(tester, { householdId: householdB, name: '钱芳', phone: '13987654321', idNumber: '320106199002200049' }, VIEWERS.communityWorkerB);
});
afterAll(() => tester.close());

describe('the stored resident', () => {
  it('holds no clear phone or ID number: each is sealed under the current key, with its keyed hash beside it', async () => {
    const stored = (await raw(zhao))!;
    expect(JSON.stringify(stored)).not.toContain('13812345678');
    expect(JSON.stringify(stored)).not.toContain('320105198001010015');
    expect(Object.keys(stored.phone as object)).toEqual(['keyId', 'iv', 'ciphertext', 'tag']);
    expect(stored.phone.keyId).toBe(cipher.currentKeyId);
    expect(stored.idNumber.keyId).toBe(cipher.currentKeyId);
    expect(stored.phoneHash).toBe(cipher.lookupHash('phone', '13812345678'));
    expect(stored.idNumberHash).toBe(cipher.lookupHash('idNumber', '320105198001010015'));
    expect(cipher.open('phone', stored.phone)).toBe('13812345678');
    expect(cipher.open('idNumber', stored.idNumber)).toBe('320105198001010015');
  });

  it('seals each value with a fresh IV: two residents with one phone store different ciphertexts and one hash', async () => {
    const twin = await registerResident(tester, { householdId: householdA, name: '赵小亮', phone: '13812345678' });
    const [first, second] = [(await raw(zhao))!, (await raw(twin))!];
    expect(Buffer.from(second.phone.iv.buffer).equals(Buffer.from(first.phone.iv.buffer))).toBe(false);
    expect(Buffer.from(second.phone.ciphertext.buffer).equals(Buffer.from(first.phone.ciphertext.buffer))).toBe(false);
    expect(second.phoneHash).toBe(first.phoneHash);
  });
});

describe('reads and writes through the model', () => {
  it('answers every query as before: plain to covering staff and the resident, masked to others', async () => {
    expect(dataOf(await tester.execute(RESIDENT, { id: zhao }, VIEWERS.communityWorkerA))).toEqual({ resident: { name: '赵小明', phone: '13812345678', idNumber: '320105198001010015' } });
    expect(dataOf(await tester.execute(RESIDENT, { id: zhao }, residentViewer(zhao)))).toEqual({ resident: { name: '赵小明', phone: '13812345678', idNumber: '320105198001010015' } });
    expect(dataOf(await tester.execute(RESIDENT, { id: zhao }, VIEWERS.communityWorkerB))).toEqual({ resident: { name: '赵**', phone: '138****5678', idNumber: '320***********0015' } });
  });

  it('opens the numbers in pages of several grids at once (one aggregate cuts each grid its page)', async () => {
    const representations = [GRID.microA, GRID.microB].map((id) => ({ __typename: 'Grid', id }));
    const result = dataOf<{ _entities: { id: string; residents: { edges: { node: Record<string, string> }[] } }[] }>(
      await tester.execute(GRID_RESIDENTS, { representations }, VIEWERS.service),
    );
    expect(result._entities.map(({ residents }) => residents.edges.map(({ node }) => node))).toEqual([
      [
        { name: '赵小亮', phone: '13812345678', idNumber: null },
        { name: '赵小明', phone: '13812345678', idNumber: '320105198001010015' },
      ],
      [{ name: '钱芳', phone: '13987654321', idNumber: '320106199002200049' }],
    ]);
  });

  it('seals a changed phone again and clears the hash of a removed ID number', async () => {
    const updated = await tester.execute(UPDATE, { input: { id: qian, phone: '13700001111', idNumber: null } }, VIEWERS.communityWorkerB);
    expect(dataOf(updated)).toEqual({ updateResident: { phone: '13700001111', idNumber: null } });
    const stored = (await raw(qian))!;
    expect(cipher.open('phone', stored.phone)).toBe('13700001111');
    expect(stored.phoneHash).toBe(cipher.lookupHash('phone', '13700001111'));
    expect('idNumber' in stored).toBe(false);
    expect('idNumberHash' in stored).toBe(false);
    await tester.execute(UPDATE, { input: { id: qian, idNumber: '320106199002200049' } }, VIEWERS.communityWorkerB);
  });

  it('finds a resident by an exact phone or ID number through its hash', async () => {
    const byIdNumber = await tester.models.Resident.findOne({ idNumber: '320105198001010015' }, { name: 1, idNumber: 1 }).lean();
    expect(byIdNumber).toEqual({ _id: new Types.ObjectId(zhao), name: '赵小明', idNumber: '320105198001010015' });
    const byPhone = await tester.models.Resident.find({ $and: [{ phone: '13812345678' }] }, { name: 1 }).sort({ name: 1 }).lean();
    expect(byPhone.map(({ name }) => name)).toEqual(['赵小亮', '赵小明']);
    expect(await tester.models.Resident.countDocuments({ idNumber: '110101190001010018' })).toBe(0);
  });

  it('keeps ID numbers unique through the hash index', async () => {
    const before = await tester.models.Resident.countDocuments();
    const result = await tester.execute(
      'mutation($input: RegisterResidentInput!) { registerResident(input: $input) { id } }',
      { input: { householdId: householdA, name: '赵明', idNumber: '320105198001010015' } },
      VIEWERS.streetAdminA,
    );
    expectError(result, idNumberTaken());
    expect(await tester.models.Resident.countDocuments()).toBe(before);
  });

  it('reads a value stored in clear before encryption as it is, until a rotation seals it', async () => {
    const legacy = await registerResident(tester, { householdId: householdA, name: '孙老' });
    await tester.models.Resident.collection.updateOne({ _id: new Types.ObjectId(legacy) }, { $set: { phone: '13600002222' } });
    expect(dataOf(await tester.execute(RESIDENT, { id: legacy }, VIEWERS.streetAdminA))).toEqual({ resident: { name: '孙老', phone: '13600002222', idNumber: null } });
  });
});

describe('a tampered value', () => {
  it('is refused by its GCM tag: the query fails with an internal error, never a garbled number', async () => {
    const victim = await registerResident(tester, { householdId: householdA, name: '李四', phone: '13811112222' });
    const stored = (await raw(victim))!;
    const altered = Buffer.from(stored.phone.ciphertext.buffer);
    altered[0] = altered[0]! ^ 0x01;
    await tester.models.Resident.collection.updateOne({ _id: stored._id }, { $set: { 'phone.ciphertext': altered } });

    const result = await tester.execute(RESIDENT, { id: victim }, VIEWERS.streetAdminA);
    // Logged with the reason below; the client learns nothing of the stored value.
    expect(errorOf(result)).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
    expect(result.data).toEqual({ resident: null });
    await expect(tester.models.Resident.findById(victim).lean()).rejects.toThrow(
      `The stored phone cannot be opened: it fails its integrity check under key ${cipher.currentKeyId} (altered, or not sealed as phone)`,
    );
  });

  it('is refused when copied from another field', async () => {
    const stored = (await raw(zhao))!;
    const copy = await registerResident(tester, { householdId: householdA, name: '周五' });
    await tester.models.Resident.collection.updateOne({ _id: new Types.ObjectId(copy) }, { $set: { idNumber: stored.phone } });
    await expect(tester.models.Resident.findById(copy).lean()).rejects.toThrow('The stored idNumber cannot be opened');
  });
});
