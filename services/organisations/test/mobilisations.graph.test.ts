import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { emptyText, invalidInput, ManualClock, unauthenticated } from '@civic/service-kit';
import { aWorld, loadLocalSubgraphs, startStack, summaryOf, type ErrorWithExtensions, type Stack, type World } from '@civic/test-harness';
import { organisationsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import {
  closeMobilisationOutOfScope,
  gridWithoutHouseholds,
  householdNotInMobilisation,
  mobilisationAlreadyActive,
  mobilisationNotActive,
  notAMicroGrid,
  readCommunityMobilisationsOutOfScope,
  readMobilisationOutOfScope,
  recordVisitOutOfScope,
  responsibleLivesElsewhere,
  startMobilisationOutOfScope,
} from '../src/errors.ts';

// Mobilisations through the gateway, against the residents department's real households: who may
// start, visit and read one, every refusal writing nothing, and visitors racing on one mobilisation.
const START = new Date('2030-09-01T01:00:00.000Z');
const MINUTE = 60_000;
const clock = new ManualClock(START);
let stack: Stack;
let world: World;
let gridId: string;
let households: string[];
let neighbourId: string;
let workerToken: string;
let neighbourToken: string;
/** A grid worker whose account names the resident they are, as a recorder. */
let residentWorkerId: string;
let residentWorkerToken: string;

const START_MOBILISATION = 'mutation($input: StartMobilisationInput!) { startMobilisation(input: $input) { id status startedAt deadline coverage { households unvisited } } }';
const VISIT = 'mutation($input: RecordHouseholdVisitInput!) { recordHouseholdVisit(input: $input) { status coverage { reached notAtHome refused unvisited share } } }';
const CLOSE = 'mutation($id: ID!) { closeMobilisation(id: $id) { status closedAt } }';
const READ = 'query($id: ID!) { mobilisation(id: $id) { status coverage { reached notAtHome unvisited } visits { totalCount edges { node { household { id } outcome at } } } } }';
const RECORDERS = 'query($id: ID!) { mobilisation(id: $id) { visits { edges { node { outcome at recordedBy { id } } } } } }';

beforeAll(async () => {
  // residents is in the stack because this SDL @requires where a resident lives, and it lists the grid's households.
  const residents = (await loadLocalSubgraphs()).filter((subgraph) => subgraph.name === 'residents');
  stack = await startStack({ subgraphs: [organisationsSubgraph, ...residents], clock });
  world = await aWorld(stack);
  gridId = await world.aMicroGrid();
  households = [await world.aHousehold(gridId), await world.aHousehold(gridId), await world.aHousehold(gridId)];
  neighbourId = await world.aResident(households[0]!, { name: '林桂兰' });
  workerToken = await stack.token({ roles: ['GRID_WORKER'], scope: [world.communityId] });
  neighbourToken = await stack.token({ roles: ['RESIDENT'], residentId: neighbourId });
  residentWorkerId = await world.aResident(households[1]!, { name: '陈晓燕' });
  residentWorkerToken = await stack.token({ roles: ['GRID_WORKER'], residentId: residentWorkerId, scope: [world.communityId] });
}, 120_000);

afterAll(() => stack.stop());

async function errorsOf(query: string, variables: Record<string, unknown>, token?: string) {
  return (await stack.query(query, variables, { token })).errors.map(summaryOf);
}

async function must<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const response = await stack.query<T>(query, variables, { token });
  expect(response.errors).toEqual([]);
  return response.data!;
}

const start = async (grid: string, token = workerToken) => (await must<{ startMobilisation: { id: string } }>(START_MOBILISATION, { input: { gridId: grid, reason: '台风预警，逐户通知转移' } }, token)).startMobilisation.id;

const models = () => stack.subgraph('organisations').models as unknown as Models;

async function outboxCount(): Promise<number> {
  return stack.subgraph('organisations').eventCollections.outbox.countDocuments();
}

