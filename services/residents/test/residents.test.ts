import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphTester, RACE_TIMEOUT, repeatRace, expectError, summaryOf } from '@civic/test-harness';
import { ManualClock, invalidTransition, unauthenticated, emptyText, notWholeNumberInRange } from '@civic/service-kit';
import { residentsSubgraph } from '../src/subgraph.ts';
import { idNumberCheckCharacter } from '../src/domain/contact-numbers.ts';
import { createHousehold, dataOf, errorOf, registerResident, type Tester } from './support/operations.ts';
import { GRID, ORG, organisationsGraph, residentViewer, STRANGER_ID, VIEWERS } from './support/world.ts';
import { birthYearContradictsIdNumber, changeOwnFact, decideVerificationOutOfScope, idNumberCheckDigitWrong, idNumberTaken, moveIntoHouseholdOutOfScope, nothingToVerify, phoneNotMobile, registerResidentOutOfScope, updateAnotherResident } from '../src/errors.ts';

const REGISTER = `mutation($input: RegisterResidentInput!) {
  registerResident(input: $input) { id name gender birthYear phone idNumber verificationStatus specialCare piiMasked grid { id } community { id } household { room } createdAt }
}`;
const UPDATE = 'mutation($input: UpdateResidentInput!) { updateResident(input: $input) { name phone birthYear verificationStatus updatedAt } }';
const VERIFY = 'mutation($residentId: ID!, $action: RealNameAction!) { verifyRealName(residentId: $residentId, action: $action) { verificationStatus } }';

let tester: Tester;
const clock = new ManualClock(new Date('2025-03-01T02:00:00Z'));
let householdA: string;
let householdB: string;

beforeAll(async () => {
  tester = await createSubgraphTester(residentsSubgraph, { graph: organisationsGraph(), clock });
  householdA = await createHousehold(tester, { gridId: GRID.microA, building: '3栋', unit: '2单元', room: '301' });
  householdB = await createHousehold(tester, { gridId: GRID.microB, building: '8栋', unit: '1单元', room: '602' }, VIEWERS.communityWorkerB);
});
afterAll(() => tester.close());

describe('registerResident', () => {
  it('normalises the input, fills facts from the ID number and copies the household place', async () => {
    const input = { householdId: householdA, name: ' 赵小明 ', phone: '+86 138-1234-5678', idNumber: '320105198001010015', specialCare: ['RENTER'] };
    const result = dataOf<{ registerResident: Record<string, unknown> }>(await tester.execute(REGISTER, { input }, VIEWERS.communityWorkerA));
    expect(result.registerResident).toEqual({
      id: result.registerResident.id,
      name: '赵小明',
      gender: 'MALE',
      birthYear: 1980,
      phone: '13812345678',
      idNumber: '320105198001010015',
      verificationStatus: 'UNVERIFIED',
      specialCare: ['RENTER'],
      piiMasked: false,
      grid: { id: GRID.microA },
      community: { id: ORG.communityA },
      household: { room: '301' },
      createdAt: new Date('2025-03-01T02:00:00.000Z'),
    });
  });

  it.each([
    [{ name: '钱芳', phone: '12345' }, phoneNotMobile('phone')],
    [{ name: '钱芳', idNumber: '320105198001010016' }, idNumberCheckDigitWrong('idNumber')],
    [{ name: '钱芳', birthYear: 1850 }, notWholeNumberInRange('birthYear', 1900, 2025)],
    [{ name: '钱芳', birthYear: 1990, idNumber: '320105198001010023' }, birthYearContradictsIdNumber(1990, 1980)],
    [{ name: '  ' }, emptyText('name')],
  ])('refuses %o with BAD_USER_INPUT, writing nothing', async (fields, expected) => {
    const before = await tester.models.Resident.countDocuments();
    const result = await tester.execute(REGISTER, { input: { householdId: householdA, ...fields } }, VIEWERS.streetAdminA);
    expectError(result, expected);
    expect(await tester.models.Resident.countDocuments()).toBe(before);
  });

  it('refuses a second resident with the same ID number', async () => {
    await registerResident(tester, { householdId: householdA, name: '孙丽', idNumber: '320106199002200049' });
    const before = await tester.models.Resident.countDocuments();
    const result = await tester.execute(REGISTER, { input: { householdId: householdA, name: '孙莉', idNumber: '320106199002200049' } }, VIEWERS.streetAdminA);
    expectError(result, idNumberTaken());
    expect(await tester.models.Resident.countDocuments()).toBe(before);
  });

  it('lets many residents go without an ID number', async () => {
    const first = await registerResident(tester, { householdId: householdA, name: '李一' });
    const second = await registerResident(tester, { householdId: householdA, name: '李二' });
    expect(await tester.models.Resident.countDocuments({ _id: { $in: [first, second] }, idNumber: { $exists: false } })).toBe(2);
  });

  it('refuses staff out of scope, residents and anonymous callers', async () => {
    const before = await tester.models.Resident.countDocuments();
    const input = { householdId: householdA, name: '周杰' };
    expectError(await tester.execute(REGISTER, { input }, VIEWERS.communityWorkerB), registerResidentOutOfScope());
    expectError(await tester.execute(REGISTER, { input }, residentViewer(STRANGER_ID)), registerResidentOutOfScope());
    expectError(await tester.execute(REGISTER, { input }), unauthenticated());
    expect(await tester.models.Resident.countDocuments()).toBe(before);
  });
});

