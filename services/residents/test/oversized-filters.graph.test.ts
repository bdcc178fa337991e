import { afterAll, beforeAll, expect, it } from 'vitest';
import { aWorld, startStack, type Stack, summaryOf } from '@civic/test-harness';
import { residentsSubgraph } from '../src/subgraph.ts';
import { organisationsSubgraph } from '@civic/organisations';
import { textTooLong } from '@civic/service-kit';

// A 100 KB name prefix once held the graph for minutes; now it is refused before any database command.
let stack: Stack;
let token: string;

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph] });
  const world = await aWorld(stack);
  await world.aResident(await world.aHousehold(await world.aMicroGrid()), { name: '张秀英' });
  token = await stack.token({ roles: ['STREET_ADMIN'], scope: [world.streetId] });
});

afterAll(() => stack.stop());

const LIST = 'query($filter: ResidentFilter) { residents(filter: $filter, first: 10) { edges { node { name } } } }';

it('refuses a 100 KB name prefix at once, naming the field, without asking the database', async () => {
  stack.resetCommands();
  const response = await stack.query(LIST, { filter: { namePrefix: '张'.repeat(100_000) } }, { token });
  expect(response.errors.map(summaryOf)).toEqual([
    summaryOf(textTooLong('filter.namePrefix', 30)),
  ]);
  expect(stack.commands().residents).toEqual([]);
});

it('refuses an over-long skill the same way, and still finds by a prefix of a name', async () => {
  const skill = await stack.query(LIST, { filter: { skill: '理发'.repeat(11) } }, { token });
  expect(skill.errors.map(summaryOf)).toEqual([
    summaryOf(textTooLong('filter.skill', 20)),
  ]);
  const found = await stack.query(LIST, { filter: { namePrefix: '张秀' } }, { token });
  expect(found).toEqual({ status: 200, data: { residents: { edges: [{ node: { name: '张秀英' } }] } }, errors: [] });
});