describe('starting a mobilisation', () => {
  it("takes the micro-grid's households as the list to reach, with a deadline 3 hours on, and refuses a second while it is open", async () => {
    clock.set(START);
    const started = await must<{ startMobilisation: unknown }>(START_MOBILISATION, { input: { gridId, reason: '台风预警，逐户通知转移' } }, workerToken);
    expect(started.startMobilisation).toEqual({
      id: expect.any(String),
      status: 'OPEN',
      startedAt: '2030-09-01T01:00:00.000Z',
      deadline: '2030-09-01T04:00:00.000Z',
      coverage: { households: 3, unvisited: 3 },
    });
    const id = (started.startMobilisation as { id: string }).id;
    expect(await errorsOf(START_MOBILISATION, { input: { gridId, reason: '再次动员' } }, workerToken)).toEqual([summaryOf(mobilisationAlreadyActive())]);
    expect(await must(CLOSE, { id }, workerToken)).toEqual({ closeMobilisation: { status: 'CLOSED', closedAt: '2030-09-01T01:00:00.000Z' } });
  });

  it('refuses what is not a micro-grid with households, a bad deadline or reason, and callers outside the grid, writing nothing', async () => {
    const general = await world.aGeneralGrid();
    const empty = await world.aMicroGrid();
    const outsider = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [new Types.ObjectId().toHexString()] });
    const before = [await models().Mobilisation.countDocuments(), await outboxCount()];
    const cases: [Record<string, unknown>, string | undefined, ErrorWithExtensions][] = [
      [{ gridId: general, reason: '动员' }, workerToken, notAMicroGrid('GENERAL')],
      [{ gridId: empty, reason: '动员' }, workerToken, gridWithoutHouseholds()],
      [{ gridId, reason: '动员', deadline: START.toISOString() }, workerToken, invalidInput({ field: 'deadline', message: 'must be after the start' })],
      [{ gridId, reason: '' }, workerToken, emptyText('reason')],
      [{ gridId, reason: '动员' }, outsider, startMobilisationOutOfScope()],
      [{ gridId, reason: '动员' }, neighbourToken, startMobilisationOutOfScope()],
      [{ gridId, reason: '动员' }, undefined, unauthenticated()],
    ];
    for (const [input, token, expected] of cases) expect(await errorsOf(START_MOBILISATION, { input }, token)).toEqual([summaryOf(expected)]);
    expect([await models().Mobilisation.countDocuments(), await outboxCount()]).toEqual(before);
  });
});

