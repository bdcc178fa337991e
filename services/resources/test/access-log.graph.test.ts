import { afterAll, beforeAll, expect, it } from 'vitest';
import { ManualClock } from '@civic/service-kit';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { aWorld, OutboxReader, startStack, waitUntilApplied, waitUntilPublished, type Stack, type World } from '@civic/test-harness';
import type { OutboxModel } from '@civic/events';
import { resourcesSubgraph } from '../src/subgraph.ts';
import { aHardshipFund } from './support/graph-builders.ts';

// Disbursements received are sensitive (who gets hardship money, and why): a fund manager's read
// of them reaches the residents' access log through resources' outbox and the residents consumer.
const clock = new ManualClock(new Date('2026-11-30T02:00:00.000Z'));
const PROPOSE = 'mutation($input: ProposeDisbursementInput!){ proposeDisbursement(input: $input) { id } }';
const DISBURSEMENTS = 'query($id: ID!) { organisation(id: $id) { funds { edges { node { disbursements { edges { node { amountFen reason recipient { id } } } } } } } } }';
let stack: Stack;
let world: World;
let outbox: OutboxReader;
let manager: string;
let fundId: string;

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph, resourcesSubgraph], clock });
  world = await aWorld(stack);
  outbox = new OutboxReader(stack, 'resources');
  manager = await stack.token({ subject: 'staff:li-hong', roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
  fundId = await aHardshipFund(world, 500_000);
}, 120_000);

afterAll(() => stack.stop());

interface LoggedRead {
  residentId: unknown;
  fields: string[];
  readerSubject: string;
  readerRoles: string[];
  readerScope: string[];
  department: string;
  requestId: string | null;
  purpose: string | null;
  at: Date;
  eventId: string | null;
}

it('logs a fund manager’s read of disbursements once per recipient, through the event', async () => {
  const grid = await world.aMicroGrid();
  const first = await world.aResident(await world.aHousehold(grid), { name: '王桂兰', specialCare: ['ILLNESS_POVERTY'] });
  const second = await world.aResident(await world.aHousehold(grid), { name: '赵德明', specialCare: ['DISABLED'] });
  for (const [recipientId, reason] of [
    [first, '大病住院困难补助'],
    [first, '大病复查交通补助'],
    [second, '残疾人康复补助'],
  ] as const) {
    const proposed = await stack.query(PROPOSE, { input: { fundId, recipientId, amountFen: 50_000, reason } }, { token: manager });
    expect(proposed.errors).toEqual([]);
  }
  await outbox.newEvents();

  const read = await stack.query<{ organisation: { funds: { edges: { node: { disbursements: { edges: { node: { recipient: { id: string } } }[] } } }[] } } }>(
    DISBURSEMENTS,
    { id: world.communityId },
    { token: manager, requestId: 'fund-read-1', purpose: '年度帮扶资金审计' },
  );
  expect(read.errors).toEqual([]);
  expect(read.data!.organisation.funds.edges[0]!.node.disbursements.edges.map((edge) => edge.node.recipient.id)).toEqual([first, first, second]);

  const told = { fields: ['DISBURSEMENTS_RECEIVED'], readerSubject: 'staff:li-hong', readerRoles: ['COMMUNITY_WORKER'], readerScope: [world.communityId], purpose: '年度帮扶资金审计' };
  expect(await outbox.newEvents()).toEqual([
    { kind: 'personalData.read', source: 'resources', occurredAt: '2026-11-30T02:00:00.000Z', requestId: 'fund-read-1', facts: { residentId: first, ...told } },
    { kind: 'personalData.read', source: 'resources', occurredAt: '2026-11-30T02:00:00.000Z', requestId: 'fund-read-1', facts: { residentId: second, ...told } },
  ]);

  const resources = stack.subgraph('resources');
  await waitUntilPublished(resources);
  const events = (await (resources.models as unknown as { Outbox: OutboxModel }).Outbox.find({ 'event.requestId': 'fund-read-1' }, { event: 1 }).lean()).map((entry) => entry.event);
  const residents = stack.subgraph('residents');
  await waitUntilApplied(
    residents,
    'residents-access-log',
    events.map((event) => event.id),
  );
  const log = (residents.models as unknown as { PersonalDataRead: { find(filter: object, projection: object): { lean(): Promise<LoggedRead[]> } } }).PersonalDataRead;
  const entries = await log.find({ requestId: 'fund-read-1' }, { _id: 0, residentOrganisationPath: 0 }).lean();
  const byEvent = (a: { eventId: string | null }, b: { eventId: string | null }) => String(a.eventId).localeCompare(String(b.eventId));
  expect(entries.map((entry) => ({ ...entry, residentId: String(entry.residentId) })).sort(byEvent)).toEqual(
    events
      .map((event) => ({
        residentId: (event.facts as { residentId: string }).residentId,
        ...told,
        department: 'resources',
        requestId: 'fund-read-1',
        at: new Date('2026-11-30T02:00:00.000Z'),
        eventId: event.id,
      }))
      .sort(byEvent),
  );

  const own = await stack.token({ roles: ['RESIDENT'], residentId: second });
  const mine = await stack.query<{ myDataReads: { edges: { node: { fields: string[]; department: string; purpose: string } }[] } }>(
    '{ myDataReads(first: 5) { edges { node { fields department purpose } } } }',
    {},
    { token: own },
  );
  expect(mine.data!.myDataReads.edges.map((edge) => edge.node)).toEqual([{ fields: ['DISBURSEMENTS_RECEIVED'], department: 'resources', purpose: '年度帮扶资金审计' }]);
});

it('tells nothing when no recipient is selected', async () => {
  await outbox.newEvents();
  const read = await stack.query('query($id: ID!) { organisation(id: $id) { funds { edges { node { disbursements { edges { node { amountFen } } } } } } } }', { id: world.communityId }, { token: manager, requestId: 'fund-read-2' });
  expect(read.errors).toEqual([]);
  expect(await outbox.newEvents()).toEqual([]);
});
