import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@civic/service-kit';
import { aWorld, commandCounts, expectError, repeatRace, RACE_TIMEOUT, startStack, type Stack, type World } from '@civic/test-harness';
import type { Models, PersonalDataReadDocument } from '../src/models/index.ts';
import { listDataReadsNotResident, readAccessLogNotSupervisor, readResidentAsAnalyst } from '../src/errors.ts';
import { residentsSubgraph } from '../src/subgraph.ts';
import { organisationsSubgraph } from '@civic/organisations';

// The access log through the gateway: which answers leave an entry, with which facts, and who
// reads the log.
const clock = new ManualClock(new Date('2026-11-30T02:00:00.000Z'));
const PHONE = 'query($id: ID!) { resident(id: $id) { phone } }';
const SENSITIVE = 'query($id: ID!) { resident(id: $id) { phone idNumber specialCare piiMasked } }';
const READS = `{ totalCount edges { node { resident { id } fields readerSubject readerRoles readerScope department requestId purpose at } } }`;
let stack: Stack;
let world: World;
let models: Models;
let gridId: string;
let householdId: string;
let residentId: string;
let neighbourId: string;
let gridWorker: string;
let supervisor: string;

beforeAll(async () => {
  stack = await startStack({ clock, subgraphs: [residentsSubgraph, organisationsSubgraph] });
  world = await aWorld(stack);
  models = stack.subgraph('residents').models as unknown as Models;
  gridId = await world.aMicroGrid();
  householdId = await world.aHousehold(gridId, { building: '3栋', unit: '2单元', room: '401' });
  residentId = await world.aResident(householdId, { name: '王桂兰', phone: '13812345678', idNumber: '320105198001010015', specialCare: ['ILLNESS_POVERTY'] });
  neighbourId = await world.aResident(await world.aHousehold(gridId), { name: '李志强', phone: '13987654321' });
  gridWorker = await stack.token({ subject: 'staff:zhou', roles: ['GRID_WORKER'], scope: [world.communityId] });
  supervisor = await stack.token({ subject: 'staff:chen', roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
}, 120_000);
afterAll(() => stack.stop());

async function must<T>(query: string, variables: Record<string, unknown>, options: { token: string; requestId?: string; purpose?: string }): Promise<T> {
  const response = await stack.query<T>(query, variables, options);
  expect(response.errors).toEqual([]);
  return response.data!;
}

/** The log's entries of one request, as stored, without their ids. */
async function entriesOf(requestId: string): Promise<Omit<PersonalDataReadDocument, '_id'>[]> {
  const entries = await models.PersonalDataRead.find({ requestId }, { _id: 0 }).sort({ residentId: 1 }).lean();
  return entries as Omit<PersonalDataReadDocument, '_id'>[];
}

const objectIdText = (entries: { residentId: unknown; residentOrganisationPath: unknown[] }[]) =>
  entries.map((entry) => ({ ...entry, residentId: String(entry.residentId), residentOrganisationPath: entry.residentOrganisationPath.map(String) }));

describe('what is recorded', () => {
  it('records a staff read of a phone with the stated purpose: exactly one entry with its facts', async () => {
    const data = await must<{ resident: { phone: string } }>(PHONE, { id: residentId }, { token: gridWorker, requestId: 'log-phone-1', purpose: ' 入户走访核实困难补助 ' });
    expect(data.resident.phone).toBe('13812345678');
    const path = (await models.Resident.findById(residentId, { organisationPath: 1 }).lean())!.organisationPath.map(String);
    expect(objectIdText(await entriesOf('log-phone-1'))).toEqual([
      {
        residentId,
        residentOrganisationPath: path,
        fields: ['PHONE'],
        readerSubject: 'staff:zhou',
        readerRoles: ['GRID_WORKER'],
        readerScope: [world.communityId],
        department: 'residents',
        requestId: 'log-phone-1',
        purpose: '入户走访核实困难补助',
        at: new Date('2026-11-30T02:00:00.000Z'),
        eventId: null,
      },
    ]);
  });

  it('records every sensitive field one answer held in one entry, and a read without a purpose as not stated', async () => {
    const data = await must<{ resident: unknown }>(SENSITIVE, { id: residentId }, { token: gridWorker, requestId: 'log-all-1' });
    expect(data.resident).toEqual({ phone: '13812345678', idNumber: '320105198001010015', specialCare: ['ILLNESS_POVERTY'], piiMasked: false });
    const entries = await entriesOf('log-all-1');
    expect(entries.map((entry) => ({ fields: entry.fields, purpose: entry.purpose }))).toEqual([{ fields: ['ID_NUMBER', 'PHONE', 'SPECIAL_CARE'], purpose: null }]);
  });

  it('records nothing for a masked answer (another resident, staff out of scope) nor for an analyst, who reads no resident', async () => {
    const neighbour = await stack.token({ roles: ['RESIDENT'], residentId: neighbourId });
    const outOfScope = await stack.token({ subject: 'staff:elsewhere', roles: ['STREET_ADMIN'], scope: ['6650a00000000000000000ff'] });
    for (const [token, requestId] of [[neighbour, 'log-masked-1'], [outOfScope, 'log-masked-2']] as const) {
      const data = await must<{ resident: { phone: string; piiMasked: boolean } }>(SENSITIVE, { id: residentId }, { token, requestId, purpose: '好奇' });
      expect({ phone: data.resident.phone, piiMasked: data.resident.piiMasked }).toEqual({ phone: '138****5678', piiMasked: true });
      expect(await entriesOf(requestId)).toEqual([]);
    }
    const analyst = await stack.token({ subject: 'analyst:1', roles: ['ANALYST'] });
    const refused = await stack.query(SENSITIVE, { id: residentId }, { token: analyst, requestId: 'log-masked-3', purpose: '好奇' });
    expectError(refused, readResidentAsAnalyst());
    expect(await entriesOf('log-masked-3')).toEqual([]);
  });

  it('records nothing when the resident reads their own data, address included', async () => {
    const own = await stack.token({ roles: ['RESIDENT'], residentId });
    const data = await must<{ me: unknown }>('{ me { phone idNumber specialCare household { room members { phone } } } }', {}, { token: own, requestId: 'log-own-1' });
    expect(data.me).toEqual({ phone: '13812345678', idNumber: '320105198001010015', specialCare: ['ILLNESS_POVERTY'], household: { room: '401', members: [{ phone: '13812345678' }] } });
    expect(await entriesOf('log-own-1')).toEqual([]);
  });

  it('records a listing of 3 residents’ phones as 3 entries, written with one insert', async () => {
    const listed = await world.aMicroGrid();
    const phones = ['13700000001', '13700000002', '13700000003'];
    const ids = [];
    for (const phone of phones) ids.push(await world.aResident(await world.aHousehold(listed), { phone }));
    stack.resetCommands();
    const data = await must<{ grid: { residents: { edges: { node: { id: string; phone: string } }[] } } }>(
      'query($id: ID!) { grid(id: $id) { residents(first: 10) { edges { node { id phone } } } } }',
      { id: listed },
      { token: gridWorker, requestId: 'log-list-1', purpose: '网格排查' },
    );
    expect(data.grid.residents.edges.map((edge) => edge.node.phone).sort()).toEqual(phones);
    expect(commandCounts(stack.commands().residents!)['insert personalDataReads']).toBe(1);
    const entries = await entriesOf('log-list-1');
    expect(entries.map((entry) => [String(entry.residentId), entry.fields, entry.purpose])).toEqual([...ids].sort().map((id) => [id, ['PHONE'], '网格排查']));
  });

  it('records a household room read by staff as each member’s address', async () => {
    const second = await world.aResident(householdId, { name: '王建国' });
    const data = await must<{ household: { room: string } }>('query($id: ID!) { household(id: $id) { room } }', { id: householdId }, { token: gridWorker, requestId: 'log-room-1' });
    expect(data.household.room).toBe('401');
    const entries = await entriesOf('log-room-1');
    expect(entries.map((entry) => [String(entry.residentId), entry.fields])).toEqual([residentId, second].sort().map((id) => [id, ['ADDRESS']]));
  });
});

it('shows the entries logged on the residents service’s /metrics', async () => {
  const before = await models.PersonalDataRead.countDocuments();
  await must(PHONE, { id: neighbourId }, { token: gridWorker, requestId: 'log-metrics-1' });
  const metrics = await (await fetch(stack.subgraph('residents').url.replace(/\/graphql$/, '/metrics'))).text();
  expect(metrics.split('\n').filter((line) => line.startsWith('civic_personal_data_reads_logged'))).toEqual([`civic_personal_data_reads_logged{service="residents"} ${before + 1}`]);
});

describe('who reads the log', () => {
  interface ReadsPage {
    totalCount: number;
    edges: { node: { resident: { id: string }; fields: string[]; readerSubject: string; purpose: string | null; requestId: string; at: string } }[];
  }

  it('lets the resident list who read their data, newest first, and nobody else', async () => {
    const watched = await world.aResident(await world.aHousehold(gridId), { name: '赵丽华', phone: '13600000001' });
    clock.set(new Date('2026-11-30T03:00:00.000Z'));
    await must(PHONE, { id: watched }, { token: gridWorker, requestId: 'log-mine-1', purpose: '核实联系方式' });
    clock.set(new Date('2026-11-30T04:00:00.000Z'));
    await must(PHONE, { id: watched }, { token: supervisor, requestId: 'log-mine-2' });
    const own = await stack.token({ roles: ['RESIDENT'], residentId: watched });
    const mine = await must<{ myDataReads: ReadsPage }>(`{ myDataReads(first: 10) ${READS} }`, {}, { token: own });
    expect(mine.myDataReads).toEqual({
      totalCount: 2,
      edges: [
        { node: { resident: { id: watched }, fields: ['PHONE'], readerSubject: 'staff:chen', readerRoles: ['COMMUNITY_WORKER'], readerScope: [world.communityId], department: 'residents', requestId: 'log-mine-2', purpose: null, at: '2026-11-30T04:00:00.000Z' } },
        { node: { resident: { id: watched }, fields: ['PHONE'], readerSubject: 'staff:zhou', readerRoles: ['GRID_WORKER'], readerScope: [world.communityId], department: 'residents', requestId: 'log-mine-1', purpose: '核实联系方式', at: '2026-11-30T03:00:00.000Z' } },
      ],
    });

    const neighbour = await stack.token({ roles: ['RESIDENT'], residentId: neighbourId });
    const theirs = await must<{ myDataReads: ReadsPage }>(`{ myDataReads(first: 10) ${READS} }`, {}, { token: neighbour });
    expect(theirs.myDataReads.edges.filter((edge) => edge.node.resident.id === watched)).toEqual([]);
    expectError(await stack.query(`query($id: ID!) { personalDataReads(filter: { residentId: $id }) ${READS} }`, { id: watched }, { token: neighbour }), readAccessLogNotSupervisor());
    expectError(await stack.query(`{ myDataReads ${READS} }`, {}, { token: supervisor }), listDataReadsNotResident());
  });

  it('gives supervisors the log of their subtree, filtered by resident, reader and time; others are refused', async () => {
    const subject = await world.aResident(await world.aHousehold(gridId), { name: '孙海燕', phone: '13600000002' });
    clock.set(new Date('2026-11-30T05:00:00.000Z'));
    await must(PHONE, { id: subject }, { token: gridWorker, requestId: 'log-sup-1', purpose: '走访' });
    clock.set(new Date('2026-11-30T06:00:00.000Z'));
    await must(PHONE, { id: subject }, { token: supervisor, requestId: 'log-sup-2' });
    const query = `query($filter: PersonalDataReadFilter) { personalDataReads(filter: $filter, first: 10) ${READS} }`;
    const ofSubject = (filter: Record<string, unknown>) => must<{ personalDataReads: ReadsPage }>(query, { filter: { residentId: subject, ...filter } }, { token: supervisor });
    const requestIds = (page: { personalDataReads: ReadsPage }) => page.personalDataReads.edges.map((edge) => edge.node.requestId);

    expect(requestIds(await ofSubject({}))).toEqual(['log-sup-2', 'log-sup-1']);
    expect(requestIds(await ofSubject({ readerSubject: 'staff:zhou' }))).toEqual(['log-sup-1']);
    expect(requestIds(await ofSubject({ since: '2026-11-30T06:00:00.000Z' }))).toEqual(['log-sup-2']);
    expect(requestIds(await ofSubject({ until: '2026-11-30T06:00:00.000Z' }))).toEqual(['log-sup-1']);
    expect(requestIds(await ofSubject({ organisationId: world.communityId }))).toEqual(['log-sup-2', 'log-sup-1']);

    const street = await stack.token({ subject: 'staff:street', roles: ['STREET_ADMIN'], scope: [world.streetId] });
    expect(requestIds(await must<{ personalDataReads: ReadsPage }>(query, { filter: { residentId: subject } }, { token: street }))).toEqual(['log-sup-2', 'log-sup-1']);
    const elsewhere = await stack.token({ subject: 'staff:elsewhere', roles: ['COMMUNITY_WORKER'], scope: ['6650a00000000000000000ff'] });
    expect((await must<{ personalDataReads: ReadsPage }>(query, { filter: {} }, { token: elsewhere })).personalDataReads).toEqual({ totalCount: 0, edges: [] });

    expectError(await stack.query(query, { filter: {} }, { token: gridWorker }), readAccessLogNotSupervisor());
    expectError(await stack.query(query, { filter: {} }, { token: await stack.token({ subject: 'analyst:1', roles: ['ANALYST'] }) }), readAccessLogNotSupervisor());
    const anonymous = await stack.query(query, { filter: {} });
    expect(anonymous.errors.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

it(
  'loses no entry in a burst of concurrent reads',
  async () => {
    await repeatRace(async (round) => {
      const grid = await world.aMicroGrid();
      const ids: string[] = [];
      for (let n = 0; n < 3; n++) ids.push(await world.aResident(await world.aHousehold(grid), { phone: `1350000${String(round).padStart(2, '0')}0${n}` }));
      const requests = Array.from({ length: 12 }, (_, n) => `log-burst-${round}-${n}`);
      const answers = await Promise.all(
        requests.map((requestId, n) =>
          stack.query<{ grid: { residents: { edges: { node: { phone: string } }[] } } }>(
            n % 2 === 0 ? 'query($id: ID!) { grid(id: $id) { residents(first: 10) { edges { node { phone } } } } }' : 'query($id: ID!) { grid(id: $id) { residents(first: 10) { edges { node { phone idNumber } } } } }',
            { id: grid },
            { token: gridWorker, requestId, purpose: '并发核查' },
          ),
        ),
      );
      expect(answers.map((answer) => answer.errors)).toEqual(requests.map(() => []));
      const logged = await models.PersonalDataRead.find({ requestId: { $in: requests } }, { requestId: 1, residentId: 1 }).lean();
      const perRequest = requests.map((requestId) => logged.filter((entry) => entry.requestId === requestId).map((entry) => String(entry.residentId)).sort());
      expect(perRequest).toEqual(requests.map(() => [...ids].sort()));
    });
  },
  RACE_TIMEOUT,
);
