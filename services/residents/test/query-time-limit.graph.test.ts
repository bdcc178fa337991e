import { Types } from 'mongoose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiDatabaseSettings, queryTimeout } from '@civic/service-kit';
import { startStack, type Stack, summaryOf } from '@civic/test-harness';
import { organisationsSubgraph } from '@civic/organisations';
import { residentsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';

// One request cannot hold the database: the server stops a query at the read limit, and the client
// is told so (QUERY_TIMEOUT with the limit) instead of getting an internal error.
const READ_LIMIT_MS = 1;
const RESIDENTS = 1_500;
let stack: Stack;
let token: string;

beforeAll(async () => {
  // A limit no count of thousands of residents can meet stands in for a query too heavy for the real one.
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph], database: { ...apiDatabaseSettings(), timeLimits: { readMs: READ_LIMIT_MS, writeMs: 5_000 } } });
  const street = new Types.ObjectId();
  const community = new Types.ObjectId();
  const household = new Types.ObjectId();
  const grid = new Types.ObjectId();
  const at = new Date('2026-03-01T08:00:00.000Z');
  // Thousands of residents go in the way the seed writes them: through the service's own model.
  const { Resident } = stack.subgraph('residents').models as unknown as Models;
  await Resident.insertMany(
    Array.from({ length: RESIDENTS }, (_, n) => ({
      name: `居民${n}`,
      householdId: household,
      gridId: grid,
      communityId: community,
      organisationPath: [street, community],
      createdAt: at,
      updatedAt: at,
    })),
  );
  token = await stack.token({ roles: ['STREET_ADMIN'], scope: [street.toHexString()] });
});

afterAll(() => stack.stop());

it('answers a count that outlives the read limit with QUERY_TIMEOUT naming the limit, through the gateway', async () => {
  const response = await stack.query('{ residents(first: 0) { totalCount } }', {}, { token });
  expect(response.errors.map((error) => ({ code: error.extensions?.code, limitMs: error.extensions?.limitMs, message: error.message, path: error.path }))).toEqual([
    { ...summaryOf(queryTimeout(READ_LIMIT_MS)), limitMs: READ_LIMIT_MS, path: ['residents', 'totalCount'] },
  ]);
  expect(response.data).toBeNull();
});