describe('updateResident', () => {
  let residentId: string;

  beforeAll(async () => {
    residentId = await registerResident(tester, { householdId: householdA, name: '吴敏', idNumber: '320106197508081236', phone: '13900001111' });
    dataOf(await tester.execute(VERIFY, { residentId, action: 'SUBMIT' }, residentViewer(residentId)));
    dataOf(await tester.execute(VERIFY, { residentId, action: 'APPROVE' }, VIEWERS.communityWorkerA));
  });

  it('lets the resident change their own phone, keeping the verification', async () => {
    clock.advance(60_000);
    const result = await tester.execute(UPDATE, { input: { id: residentId, phone: '159 0000 2222' } }, residentViewer(residentId));
    expect(dataOf(result)).toEqual({
      updateResident: { name: '吴敏', phone: '15900002222', birthYear: 1975, verificationStatus: 'VERIFIED', updatedAt: new Date('2025-03-01T02:01:00.000Z') },
    });
  });

  it('refuses the resident changing their own name', async () => {
    const result = await tester.execute(UPDATE, { input: { id: residentId, name: '吴明' } }, residentViewer(residentId));
    expectError(result, changeOwnFact('name'));
    expect((await tester.models.Resident.findById(residentId).lean())?.name).toBe('吴敏');
  });

  it('starts verification over when staff change the name', async () => {
    const result = await tester.execute(UPDATE, { input: { id: residentId, name: '吴明' } }, VIEWERS.communityWorkerA);
    expect(dataOf(result)).toEqual({
      updateResident: { name: '吴明', phone: '15900002222', birthYear: 1975, verificationStatus: 'UNVERIFIED', updatedAt: new Date('2025-03-01T02:01:00.000Z') },
    });
  });

  it('refuses other residents and staff out of scope', async () => {
    expectError(await tester.execute(UPDATE, { input: { id: residentId, phone: '13900003333' } }, residentViewer(STRANGER_ID)), updateAnotherResident());
    expectError(await tester.execute(UPDATE, { input: { id: residentId, phone: '13900003333' } }, VIEWERS.communityWorkerB), updateAnotherResident());
  });
});

