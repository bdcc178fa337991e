import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aWorld, startStack, summaryOf, type GraphResponse, type Stack, type World } from '@civic/test-harness';
import { checkGridSize } from '../src/domain/grid-size.ts';
import { noSuchGrid, phoneNotMobile } from '../src/errors.ts';

// The graph as a front-end team uses it: writes, reads, pages and one query across subgraphs.
let stack: Stack;
let world: World;
let staff: string;
let gridId: string;
let householdId: string;
const residentIds: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  world = await aWorld(stack);
  staff = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
  gridId = await world.aMicroGrid();
  householdId = await world.aHousehold(gridId, { building: '7栋', unit: '1单元', room: '302室' });
  for (const name of ['陈建国', '李桂兰', '张伟', '赵小明', '孙丽']) residentIds.push(await world.aResident(householdId, { name }));
});

afterAll(() => stack.stop());

const RESIDENTS_PAGE = `query($grid: ID!, $after: String) {
  residents(filter: { gridId: $grid }, first: 2, after: $after) {
    totalCount
    edges { node { name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface ResidentsPage {
  residents: { totalCount: number; edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
}

describe('create, read and paginate', () => {
  it('pages through a grid’s residents in a stable order, two at a time', async () => {
    const pages: string[][] = [];
    let after: string | null = null;
    let hasNextPage = true;
    while (hasNextPage) {
      const response: GraphResponse<ResidentsPage> = await stack.query<ResidentsPage>(RESIDENTS_PAGE, { grid: gridId, after }, { token: staff });
      expect(response.errors).toEqual([]);
      expect(response.data!.residents.totalCount).toBe(5);
      pages.push(response.data!.residents.edges.map((edge) => edge.node.name));
      ({ hasNextPage, endCursor: after } = response.data!.residents.pageInfo);
    }
    // Sorted by name (code point order), then id.
    expect(pages).toEqual([['孙丽', '张伟'], ['李桂兰', '赵小明'], ['陈建国']]);
  });

  it('reads back what was written', async () => {
    const response = await stack.query(`query($id: ID!) { resident(id: $id) { name household { id building unit room } } }`, { id: residentIds[0] }, { token: staff });
    expect(response).toEqual({
      status: 200,
      data: { resident: { name: '陈建国', household: { id: householdId, building: '7栋', unit: '1单元', room: '302室' } } },
      errors: [],
    });
  });
});

describe('one query across subgraphs', () => {
  it('answers a grid with its residents, each with household and activities', async () => {
    const activityId = await world.anActivity({ title: '政策宣讲进小区' });
    await world.signUp(residentIds[1]!, activityId);
    const response = await stack.query(
      `query($grid: ID!) {
        grid(id: $grid) {
          name level community { name }
          householdCount
          sizeCheck { householdCount withinStandard message }
          residents(first: 2) { edges { node { name household { building } activities { edges { node { title } } } } } }
        }
      }`,
      { grid: gridId },
      { token: staff },
    );
    expect(response.errors).toEqual([]);
    expect(response.data).toEqual({
      grid: {
        name: expect.stringMatching(/^第\d+微网格$/),
        level: 'MICRO',
        community: { name: '新城社区党委' },
        householdCount: 1,
        sizeCheck: checkGridSize('MICRO', 1),
        residents: {
          edges: [
            { node: { name: '孙丽', household: { building: '7栋' }, activities: { edges: [] } } },
            { node: { name: '张伟', household: { building: '7栋' }, activities: { edges: [] } } },
          ],
        },
      },
    });
    const signedUp = await stack.query(`query($id: ID!) { resident(id: $id) { name activities { edges { node { title } } } } }`, { id: residentIds[1] }, { token: staff });
    expect(signedUp.data).toEqual({ resident: { name: '李桂兰', activities: { edges: [{ node: { title: '政策宣讲进小区' } }] } } });
  });
});

describe('bad input', () => {
  const countResidents = async () =>
    (await stack.query<{ residents: { totalCount: number } }>(`{ residents { totalCount } }`, {}, { token: staff })).data!.residents.totalCount;

  it('names the field and writes nothing', async () => {
    const before = await countResidents();
    const response = await stack.query(
      `mutation($input: RegisterResidentInput!) { registerResident(input: $input) { id } }`,
      { input: { householdId, name: '周强', gender: 'MALE', birthYear: 1980, phone: '12345' } },
      { token: staff },
    );
    expect(response.errors.map(summaryOf)).toEqual([summaryOf(phoneNotMobile('phone'))]);
    expect(await countResidents()).toBe(before);
  });

  it('refuses a household in a grid that does not exist, asking the organisations subgraph', async () => {
    const response = await stack.query(
      `mutation($input: CreateHouseholdInput!) { createHousehold(input: $input) { id } }`,
      { input: { gridId: '65a1b2c3d4e5f6a7b8c9d0e1', building: '1栋', unit: '1单元', room: '101室' } },
      { token: staff },
    );
    expect(response.errors.map(summaryOf)).toEqual([summaryOf(noSuchGrid())]);
  });
});
