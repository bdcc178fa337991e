import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { ANONYMOUS } from '@civic/identity';
import { ManualClock, unauthenticated, emptyText, longitudeOutOfRange, notAnId, notWholeNumberInRange, invalidInput } from '@civic/service-kit';
import { createSubgraphTester, type SubgraphTester, commandsSince, dataOf, staff, expectError, type ErrorWithExtensions } from '@civic/test-harness';
import { organisationsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { TreeBuilder } from './support/tree-builder.ts';
import { CREATE_ACTIVITY, activityInput, createActivity } from './support/activity-builder.ts';
import { resident } from './support/viewers.ts';
import { endsBeforeStart, startsInThePast } from '../src/domain/activity-rules.ts';
import { createActivityOutOfScope, hostAmongCoHosts, unknownCoHost } from '../src/errors.ts';

const HOUR = 3600_000;
const clock = new ManualClock(new Date('2025-03-01T08:00:00+08:00'));
let tester: SubgraphTester<Models>;
let tree: Awaited<ReturnType<TreeBuilder['fiveLevels']>>;
let school: string;
let worker: ReturnType<typeof staff>;
const newResidentId = () => new Types.ObjectId().toHexString();

beforeAll(async () => {
  tester = await createSubgraphTester(organisationsSubgraph, { clock });
  const builder = new TreeBuilder(tester);
  tree = await builder.fiveLevels();
  school = await builder.organisation('江心洲小学', 'CO_BUILDING_UNIT', tree.street);
  worker = staff('COMMUNITY_WORKER', [tree.community]);
});

afterAll(async () => {
  await tester.close();
});

describe('publishing activities', () => {
  it('creates an activity with co-hosts, place and an open status', async () => {
    const input = activityInput(clock, tree.community, { coHostIds: [school], category: 'HEALTH', title: '义诊进社区' });
    const id = await createActivity(tester, staff('GRID_WORKER', [tree.community]), input);
    const result = await tester.execute(
      `query($id: ID!) { activity(id: $id) { id category title host { name } coHosts { name } startsAt endsAt place { address location { longitude latitude } } capacity signedUpCount remainingPlaces visibility status viewerSignedUp } }`,
      { id },
      ANONYMOUS,
    );
    expect(dataOf(result)).toEqual({
      activity: {
        id,
        category: 'HEALTH',
        title: '义诊进社区',
        host: { name: '新城社区党委' },
        coHosts: [{ name: '江心洲小学' }],
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        place: { address: '新城社区党群服务中心一楼', location: { longitude: 118.7118, latitude: 32.0126 } },
        capacity: 10,
        signedUpCount: 0,
        remainingPlaces: 10,
        visibility: 'PUBLIC',
        status: 'OPEN',
        viewerSignedUp: false,
      },
    });
  });

  it('refuses bad input, naming the field, and writes nothing', async () => {
    const before = await tester.models.Activity.countDocuments();
    const past = new Date(clock.now().getTime() - HOUR).toISOString();
    const cases: [Record<string, unknown>, ErrorWithExtensions][] = [
      [{ startsAt: past }, invalidInput(startsInThePast())],
      [{ endsAt: new Date(clock.now().getTime() + 23 * HOUR).toISOString() }, invalidInput(endsBeforeStart())],
      [{ capacity: 0 }, notWholeNumberInRange('capacity', 1, 500)],
      [{ title: '  ' }, emptyText('title')],
      [{ coHostIds: [tree.community] }, hostAmongCoHosts()],
      [{ coHostIds: [newResidentId()] }, unknownCoHost()],
      [{ place: { address: '新城社区', location: { longitude: 200, latitude: 32 } } }, longitudeOutOfRange('place.location')],
      [{ hostId: 'not-an-id' }, notAnId('hostId')],
    ];
    for (const [change, expected] of cases) {
      const result = await tester.execute(CREATE_ACTIVITY, { input: activityInput(clock, tree.community, change) }, worker);
      expectError(result, expected);
    }
    expect(await tester.models.Activity.countDocuments()).toBe(before);
  });

  it('lets only staff covering the host publish', async () => {
    const before = await tester.models.Activity.countDocuments();
    const input = activityInput(clock, tree.community);
    expectError(await tester.execute(CREATE_ACTIVITY, { input }, ANONYMOUS), unauthenticated());
    expectError(await tester.execute(CREATE_ACTIVITY, { input }, resident(newResidentId())), createActivityOutOfScope());
    expectError(await tester.execute(CREATE_ACTIVITY, { input }, staff('STREET_ADMIN', [newResidentId()])), createActivityOutOfScope());
    expect(await tester.models.Activity.countDocuments()).toBe(before);
  });
});

describe('finding activities', () => {
  let listing: { publicPatrol: string; communityMediation: string; publicCulture: string };

  beforeAll(async () => {
    const branchWorker = staff('COMMUNITY_WORKER', [tree.branch]);
    listing = {
      publicPatrol: await createActivity(tester, worker, activityInput(clock, tree.community, { category: 'SECURITY_PATROL', title: '夜间平安巡逻' }, 100)),
      communityMediation: await createActivity(tester, branchWorker, activityInput(clock, tree.branch, { category: 'MEDIATION', title: '邻里纠纷调解', visibility: 'COMMUNITY' }, 101)),
      publicCulture: await createActivity(tester, worker, activityInput(clock, tree.community, { category: 'CULTURE_SPORT', title: '广场舞比赛' }, 102)),
    };
  });

  const LIST = `query($filter: ActivityFilter, $after: String, $first: Int) { activities(filter: $filter, first: $first, after: $after) { edges { node { title } } pageInfo { hasNextPage endCursor } } }`;
  const window = () => ({ startsAfter: new Date(clock.now().getTime() + 99 * HOUR).toISOString(), startsBefore: new Date(clock.now().getTime() + 103 * HOUR).toISOString() });
  const titles = (result: Awaited<ReturnType<typeof tester.execute>>) =>
    dataOf<{ activities: { edges: { node: { title: string } }[] } }>(result).activities.edges.map((edge) => edge.node.title);

  it('shows anonymous callers PUBLIC activities only, by start time', async () => {
    expect(titles(await tester.execute(LIST, { filter: window() }, ANONYMOUS))).toEqual(['夜间平安巡逻', '广场舞比赛']);
    expect(titles(await tester.execute(LIST, { filter: window() }, resident(newResidentId())))).toEqual(['夜间平安巡逻', '邻里纠纷调解', '广场舞比赛']);
    const hidden = await tester.execute(`query($id: ID!) { activity(id: $id) { title } }`, { id: listing.communityMediation }, ANONYMOUS);
    expect(dataOf(hidden)).toEqual({ activity: null });
  });

  it('filters by category and by host subtree', async () => {
    expect(titles(await tester.execute(LIST, { filter: { ...window(), category: 'MEDIATION' } }, worker))).toEqual(['邻里纠纷调解']);
    expect(titles(await tester.execute(LIST, { filter: { ...window(), hostWithin: tree.branch } }, worker))).toEqual(['邻里纠纷调解']);
    expect(titles(await tester.execute(LIST, { filter: { ...window(), hostWithin: tree.street } }, worker))).toEqual(['夜间平安巡逻', '邻里纠纷调解', '广场舞比赛']);
  });

  it('pages by start time', async () => {
    const first = dataOf<{ activities: { pageInfo: { hasNextPage: boolean; endCursor: string } } }>(await tester.execute(LIST, { filter: window(), first: 2 }, worker));
    expect(first.activities.pageInfo.hasNextPage).toBe(true);
    const second = await tester.execute(LIST, { filter: window(), first: 2, after: first.activities.pageInfo.endCursor }, worker);
    expect(dataOf(second)).toEqual({ activities: { edges: [{ node: { title: '广场舞比赛' } }], pageInfo: { hasNextPage: false, endCursor: expect.any(String) } } });
  });

  it('batches hosts, counts and the viewer’s sign-ups of a whole listing', async () => {
    tester.commands.reset();
    const result = await tester.execute(
      `query($filter: ActivityFilter) { activities(filter: $filter) { edges { node { title host { name } signedUpCount status viewerSignedUp } } } }`,
      { filter: window() },
      resident(newResidentId()),
    );
    expect(dataOf<{ activities: { edges: unknown[] } }>(result).activities.edges).toHaveLength(3);
    expect(commandsSince(tester.commands)).toEqual([
      { name: 'find', collection: 'activities' },
      { name: 'find', collection: 'activity_sign_ups' },
      { name: 'find', collection: 'organisations' },
    ]);
  });
});