describe('visits', () => {
  it("are recorded by grid workers and the grid's responsible person, and read by them, not by a neighbour or an analyst", async () => {
    clock.set(START);
    await must('mutation($g: ID!, $r: ID!) { assignGridResponsible(gridId: $g, residentId: $r) { id } }', { g: gridId, r: neighbourId }, world.adminToken);
    const id = await start(gridId);
    clock.set(new Date(START.getTime() + 30 * MINUTE));
    const visit = (householdId: string, outcome: string, minutes: number, token: string) =>
      must(VISIT, { input: { mobilisationId: id, householdId, outcome, at: new Date(START.getTime() + minutes * MINUTE).toISOString() } }, token);

    await visit(households[0]!, 'NOT_AT_HOME', 5, workerToken);
    await visit(households[0]!, 'REACHED', 25, neighbourToken);
    // Recorded late, an earlier visit keeps the history but not the standing.
    expect(await visit(households[0]!, 'NOT_AT_HOME', 15, workerToken)).toEqual({
      recordHouseholdVisit: { status: 'OPEN', coverage: { reached: 1, notAtHome: 0, refused: 0, unvisited: 2, share: 0.3333 } },
    });
    const read = await must(READ, { id }, neighbourToken);
    expect(read).toEqual({
      mobilisation: {
        status: 'OPEN',
        coverage: { reached: 1, notAtHome: 0, unvisited: 2 },
        visits: {
          totalCount: 3,
          edges: [
            { node: { household: { id: households[0] }, outcome: 'REACHED', at: '2030-09-01T01:25:00.000Z' } },
            { node: { household: { id: households[0] }, outcome: 'NOT_AT_HOME', at: '2030-09-01T01:15:00.000Z' } },
            { node: { household: { id: households[0] }, outcome: 'NOT_AT_HOME', at: '2030-09-01T01:05:00.000Z' } },
          ],
        },
      },
    });

    const analyst = await stack.token({ roles: ['ANALYST'], scope: [world.districtId] });
    const stranger = await stack.token({ roles: ['RESIDENT'], residentId: await world.aResident(await world.aHousehold(await world.aMicroGrid())) });
    expect(await errorsOf(READ, { id }, analyst)).toEqual([summaryOf(readMobilisationOutOfScope())]);
    expect(await errorsOf(READ, { id }, stranger)).toEqual([summaryOf(readMobilisationOutOfScope())]);
    const lists = 'query($g: ID!, $c: ID!) { grid(id: $g) { mobilisations { totalCount } } organisation(id: $c) { mobilisations { totalCount } } }';
    expect(await must(lists, { g: gridId, c: world.communityId }, workerToken)).toEqual({ grid: { mobilisations: { totalCount: 2 } }, organisation: { mobilisations: { totalCount: 2 } } });
    expect(await errorsOf('query($c: ID!) { organisation(id: $c) { mobilisations { totalCount } } }', { c: world.communityId }, neighbourToken)).toEqual([summaryOf(readCommunityMobilisationsOutOfScope())]);
    await must(CLOSE, { id }, workerToken);
  });

  it("name who recorded each: the resident a grid worker's account names, the responsible person, none for a staff account of no resident", async () => {
    clock.set(START);
    const id = await start(gridId);
    clock.set(new Date(START.getTime() + 30 * MINUTE));
    const visit = (outcome: string, minutes: number, token: string) =>
      must(VISIT, { input: { mobilisationId: id, householdId: households[2], outcome, at: new Date(START.getTime() + minutes * MINUTE).toISOString() } }, token);
    await visit('NOT_AT_HOME', 5, residentWorkerToken);
    await visit('NOT_AT_HOME', 10, workerToken);
    await visit('REACHED', 20, neighbourToken);

    const recorders = {
      mobilisation: {
        visits: {
          edges: [
            { node: { outcome: 'REACHED', at: '2030-09-01T01:20:00.000Z', recordedBy: { id: neighbourId } } },
            { node: { outcome: 'NOT_AT_HOME', at: '2030-09-01T01:10:00.000Z', recordedBy: null } },
            { node: { outcome: 'NOT_AT_HOME', at: '2030-09-01T01:05:00.000Z', recordedBy: { id: residentWorkerId } } },
          ],
        },
      },
    };
    const service = await stack.token({ subject: 'service:notifications', roles: ['SERVICE'] });
    const streetAdmin = await stack.token({ roles: ['STREET_ADMIN'], scope: [world.streetId] });
    for (const reader of [workerToken, neighbourToken, service, streetAdmin]) expect(await must(RECORDERS, { id }, reader)).toEqual(recorders);

    // Who recorded a visit is read with the mobilisation or not at all: no partial answer.
    const analyst = await stack.token({ roles: ['ANALYST'], scope: [world.districtId] });
    const volunteer = await stack.token({ roles: ['RESIDENT', 'VOLUNTEER'], residentId: await world.aResident(households[2]!, { name: '郑国强' }) });
    const outsider = await stack.token({ roles: ['GRID_WORKER'], scope: [new Types.ObjectId().toHexString()] });
    for (const reader of [analyst, volunteer, outsider]) {
      const answer = await stack.query(RECORDERS, { id }, { token: reader });
      expect([answer.data, answer.errors.map(summaryOf)]).toEqual([{ mobilisation: null }, [summaryOf(readMobilisationOutOfScope())]]);
    }
    expect(await errorsOf(RECORDERS, { id })).toEqual([summaryOf(unauthenticated())]);
    await must(CLOSE, { id }, workerToken);
  });

  it('refuses a household not in the list, a time outside the mobilisation, a stranger, and any visit once closed, writing nothing', async () => {
    clock.set(START);
    const id = await start(gridId);
    const stranger = await stack.token({ roles: ['RESIDENT'], residentId: new Types.ObjectId().toHexString() });
    const elsewhere = await world.aHousehold(await world.aMicroGrid());
    const input = { mobilisationId: id, householdId: households[1], outcome: 'REACHED' };
    const before = [await models().HouseholdVisit.countDocuments(), await outboxCount()];
    const cases: [Record<string, unknown>, string, ErrorWithExtensions][] = [
      [{ ...input, householdId: elsewhere }, workerToken, householdNotInMobilisation()],
      [{ ...input, at: '2030-09-01T00:59:00.000Z' }, workerToken, invalidInput({ field: 'at', message: 'must not be before the mobilisation started' })],
      [{ ...input, at: '2030-09-01T01:01:00.000Z' }, workerToken, invalidInput({ field: 'at', message: 'must not be in the future' })],
      [input, stranger, recordVisitOutOfScope()],
    ];
    for (const [given, token, expected] of cases) expect(await errorsOf(VISIT, { input: given }, token)).toEqual([summaryOf(expected)]);
    expect(await errorsOf(CLOSE, { id }, neighbourToken)).toEqual([summaryOf(closeMobilisationOutOfScope())]);
    expect([await models().HouseholdVisit.countDocuments(), await outboxCount()]).toEqual(before);

    await must(CLOSE, { id }, workerToken);
    const afterClose = await outboxCount();
    expect(await errorsOf(VISIT, { input }, workerToken)).toEqual([summaryOf(mobilisationNotActive('CLOSED', 'recordHouseholdVisit'))]);
    expect(await errorsOf(CLOSE, { id }, workerToken)).toEqual([summaryOf(mobilisationNotActive('CLOSED', 'closeMobilisation'))]);
    expect([await models().HouseholdVisit.countDocuments(), await outboxCount()]).toEqual([before[0], afterClose]);
  });
});

