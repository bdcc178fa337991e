import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphTester, expectError } from '@civic/test-harness';
import { residentsSubgraph } from '../src/subgraph.ts';
import { createHousehold, dataOf, registerResident, type Tester } from './support/operations.ts';
import { GRID, organisationsGraph, residentViewer, STRANGER_ID, VIEWERS } from './support/world.ts';
import { unauthenticated } from '@civic/service-kit';
import { readResidentAsAnalyst } from '../src/errors.ts';

const PERSON = 'name phone idNumber specialCare piiMasked gender birthYear household { room }';

let tester: Tester;
let residentId: string;

beforeAll(async () => {
  tester = await createSubgraphTester(residentsSubgraph, { graph: organisationsGraph() });
  const householdId = await createHousehold(tester, { gridId: GRID.microA, building: '6栋', unit: '1单元', room: '1202' });
  residentId = await registerResident(tester, {
    householdId,
    name: '赵小明',
    phone: '13812345678',
    idNumber: '320105198001010015',
    specialCare: ['DISABLED'],
  });
});
afterAll(() => tester.close());

const FULL = {
  name: '赵小明',
  phone: '13812345678',
  idNumber: '320105198001010015',
  specialCare: ['DISABLED'],
  piiMasked: false,
  gender: 'MALE',
  birthYear: 1980,
  household: { room: '1202' },
};
// The PII masked; the other facts about the person null.
const MASKED = {
  name: '赵**',
  phone: '138****5678',
  idNumber: '320***********0015',
  specialCare: null,
  piiMasked: true,
  gender: null,
  birthYear: null,
  household: null,
};

describe('PII masking', () => {
  const QUERY = `query($id: ID!) { resident(id: $id) { ${PERSON} } }`;

  it.each([
    ['the resident themself', () => residentViewer(residentId), FULL],
    ['staff whose scope covers the resident', () => VIEWERS.gridWorkerA, FULL],
    ['a service', () => VIEWERS.service, FULL],
    ['a stranger', () => residentViewer(STRANGER_ID, ['RESIDENT', 'PARTY_MEMBER']), MASKED],
    ['staff out of scope', () => VIEWERS.communityWorkerB, MASKED],
  ])('%s sees the right fields', async (_who, viewer, expected) => {
    expect(dataOf(await tester.execute(QUERY, { id: residentId }, viewer()))).toEqual({ resident: expected });
  });

  it('gives anonymous callers UNAUTHENTICATED, and analysts no row about a person', async () => {
    expectError(await tester.execute(QUERY, { id: residentId }), unauthenticated());
    expectError(await tester.execute(QUERY, { id: residentId }, VIEWERS.analyst), readResidentAsAnalyst());
  });

  it('answers `me` with the viewer’s own record', async () => {
    expect(dataOf(await tester.execute(`{ me { ${PERSON} } }`, {}, residentViewer(residentId)))).toEqual({ me: FULL });
    expect(dataOf(await tester.execute(`{ me { name } }`, {}, VIEWERS.communityWorkerA))).toEqual({ me: null });
  });
});

describe('Resident entities', () => {
  const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Resident { id ${PERSON} } } }`;

  it('resolves references with the same masking, one query for all', async () => {
    const otherId = await registerResident(tester, { householdId: (await tester.models.Resident.findById(residentId).lean())!.householdId!.toHexString(), name: '赵雪' });
    tester.commands.reset();
    const representations = [residentId, otherId, STRANGER_ID].map((id) => ({ __typename: 'Resident', id }));
    const result = await tester.execute(ENTITIES, { representations }, VIEWERS.communityWorkerB);
    expect(dataOf(result)).toEqual({
      _entities: [
        { id: residentId, ...MASKED },
        { id: otherId, name: '赵*', phone: null, idNumber: null, specialCare: null, piiMasked: true, gender: null, birthYear: null, household: null },
        null,
      ],
    });
    expect(tester.commands.entries()).toEqual([{ name: 'find', collection: 'residents' }]);
  });

  it('resolves no reference for an analyst, who reads no row about a person', async () => {
    const result = await tester.execute(ENTITIES, { representations: [{ __typename: 'Resident', id: residentId }] }, VIEWERS.analyst);
    expect(dataOf(result)).toEqual({ _entities: [null] });
  });

  it('refuses anonymous callers', async () => {
    const result = await tester.execute(ENTITIES, { representations: [{ __typename: 'Resident', id: residentId }] });
    expect(result.errors.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
