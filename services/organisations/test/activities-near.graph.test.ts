import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latitudeOutOfRange, notACursor, notWholeNumberInRange } from '@civic/service-kit';
import { aWorld, expectError, loadLocalSubgraphs, startStack, type Stack, type World } from '@civic/test-harness';
import { organisationsSubgraph } from '../src/subgraph.ts';

// A volunteer standing at the community's service centre asks for activities within 1 km, nearest
// first. Places lie due north or south of the point, so each distance is the latitude difference
// on MongoDB's sphere (6,378,100 m): 0.001° is 111.32 m.
const HERE = { longitude: 118.7118, latitude: 32.0126 };
const WITHIN_1_KM = { point: HERE, radiusMetres: 1000 };

let stack: Stack;
let world: World;
let volunteerToken: string;
const ids: Record<string, string> = {};

const NEAR = `query($filter: ActivityFilter, $first: Int, $after: String) {
  activities(filter: $filter, first: $first, after: $after) {
    edges { cursor distanceMetres node { id title } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

interface Page {
  activities: { edges: { cursor: string; distanceMetres: number | null; node: { id: string; title: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number };
}

async function anActivityAt(title: string, latitudeOffset: number, fields: { category?: string; visibility?: string; startsAt?: string } = {}) {
  const startsAt = fields.startsAt ?? '2030-10-01T01:00:00.000Z';
  const input = {
    category: fields.category ?? 'ELDERLY_CARE',
    title,
    description: '为小区高龄老人理发、测血压',
    hostId: world.communityId,
    startsAt,
    endsAt: new Date(new Date(startsAt).getTime() + 2 * 3600_000).toISOString(),
    place: { address: '新城社区', location: { longitude: HERE.longitude, latitude: HERE.latitude + latitudeOffset } },
    capacity: 20,
    visibility: fields.visibility ?? 'PUBLIC',
  };
  ids[title] = (await world.mutate<{ createActivity: { id: string } }>(`mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`, { input })).createActivity.id;
}

/** As the volunteer, or anonymously with a null token. */
async function near(variables: Record<string, unknown>, token: string | null = volunteerToken) {
  const response = await stack.query<Page>(NEAR, variables, { token: token ?? undefined });
  expect(response.errors).toEqual([]);
  return response.data!.activities;
}

const titlesAndDistances = (page: Page['activities']) => page.edges.map((edge) => [edge.node.title, edge.distanceMetres]);

beforeAll(async () => {
  // residents is in the stack because this SDL @requires where a resident lives (Resident.organisationPath).
  const residentsService = (await loadLocalSubgraphs()).filter((subgraph) => subgraph.name === 'residents');
  stack = await startStack({ subgraphs: [organisationsSubgraph, ...residentsService] });
  world = await aWorld(stack);
  volunteerToken = await stack.token({ roles: ['VOLUNTEER'] });
  // Created out of distance order; the two at the centre share one distance.
  await anActivityAt('江边健步走', 0.008, { category: 'CULTURE_SPORT' });
  await anActivityAt('义诊进社区', 0.001, { category: 'HEALTH' });
  await anActivityAt('敬老助餐', 0.001);
  await anActivityAt('楼道清洁', -0.004, { startsAt: '2030-11-01T01:00:00.000Z' });
  await anActivityAt('党员议事', 0.002, { visibility: 'COMMUNITY' });
  await anActivityAt('江心洲远足', 0.0095, { category: 'CULTURE_SPORT' });
});

afterAll(async () => {
  await stack.stop();
});

describe('activities near me', () => {
  it('lists those within the radius nearest first, with whole metres, and leaves out those beyond it', async () => {
    const page = await near({ filter: { near: WITHIN_1_KM } });
    expect(titlesAndDistances(page)).toEqual([
      ['义诊进社区', 111],
      ['敬老助餐', 111],
      ['党员议事', 223],
      ['楼道清洁', 445],
      ['江边健步走', 891],
    ]);
    expect(page.totalCount).toBe(5);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('pages by distance, and by id at one distance, with no activity missed or repeated', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Page['activities'] = await near({ filter: { near: WITHIN_1_KM }, first: 2, after });
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((edge) => edge.node.title));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(['义诊进社区', '敬老助餐', '党员议事', '楼道清洁', '江边健步走']);
  });

  it('starts the next page after a cursor between two activities at the same distance', async () => {
    const first = await near({ filter: { near: WITHIN_1_KM }, first: 1 });
    const rest = await near({ filter: { near: WITHIN_1_KM }, first: 2, after: first.pageInfo.endCursor });
    expect(titlesAndDistances(rest)).toEqual([
      ['敬老助餐', 111],
      ['党员议事', 223],
    ]);
  });

  it('combines the radius with category, time window and the anonymous caller’s public activities', async () => {
    expect(titlesAndDistances(await near({ filter: { near: WITHIN_1_KM, category: 'CULTURE_SPORT' } }))).toEqual([['江边健步走', 891]]);
    const october = await near({ filter: { near: WITHIN_1_KM, startsBefore: '2030-10-15T00:00:00.000Z' } });
    expect(october.totalCount).toBe(4);
    expect(october.edges.map((edge) => edge.node.title)).toEqual(['义诊进社区', '敬老助餐', '党员议事', '江边健步走']);
    const anonymous = await near({ filter: { near: { point: HERE, radiusMetres: 2000 } } }, null);
    expect(titlesAndDistances(anonymous)).toEqual([
      ['义诊进社区', 111],
      ['敬老助餐', 111],
      ['楼道清洁', 445],
      ['江边健步走', 891],
      ['江心洲远足', 1058],
    ]);
    expect(anonymous.totalCount).toBe(5);
  });

  it('has no distance without a point, and keeps the start-time order', async () => {
    const page = await near({ filter: { category: 'CULTURE_SPORT' } });
    expect(page.edges.map((edge) => [edge.node.id, edge.distanceMetres])).toEqual([
      [ids['江边健步走'], null],
      [ids['江心洲远足'], null],
    ]);
  });

  it('refuses a radius out of range, a point off the globe and a cursor of another order, naming the field', async () => {
    const refusals: [Record<string, unknown>, ReturnType<typeof notACursor>][] = [
      [{ filter: { near: { point: HERE, radiusMetres: 0 } } }, notWholeNumberInRange('filter.near.radiusMetres', 1, 50_000)],
      [{ filter: { near: { point: HERE, radiusMetres: 50_001 } } }, notWholeNumberInRange('filter.near.radiusMetres', 1, 50_000)],
      [{ filter: { near: { point: { longitude: 118.7, latitude: 91 }, radiusMetres: 1000 } } }, latitudeOutOfRange('filter.near.point')],
    ];
    const byStartTime = await near({ first: 1 });
    refusals.push([{ filter: { near: WITHIN_1_KM }, after: byStartTime.pageInfo.endCursor }, notACursor()]);
    for (const [variables, expected] of refusals) {
      expectError(await stack.query(NEAR, variables, { token: volunteerToken }), expected);
    }
  });
});
