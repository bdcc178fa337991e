import type { Viewer } from '@civic/identity';
import type { OperationResult, SubgraphTester } from '@civic/test-harness';
import type { Models } from '../../src/models/index.ts';
import { VIEWERS } from './world.ts';

/** GraphQL helpers for the residents tests: every write goes through the real mutations. */

export type Tester = SubgraphTester<Models>;

export function dataOf<T = Record<string, unknown>>(result: OperationResult): T {
  if (result.errors.length > 0 || !result.data) throw new Error(`Expected success, got ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/** The code and field of the single error a refused operation returned. */
export function errorOf(result: OperationResult): { code: unknown; field?: unknown; message: string } {
  if (result.errors.length !== 1) throw new Error(`Expected one error, got ${JSON.stringify(result.errors)}`);
  const [error] = result.errors;
  const { code, field } = error!.extensions ?? {};
  return field === undefined ? { code, message: error!.message } : { code, field, message: error!.message };
}

export async function createHousehold(
  tester: Tester,
  input: { gridId: string; building: string; unit: string; room: string },
  viewer: Viewer = VIEWERS.streetAdminA,
): Promise<string> {
  const result = await tester.execute('mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { id } }', { input }, viewer);
  return dataOf<{ createHousehold: { id: string } }>(result).createHousehold.id;
}

export interface ResidentInput {
  householdId: string;
  name: string;
  gender?: 'MALE' | 'FEMALE';
  birthYear?: number;
  phone?: string;
  idNumber?: string;
  specialCare?: string[];
}

export async function registerResident(tester: Tester, input: ResidentInput, viewer: Viewer = VIEWERS.streetAdminA): Promise<string> {
  const result = await tester.execute('mutation($input: RegisterResidentInput!) { registerResident(input: $input) { id } }', { input }, viewer);
  return dataOf<{ registerResident: { id: string } }>(result).registerResident.id;
}

export async function setPartyMembership(tester: Tester, residentId: string, branchId: string, core = false, viewer: Viewer = VIEWERS.streetAdminA) {
  const result = await tester.execute(
    'mutation($residentId: ID!, $membership: PartyMembershipInput) { setPartyMembership(residentId: $residentId, membership: $membership) { id } }',
    { residentId, membership: { branchId, kind: 'REGULAR', since: '2001-07-01T00:00:00.000Z', core } },
    viewer,
  );
  dataOf(result);
}