describe('verifyRealName', () => {
  it('moves UNVERIFIED → PENDING → VERIFIED and refuses a decision on a decided request', async () => {
    const residentId = await registerResident(tester, { householdId: householdA, name: '冯娟', idNumber: '11010519491231002X' });
    expect(dataOf(await tester.execute(VERIFY, { residentId, action: 'SUBMIT' }, residentViewer(residentId)))).toEqual({
      verifyRealName: { verificationStatus: 'PENDING' },
    });
    expectError(await tester.execute(VERIFY, { residentId, action: 'APPROVE' }, residentViewer(residentId)), decideVerificationOutOfScope());
    expect(dataOf(await tester.execute(VERIFY, { residentId, action: 'APPROVE' }, VIEWERS.communityWorkerA))).toEqual({
      verifyRealName: { verificationStatus: 'VERIFIED' },
    });
    expectError(await tester.execute(VERIFY, { residentId, action: 'REJECT' }, VIEWERS.communityWorkerA), invalidTransition('Resident', 'VERIFIED', 'REJECT'));
    expect((await tester.models.Resident.findById(residentId).lean())?.verificationStatus).toBe('VERIFIED');
  });

  it('lets one of concurrent submissions and then one of concurrent decisions through, round after round', async () => {
    const otherWorker = { ...VIEWERS.communityWorkerA, subject: 'staff:community-a-2' };
    await repeatRace(async (round) => {
      const first17 = `32010519750615${String(round).padStart(3, '0')}`;
      const residentId = await registerResident(tester, { householdId: householdA, name: '卫红', idNumber: first17 + idNumberCheckCharacter(first17) });
      const refusal = (status: string, action: string) => summaryOf(invalidTransition('Resident', status, action));

      // The resident and two staff members submit at once, each twice: one submission is taken.
      const submitters = [residentViewer(residentId), VIEWERS.communityWorkerA, otherWorker];
      const submitted = await Promise.all([...submitters, ...submitters].map((viewer) => tester.execute(VERIFY, { residentId, action: 'SUBMIT' }, viewer)));
      expect(submitted.filter((result) => result.errors.length === 0).map((result) => result.data)).toEqual([{ verifyRealName: { verificationStatus: 'PENDING' } }]);
      expect(submitted.filter((result) => result.errors.length > 0).map(errorOf)).toEqual(Array.from({ length: 5 }, () => refusal('PENDING', 'SUBMIT')));

      // Staff approve and reject at once: one decision is taken, and every other one is refused against it.
      const actions = ['APPROVE', 'REJECT', 'APPROVE', 'REJECT', 'APPROVE', 'REJECT'];
      const decided = await Promise.all(actions.map((action, index) => tester.execute(VERIFY, { residentId, action }, index % 2 === 0 ? VIEWERS.communityWorkerA : otherWorker)));
      const taken = decided.flatMap((result, index) => (result.errors.length === 0 ? [actions[index]!] : []));
      expect(taken.length).toBe(1);
      const final = taken[0] === 'APPROVE' ? 'VERIFIED' : 'UNVERIFIED';
      expect(decided.filter((result) => result.errors.length === 0).map((result) => result.data)).toEqual([{ verifyRealName: { verificationStatus: final } }]);
      const refused = decided.flatMap((result, index) => (result.errors.length > 0 ? [[actions[index]!, errorOf(result)]] : []));
      expect(refused).toEqual(refused.map(([action]) => [action, refusal(final, action as string)]));
      expect((await tester.models.Resident.findById(residentId).lean())?.verificationStatus).toBe(final);
    });
  }, RACE_TIMEOUT);

  it('needs an ID number before submitting', async () => {
    const residentId = await registerResident(tester, { householdId: householdA, name: '陈静' });
    expectError(await tester.execute(VERIFY, { residentId, action: 'SUBMIT' }, residentViewer(residentId)), nothingToVerify());
  });
});

describe('moveResidentToHousehold', () => {
  const MOVE = 'mutation($residentId: ID!, $householdId: ID!) { moveResidentToHousehold(residentId: $residentId, householdId: $householdId) { grid { id } community { id } } }';

  it('needs staff covering both households, and copies the new place', async () => {
    const residentId = await registerResident(tester, { householdId: householdA, name: '褚建国' });
    expectError(await tester.execute(MOVE, { residentId, householdId: householdB }, VIEWERS.communityWorkerA), moveIntoHouseholdOutOfScope());
    const district = { subject: 'staff:district', residentId: null, roles: ['DISTRICT_ADMIN' as const], scope: [ORG.district] };
    expect(dataOf(await tester.execute(MOVE, { residentId, householdId: householdB }, district))).toEqual({
      moveResidentToHousehold: { grid: { id: GRID.microB }, community: { id: ORG.communityB } },
    });
    const stored = await tester.models.Resident.findById(residentId).lean();
    expect(stored?.organisationPath.map(String)).toEqual([ORG.district, ORG.streetB, ORG.communityB]);
  });
});
