import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDatabase, type DatabaseHandle } from '@civic/dev-platform';
import { databaseUnavailable } from '@civic/service-kit';
import { startStack, summaryOf, type Stack } from '@civic/test-harness';
import { organisationsSubgraph } from '@civic/organisations';
import { residentsSubgraph } from '../src/subgraph.ts';

// A database that goes away is answered at once as DATABASE_UNAVAILABLE, and the services pick up
// again by themselves when it returns: readiness says so, and queries answer as before.
// With MONGODB_URI the launcher hands out that server, which this test must not stop.
const external = Boolean(process.env.MONGODB_URI);

const COUNT = '{ residents(first: 0) { totalCount } }';

describe.skipIf(external)('a database that goes down and comes back', () => {
  let database: DatabaseHandle;
  let stack: Stack;
  let token: string;

  beforeAll(async () => {
    database = await startDatabase({ ephemeral: true });
    stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph], mongoUri: database.uri });
    const street = new Types.ObjectId();
    const { Resident } = stack.subgraph('residents').models as unknown as { Resident: { create(document: object): Promise<unknown> } };
    const at = new Date('2026-03-01T08:00:00.000Z');
    await Resident.create({ name: '王秀英', householdId: new Types.ObjectId(), gridId: new Types.ObjectId(), communityId: street, organisationPath: [street], createdAt: at, updatedAt: at });
    token = await stack.token({ roles: ['STREET_ADMIN'], scope: [street.toHexString()] });
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await database?.stop();
  });

  const readiness = async () => {
    const response = await fetch(new URL('/health/ready', stack.subgraph('residents').url));
    return { status: response.status, body: await response.json() };
  };

  it('answers DATABASE_UNAVAILABLE within 2 s while it is down, and the same answer as before once it is back', async () => {
    expect(await stack.query(COUNT, {}, { token })).toEqual({ status: 200, data: { residents: { totalCount: 1 } }, errors: [] });

    let whileDown: unknown;
    await database.restart!(async () => {
      const started = Date.now();
      const response = await stack.query(COUNT, {}, { token });
      const elapsedMs = Date.now() - started;
      whileDown = {
        withinTwoSeconds: elapsedMs < 2_000,
        errors: response.errors.map((error) => ({ ...summaryOf(error), path: error.path })),
        readiness: await readiness(),
      };
    });
    expect(whileDown).toEqual({
      withinTwoSeconds: true,
      errors: [{ ...summaryOf(databaseUnavailable()), path: ['residents', 'totalCount'] }],
      readiness: { status: 503, body: { status: 'unavailable', reason: 'database' } },
    });

    // Nobody touches the services: the driver finds the server again on its own.
    await expect.poll(readiness, { timeout: 30_000, interval: 250 }).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await stack.query(COUNT, {}, { token })).toEqual({ status: 200, data: { residents: { totalCount: 1 } }, errors: [] });
  }, 120_000);
});
