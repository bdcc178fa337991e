import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import { chromium, type Browser } from 'playwright-core';
import { EXAMPLE_OPERATIONS, type ExampleOperation } from '@civic/gateway';
import { aWorld, startStack, type Stack, type World } from '@civic/test-harness';
import { ensureChromium } from './support/chromium.ts';

// The explorer as a person meets it: GraphiQL (Ruru) served by the gateway itself, in a real
// browser that may reach nothing but the gateway, with a token and an example tab run in the page.
let stack: Stack;
let world: World;
let browser: Browser;
let residentId: string;
let gridName: string;
let origin: string;

beforeAll(async () => {
  const [executablePath, started] = await Promise.all([ensureChromium(), startStack()]);
  stack = started;
  origin = new URL(stack.gatewayUrl).origin;
  browser = await chromium.launch({ executablePath });
  world = await aWorld(stack);
  const gridId = await world.aMicroGrid();
  gridName = (await stack.query<{ grid: { name: string } }>(`query($id: ID!) { grid(id: $id) { name } }`, { id: gridId })).data!.grid.name;
  const household = await world.aHousehold(gridId, { building: '3栋', unit: '2单元', room: '501室' });
  residentId = await world.aResident(household, { name: '王秀英', phone: '13812345678', idNumber: '11010519491231002X' });
  await world.aResident(household, { name: '李桂兰', phone: '13987654321', idNumber: '110105194001010026', specialCare: ['ELDERLY_80_PLUS'] });
  await world.anActivity({ title: '重阳节敬老活动', capacity: 50 });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('GET /graphql', () => {
  it('answers a browser with the explorer page, whose scripts and styles all come from the gateway', async () => {
    const response = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const sources = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(sources).toEqual(['/explorer/ruru/ruru.js', 'data:,', '/explorer/ruru/ruru.css', '/explorer/explorer.css', '/explorer/explorer.js']);
  });

  it('still answers a GraphQL client with JSON', async () => {
    const response = await fetch(`${stack.gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('serves the standard introspection query that codegen and GraphiQL send', async () => {
    const response = await stack.query<{ __schema: { queryType: { name: string }; types: { name: string }[] } }>(getIntrospectionQuery());
    expect(response.errors).toEqual([]);
    expect(response.data?.__schema.queryType.name).toBe('Query');
    expect(response.data?.__schema.types.map((type) => type.name)).toContain('Resident');
  });
});

/** Runs one operation of an example's document, as the example's caller would. */
async function runExample(caller: ExampleOperation['caller'], operationName: string, token?: string, variables?: Record<string, unknown>) {
  const example = EXAMPLE_OPERATIONS.find((candidate) => candidate.caller === caller)!;
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: example.document, operationName, variables: variables ?? example.variables ?? {} }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

describe('the example operations, each as its kind of user', () => {
  it('shows anyone the communities and public activities', async () => {
    expect(await runExample('anonymous', 'PublicNeighbourhood')).toEqual({
      data: {
        organisations: { totalCount: 1, edges: [{ node: { name: '新城社区党委', contact: { phone: null, address: null } } }] },
        activities: {
          edges: [{ node: { title: '重阳节敬老活动', startsAt: '2030-10-01T01:00:00.000Z', place: { address: '新城社区党群服务中心' }, remainingPlaces: 50, host: { name: '新城社区党委' } } }],
        },
      },
    });
  });

  it("shows a resident their own household and wishes", async () => {
    const token = await stack.token({ roles: ['RESIDENT'], residentId });
    expect(await runExample('resident', 'MyHousehold', token)).toEqual({
      data: {
        me: { name: '王秀英', phone: '13812345678', household: { building: '3栋', unit: '2单元', room: '501室' }, grid: { name: gridName }, activities: { totalCount: 0, edges: [] } },
        myWishes: { totalCount: 0, edges: [] },
      },
    });
  });

  it('shows a grid worker the residents over 80 in their scope', async () => {
    const token = await stack.token({ roles: ['GRID_WORKER'], scope: [world.communityId] });
    expect(await runExample('grid worker', 'ResidentsNeedingCare', token)).toEqual({
      data: {
        residents: {
          totalCount: 1,
          edges: [{ node: { name: '李桂兰', phone: '13987654321', birthYear: 1940, household: { building: '3栋', unit: '2单元', room: '501室' }, grid: { name: gridName } } }],
        },
      },
    });
  });

  it("shows a street admin the street's wishes under way, across four subgraphs", async () => {
    const token = await stack.token({ roles: ['STREET_ADMIN'], scope: [world.streetId] });
    expect(await runExample('street admin', 'WishesUnderWay', token)).toEqual({ data: { wishes: { totalCount: 0, edges: [] } } });
  });

  it("gives an analyst a street's id and then its statistics", async () => {
    const token = await stack.token({ roles: ['ANALYST'] });
    expect(await runExample('analyst', 'Streets', token)).toEqual({ data: { organisations: { edges: [{ node: { id: world.streetId, name: '江心洲街道党工委' } }] } } });
    const example = EXAMPLE_OPERATIONS.find((candidate) => candidate.caller === 'analyst')!;
    expect(await runExample('analyst', 'StreetStatistics', token, { ...example.variables, organisationId: world.streetId })).toEqual({
      data: {
        wishStats: { total: 0, byStatus: [], byCategory: [], medianHoursToClaim: null, medianHoursToResolve: null, onTimeRate: null, meanRating: null, minimumGroupSize: 5, withheldCells: 0 },
      },
    });
  });
});

describe('the explorer in a browser', () => {
  it('introspects, takes a token and runs an example tab, asking nothing of any other host', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const requested: string[] = [];
    context.on('request', (request) => void requested.push(request.url()));
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => void problems.push(error.message));
    page.on('console', (message) => void (message.type() === 'error' && problems.push(message.text())));
    page.on('response', (response) => void (response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`)));
    await page.goto(stack.gatewayUrl);

    await page.locator('#explorer-token-input').fill(await stack.token({ roles: ['RESIDENT'], residentId, subject: 'resident:wang' }));
    await page.getByRole('button', { name: 'Use token' }).click();
    // The page reads the token in its own time: a busy machine may take longer than the default second.
    await expect.poll(() => page.locator('#explorer-token-state').textContent(), { timeout: 15_000 }).toMatch(/^Token of resident:wang \(RESIDENT\), until /);

    await page.getByRole('tab', { name: 'MyHousehold' }).click();
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.graphiql-response .view-lines');
    await result.getByText('"myWishes"').waitFor();
    // The result pane shows the answer as GraphiQL prints it, two spaces to a level.
    const shown = (await result.innerText()).replaceAll('\u00a0', ' ');
    const answer = {
      data: {
        me: { name: '王秀英', phone: '13812345678', household: { building: '3栋', unit: '2单元', room: '501室' }, grid: { name: gridName }, activities: { totalCount: 0, edges: [] } },
        myWishes: { totalCount: 0, edges: [] },
      },
    };
    expect(shown).toBe(JSON.stringify(answer, null, 2));

    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Resident', { exact: true }).first().waitFor();

    await context.close();
    expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(problems).toEqual([]);
    expect(requested).toContain(`${origin}/explorer/ruru/ruru.js`);
  });
});
