import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { createSubgraphTester } from '@civic/test-harness';
import { resolvePiiKeys } from '@civic/identity';
import { residentsSubgraph } from '../src/subgraph.ts';
import { piiCipher } from '../src/persistence/pii-cipher.ts';
import { createHousehold, dataOf, errorOf, registerResident, type Tester } from './support/operations.ts';
import { GRID, ORG, organisationsGraph, residentViewer, VIEWERS } from './support/world.ts';

/** Correction requests' proposed values as the database holds them: sealed, and read back plain through the model. */

const REQUEST = 'mutation($input: DataCorrectionInput!) { requestDataCorrection(input: $input) { id proposedValue } }';
const MINE = '{ myDataCorrectionRequests { edges { node { field proposedValue } } } }';
const QUEUE = 'query($org: ID!) { dataCorrectionRequests(organisationId: $org, status: OPEN) { edges { node { id field proposedValue } } } }';
const DECIDE = 'mutation($id: ID!) { decideDataCorrection(id: $id, accept: true) { status applied } }';
const RESIDENT = 'query($id: ID!) { resident(id: $id) { phone idNumber } }';

// The run's keys, which the test harness gives every test file through its environment.
const cipher = piiCipher(resolvePiiKeys());
let tester: Tester;
let household: string;

const raw = (id: string) => tester.models.DataCorrectionRequest.collection.findOne({ _id: new Types.ObjectId(id) });

async function requestCorrection(residentId: string, field: string, proposedValue: string): Promise<string> {
  return dataOf<{ requestDataCorrection: { id: string } }>(await tester.execute(REQUEST, { input: { field, proposedValue } }, residentViewer(residentId))).requestDataCorrection.id;
}

beforeAll(async () => {
  tester = await createSubgraphTester(residentsSubgraph, { graph: organisationsGraph() });
  household = await createHousehold(tester, { gridId: GRID.microA, building: '5栋', unit: '1单元', room: '101' });
});
afterAll(() => tester.close());

describe('a stored correction request', () => {
  it('holds no clear proposed value: it is sealed under the current key, bound to the name proposedValue', async () => {
    const resident = await registerResident(tester, { householdId: household, name: '吴一', phone: '13800003333' });
    const answered = await tester.execute(REQUEST, { input: { field: 'ID_NUMBER', proposedValue: '320105198001010015' } }, residentViewer(resident));
    const { id, proposedValue } = dataOf<{ requestDataCorrection: { id: string; proposedValue: string } }>(answered).requestDataCorrection;
    expect(proposedValue).toBe('320105198001010015');

    const stored = (await raw(id))!;
    expect(JSON.stringify(stored)).not.toContain('320105198001010015');
    expect(Object.keys(stored.proposedValue as object)).toEqual(['keyId', 'iv', 'ciphertext', 'tag']);
    expect(stored.proposedValue.keyId).toBe(cipher.currentKeyId);
    expect(cipher.open('proposedValue', stored.proposedValue)).toBe('320105198001010015');
    expect(() => cipher.open('idNumber', stored.proposedValue)).toThrow('The stored idNumber cannot be opened');
  });

  it('answers plain to the resident and to staff in scope, and an accepted value reaches the resident sealed as their own', async () => {
    const resident = await registerResident(tester, { householdId: household, name: '吴二', phone: '13800004444' });
    const id = await requestCorrection(resident, 'PHONE', '13911115555');

    expect(dataOf(await tester.execute(MINE, {}, residentViewer(resident)))).toEqual({ myDataCorrectionRequests: { edges: [{ node: { field: 'PHONE', proposedValue: '13911115555' } }] } });
    const queue = dataOf<{ dataCorrectionRequests: { edges: { node: Record<string, string> }[] } }>(await tester.execute(QUEUE, { org: ORG.communityA }, VIEWERS.communityWorkerA));
    expect(queue.dataCorrectionRequests.edges.map(({ node }) => node).filter((node) => node.id === id)).toEqual([{ id, field: 'PHONE', proposedValue: '13911115555' }]);

    expect(dataOf(await tester.execute(DECIDE, { id }, VIEWERS.communityWorkerA))).toEqual({ decideDataCorrection: { status: 'ACCEPTED', applied: true } });
    expect(dataOf(await tester.execute(RESIDENT, { id: resident }, VIEWERS.communityWorkerA))).toEqual({ resident: { phone: '13911115555', idNumber: null } });
    const storedResident = (await tester.models.Resident.collection.findOne({ _id: new Types.ObjectId(resident) }))!;
    expect(cipher.open('phone', storedResident.phone)).toBe('13911115555');
    expect(JSON.stringify(await raw(id))).not.toContain('13911115555');
  });

  it('reads a value stored in clear before encryption as it is, until a rotation seals it', async () => {
    const resident = await registerResident(tester, { householdId: household, name: '吴三' });
    const id = await requestCorrection(resident, 'NAME', '吴叁');
    await tester.models.DataCorrectionRequest.collection.updateOne({ _id: new Types.ObjectId(id) }, { $set: { proposedValue: '吴叁' } });
    expect(dataOf(await tester.execute(MINE, {}, residentViewer(resident)))).toEqual({ myDataCorrectionRequests: { edges: [{ node: { field: 'NAME', proposedValue: '吴叁' } }] } });
  });

  it('cannot be filtered on: each seal differs, so a filter naming the value is refused rather than matching nothing', async () => {
    await expect(tester.models.DataCorrectionRequest.find({ proposedValue: '13911115555' }).lean()).rejects.toThrow(
      'proposedValue is sealed at rest without a lookup hash: a filter cannot match it',
    );
  });
});

describe('a tampered proposed value', () => {
  it('is refused by its GCM tag: the query fails with an internal error, never a garbled value', async () => {
    const resident = await registerResident(tester, { householdId: household, name: '吴四' });
    const id = await requestCorrection(resident, 'BIRTH_YEAR', '1961');
    const stored = (await raw(id))!;
    const altered = Buffer.from(stored.proposedValue.ciphertext.buffer);
    altered[0] = altered[0]! ^ 0x01;
    await tester.models.DataCorrectionRequest.collection.updateOne({ _id: stored._id }, { $set: { 'proposedValue.ciphertext': altered } });

    const result = await tester.execute(MINE, {}, residentViewer(resident));
    expect(errorOf(result)).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
    expect(result.data).toBeNull();
    await expect(tester.models.DataCorrectionRequest.findById(id).lean()).rejects.toThrow(
      `The stored proposedValue cannot be opened: it fails its integrity check under key ${cipher.currentKeyId} (altered, or not sealed as proposedValue)`,
    );
  });

  it("does not open as a resident's phone when copied there", async () => {
    const resident = await registerResident(tester, { householdId: household, name: '吴五' });
    const id = await requestCorrection(resident, 'PHONE', '13922226666');
    const stored = (await raw(id))!;
    await tester.models.Resident.collection.updateOne({ _id: new Types.ObjectId(resident) }, { $set: { phone: stored.proposedValue } });
    await expect(tester.models.Resident.findById(resident).lean()).rejects.toThrow('The stored phone cannot be opened');
  });
});
