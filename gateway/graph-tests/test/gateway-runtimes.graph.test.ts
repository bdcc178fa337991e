import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_RUNTIMES, type GatewayRuntime } from '@civic/gateway';
import { aWorld, RACE_TIMEOUT, repeatRace, startStack, type GraphResponse, type Stack, type World } from '@civic/test-harness';

// The same supergraph on both gateway runtimes: Apollo's (the stack's own) and Hive Gateway in
// front of the same subgraphs, so that their answers can be compared one for one.
let stack: Stack;
let world: World;
let gateways: Record<GatewayRuntime, Pick<Stack, 'gatewayUrl' | 'query'>>;
let residents: { id: string; name: string; token: string }[];
let adminToken: string;
let expiredToken: string;

const ME = '{ me { id name } }';

beforeAll(async () => {
  stack = await startStack({ gateway: { runtime: 'apollo' } });
  gateways = { apollo: stack, hive: await stack.gatewayOn('hive') };
  world = await aWorld(stack);
  const grid = await world.aMicroGrid();
  residents = [];
  for (const [name, room] of [
    ['王秀英', '501室'],
    ['李建国', '502室'],
  ] as const) {
    const id = await world.aResident(await world.aHousehold(grid, { building: '3栋', unit: '2单元', room }), { name, phone: '13812345678' });
    residents.push({ id, name, token: await stack.token({ roles: ['RESIDENT'], residentId: id }) });
  }
  adminToken = await stack.token({ roles: ['STREET_ADMIN'], scope: [world.streetId] });
  expiredToken = await stack.token({ roles: ['RESIDENT'], residentId: residents[0]!.id }, -60);
  const { submitWish } = await world.mutate<{ submitWish: { id: string } }>('mutation($input: SubmitWishInput!) { submitWish(input: $input) { id } }', {
    input: { kind: 'WISH', category: 'PUBLIC_WELFARE', title: '楼道灯坏了', description: '3栋2单元楼道灯不亮', channel: 'HOTLINE', communityId: world.communityId, gridId: grid, requesterId: residents[0]!.id },
  });
  await world.mutate('mutation($id: ID!) { publishWish(id: $id) { id } }', { id: submitWish.id });
});

afterAll(() => stack.stop());

describe.each(GATEWAY_RUNTIMES)('the %s gateway', (runtime) => {
  it(
    'answers concurrent requests from different viewers each with their own data',
    async () => {
      await repeatRace(async () => {
        const callers = Array.from({ length: 80 }, (_, index) => residents[index % 2]!);
        const answers = await Promise.all(callers.map((caller) => gateways[runtime].query(ME, {}, { token: caller.token })));
        expect(answers).toEqual(callers.map(({ id, name }) => ({ status: 200, data: { me: { id, name } }, errors: [] })));
      });
    },
    RACE_TIMEOUT,
  );

  it('refuses a bad bearer token with 401 and UNAUTHENTICATED', async () => {
    const response = await gateways[runtime].query(ME, {}, { token: 'eyJhbGciOiJFZERTQSJ9.e30.c2lnbmF0dXJl' });
    expect(response).toEqual({ status: 401, data: null, errors: [{ message: 'The access token is invalid', extensions: { code: 'UNAUTHENTICATED' } }] });
  });
});

// The README's first queries, a read across four subgraphs, masked personal data and a refused
// token, each sent to both runtimes. (The query limits answer GRAPHQL_VALIDATION_FAILED on the
// Apollo runtime and QUERY_TOO_COMPLEX on Hive until the limits piece types Apollo's refusal.)
const OPERATIONS: { name: string; query: string; variables?: () => Record<string, unknown>; token?: () => string }[] = [
  {
    name: 'the README micro grid query',
    query:
      '{ grids(filter: { level: MICRO }, first: 1) { edges { node { name householdCount sizeCheck { withinStandard } residents(first: 3) { edges { node { name phone household { building room } activities { edges { node { title } } } } } } } } } }',
    token: () => adminToken,
  },
  {
    name: 'the README wishes query',
    query:
      '{ wishes(first: 5, filter: { status: [CLAIMED, IN_SERVICE, ROUTED] }) { totalCount edges { node { title kind status requester { name } claimant { ... on Resident { name } ... on Organisation { name } } handler { name } grid { name } matchingResources { title pool } meetings(first: 3) { edges { node { title } } } } } } }',
    token: () => adminToken,
  },
  {
    name: 'a wish with its requester, grid, resources and meetings (four subgraphs)',
    query: '{ wishes(first: 5) { totalCount edges { node { title status requester { name phone } grid { name } matchingResources { title } meetings { edges { node { title } } } } } } }',
    token: () => adminToken,
  },
  { name: 'public organisations, anonymous', query: '{ organisations(first: 5) { edges { node { name kind parent { name } } } } }' },
  { name: "another resident's masked phone", query: 'query($id: ID!) { resident(id: $id) { name phone piiMasked } }', variables: () => ({ id: residents[0]!.id }), token: () => residents[1]!.token },
  { name: 'an expired token', query: ME, token: () => expiredToken },
];

function bothRuntimes(query: string, variables: Record<string, unknown>, token: string | undefined): Promise<[GraphResponse, GraphResponse]> {
  return Promise.all([gateways.apollo.query(query, variables, { token }), gateways.hive.query(query, variables, { token })]);
}

// On main the Apollo runtime still answers a subgraph's HTTP 401 as "401: Unauthorized" with the
// subgraph's raw reply in extensions.response (the error hygiene piece replaces that answer).
describe('the hive gateway', () => {
  it("passes on a subgraph's refusal as the subgraph typed it", async () => {
    const response = await gateways.hive.query('query($id: ID!) { resident(id: $id) { name phone } }', { id: residents[0]!.id });
    expect(response).toEqual({
      status: 200,
      data: { resident: null },
      errors: [{ message: 'Sign in to do this', path: ['resident'], extensions: { code: 'UNAUTHENTICATED', serviceName: 'residents' } }],
    });
  });
});

describe('both runtimes', () => {
  it.each(OPERATIONS)('answer $name alike', async ({ query, variables, token }) => {
    const [apollo, hive] = await bothRuntimes(query, variables?.() ?? {}, token?.());
    expect(apollo.errors.length + Object.keys(apollo.data ?? {}).length).toBeGreaterThan(0);
    expect(hive).toEqual(apollo);
  });

  it('give the same partial answer, naming the subgraph, while one subgraph is down', async () => {
    await stack.subgraph('meetings').stop();
    const query = '{ wishes(first: 5) { edges { node { title meetings { edges { node { title } } } } } } }';
    const [apollo, hive] = await bothRuntimes(query, {}, adminToken);
    expect(apollo).toMatchObject({ status: 200, data: { wishes: { edges: [{ node: { title: '楼道灯坏了', meetings: null } }] } } } satisfies Partial<GraphResponse>);
    expect(apollo.errors.map((error) => [error.message, error.extensions?.code])).toEqual([['The meetings subgraph is unavailable', 'SUBGRAPH_UNAVAILABLE']]);
    // Hive Gateway also names where the missing data would have gone.
    expect(hive).toEqual({ ...apollo, errors: apollo.errors.map((error) => ({ ...error, path: ['wishes', 'edges', 'node'] })) });
  });
});
