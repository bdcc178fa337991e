import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newEvent, UnapplicableEvent, type AnyCivicEvent, type PersonalDataField } from '@civic/events';
import { createLogger, disconnectedGraphClient, inTransaction, ManualClock } from '@civic/service-kit';
import { createSubgraphTester } from '@civic/test-harness';
import { Types } from 'mongoose';
import { residentsSubgraph } from '../src/subgraph.ts';
import { accessLogConsumer } from '../src/consumers/access-log-consumer.ts';
import { createHousehold, registerResident, type Tester } from './support/operations.ts';
import { GRID, organisationsGraph } from './support/world.ts';

// The consumer as the event runner calls it: `apply` inside a transaction on the real database.
let tester: Tester;
let residentId: string;
const clock = new ManualClock(new Date('2026-11-30T02:00:00Z'));

beforeAll(async () => {
  tester = await createSubgraphTester(residentsSubgraph, { graph: organisationsGraph(), clock });
  residentId = await registerResident(tester, { householdId: await createHousehold(tester, { gridId: GRID.microA, building: '3栋', unit: '1单元', room: '502' }), name: '周海燕' });
});
afterAll(() => tester.close());

function apply(event: AnyCivicEvent): Promise<void> {
  const services = { models: tester.models, clock, logger: createLogger('residents', 'silent'), graph: disconnectedGraphClient };
  return inTransaction(tester.models.PersonalDataRead.db, (session) => accessLogConsumer.apply(event, services, session));
}

function aRead(residentOf: string, fields: PersonalDataField[] = ['DISBURSEMENTS_RECEIVED']) {
  const facts = { residentId: residentOf, fields, readerSubject: 'staff:li-hong', readerRoles: ['COMMUNITY_WORKER'], readerScope: ['6650a00000000000000000c1'], purpose: '年度审计' };
  return newEvent('personalData.read', facts, new Date('2026-11-29T08:00:00Z'), 'req-fund-1') as AnyCivicEvent;
}

describe('the residents-access-log consumer', () => {
  it('listens to the reads other departments tell of', () => {
    expect([accessLogConsumer.name, accessLogConsumer.kinds]).toEqual(['residents-access-log', ['personalData.read']]);
  });

  it('appends one entry per event, however often it is applied, under the resident’s path as it is now', async () => {
    const event = aRead(residentId);
    await apply(event);
    await apply(event);
    const resident = (await tester.models.Resident.findById(residentId).lean())!;
    const entries = await tester.models.PersonalDataRead.find({ residentId: new Types.ObjectId(residentId) }, { _id: 0 }).lean();
    expect(entries).toEqual([
      {
        residentId: new Types.ObjectId(residentId),
        residentOrganisationPath: resident.organisationPath,
        fields: ['DISBURSEMENTS_RECEIVED'],
        readerSubject: 'staff:li-hong',
        readerRoles: ['COMMUNITY_WORKER'],
        readerScope: ['6650a00000000000000000c1'],
        department: 'resources',
        requestId: 'req-fund-1',
        purpose: '年度审计',
        at: new Date('2026-11-29T08:00:00Z'),
        eventId: event.id,
      },
    ]);
  });

  it('parks an event about an unknown resident, or of fields the log does not know', async () => {
    await expect(apply(aRead('6650a00000000000000000ee'))).rejects.toEqual(new UnapplicableEvent('resident 6650a00000000000000000ee is unknown'));
    await expect(apply(aRead(residentId, ['SHOE_SIZE' as PersonalDataField]))).rejects.toEqual(new UnapplicableEvent('fields SHOE_SIZE are not the log’s'));
    await expect(apply(aRead(residentId, []))).rejects.toEqual(new UnapplicableEvent('fields  are not the log’s'));
  });
});
