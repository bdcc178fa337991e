import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { connectServiceDatabase } from '@civic/service-kit';
import { parkedEventModel, parkEvent, type ParkedEventModel } from '@civic/events';
import { projectRoot } from '@civic/dev-platform';
import type { Connection } from 'mongoose';
import { confirmationEvent } from './support/tally-services.ts';
import '@civic/dev-platform/provided-context';

const run = promisify(execFile);
const prefix = `test_${randomBytes(4).toString('hex')}_`;
let connection: Connection;
let parked: ParkedEventModel;

beforeAll(async () => {
  ({ connection } = await connectServiceDatabase(inject('mongoUri'), `${prefix}wishes`));
  parked = parkedEventModel(connection);
});
afterAll(async () => {
  await connection.dropDatabase();
  await connection.close();
});

/** `npm run events -- <args>` as an operator runs it, on the test run's database server. */
function events(...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'infra/src/cli/events.ts', ...args, '--uri', inject('mongoUri'), '--database-prefix', prefix], { cwd: projectRoot });
}

describe('npm run events', () => {
  it('lists the parked events of every service database, with their consumer, attempts and reason', async () => {
    const event = confirmationEvent('w-parked', 2);
    await parkEvent(parked, { consumer: 'wishes-probe', event, reason: 'no such wish', attempts: 5, streamSequence: 7 }, new Date('2026-11-30T06:00:00Z'));

    const { stdout, stderr } = await events('parked');

    expect(stdout.trim().split('\n')).toEqual([['wishes', 'wishes-probe', event.id, 'wish.confirmed', 'attempts 5', '2026-11-30T06:00:00.000Z', 'no such wish'].join('\t')]);
    expect(stderr).toContain('1 parked event');
  });

  it('refuses to replay for a consumer no service runs, naming the consumers there are', async () => {
    const failure = await events('replay', 'nobody-listens', '--all').catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('no consumer named "nobody-listens"') });
  });
});