describe('visitors at once', () => {
  it('lose no visit and no standing, and complete the mobilisation exactly once, round after round', async () => {
    const grid = await world.aMicroGrid();
    const doors = await Promise.all(Array.from({ length: 10 }, () => world.aHousehold(grid)));
    const visitors = await Promise.all(Array.from({ length: 5 }, () => stack.token({ roles: ['GRID_WORKER'], scope: [world.communityId] })));
    const { outbox } = stack.subgraph('organisations').eventCollections;
    for (let round = 0; round < 6; round++) {
      clock.set(START);
      const id = await start(grid);
      clock.set(new Date(START.getTime() + 60 * MINUTE));
      const knockAll = (outcome: string, minutes: number) =>
        Promise.all(
          doors.map((householdId, index) =>
            must(VISIT, { input: { mobilisationId: id, householdId, outcome, at: new Date(START.getTime() + minutes * MINUTE).toISOString() } }, visitors[index % visitors.length]!),
          ),
        );
      await knockAll('NOT_AT_HOME', 10);
      expect((await must<{ mobilisation: { coverage: unknown } }>(READ, { id }, workerToken)).mobilisation.coverage).toEqual({ reached: 0, notAtHome: 10, unvisited: 0 });
      await knockAll('REACHED', 20);
      const read = (await must<{ mobilisation: { status: string; coverage: unknown; visits: { totalCount: number } } }>(READ, { id }, workerToken)).mobilisation;
      expect([read.status, read.coverage, read.visits.totalCount]).toEqual(['COMPLETED', { reached: 10, notAtHome: 0, unvisited: 0 }, 20]);
      const kinds = (await outbox.find({ 'event.facts.mobilisationId': id }).lean()).map((entry) => entry.event.kind).sort();
      expect(kinds).toEqual(['mobilisation.completed', ...Array<string>(20).fill('mobilisation.householdVisited'), 'mobilisation.started']);
    }
  }, 240_000);
});

describe('staff starting at once', () => {
  it('start one mobilisation of a grid, the others answered CONFLICT, round after round', async () => {
    clock.set(START);
    const starters = await Promise.all(Array.from({ length: 4 }, () => stack.token({ roles: ['COMMUNITY_WORKER'], scope: [world.communityId] })));
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(starters.map((token) => stack.query<{ startMobilisation: { id: string } }>(START_MOBILISATION, { input: { gridId, reason: '停水通知' } }, { token })));
      const started = answers.filter((answer) => answer.errors.length === 0);
      expect(started.length).toBe(1);
      expect(answers.filter((answer) => answer.errors.length > 0).map((answer) => answer.errors.map(summaryOf))).toEqual(Array(3).fill([summaryOf(mobilisationAlreadyActive())]));
      await must(CLOSE, { id: started[0]!.data!.startMobilisation.id }, workerToken);
    }
  }, 120_000);
});

describe('the responsible person rule through the graph', () => {
  it('refuses a resident of another micro-grid, as it once was allowed, and leaves the grid as it was', async () => {
    const grid = await world.aMicroGrid();
    const elsewhere = await world.aResident(await world.aHousehold(await world.aMicroGrid()), { name: '赵德明' });
    const assign = 'mutation($g: ID!, $r: ID!) { assignGridResponsible(gridId: $g, residentId: $r) { id } }';
    expect(await errorsOf(assign, { g: grid, r: elsewhere }, world.adminToken)).toEqual([summaryOf(responsibleLivesElsewhere())]);
    expect(await must('query($g: ID!) { grid(id: $g) { responsiblePerson { id } } }', { g: grid }, world.adminToken)).toEqual({ grid: { responsiblePerson: null } });
  });
});
