import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphTester, expectError, summaryOf } from '@civic/test-harness';
import { residentsSubgraph } from '../src/subgraph.ts';
import { createHousehold, dataOf, errorOf, registerResident, setPartyMembership, type Tester } from './support/operations.ts';
import { GRID, ORG, organisationsGraph, residentViewer, STRANGER_ID, VIEWERS } from './support/world.ts';
import { unauthenticated, notAnId, emptyText, textTooLong, notWholeNumberInRange, controlCharacters, notACursor } from '@civic/service-kit';
import { listResidentsNotStaff } from '../src/errors.ts';

const LIST = `query($filter: ResidentFilter, $first: Int, $after: String) {
  residents(filter: $filter, first: $first, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } totalCount }
}`;

let tester: Tester;

async function names(filter: Record<string, unknown> | null, viewer = VIEWERS.streetAdminA): Promise<string[]> {
  const result = dataOf<{ residents: { edges: { node: { name: string } }[] } }>(await tester.execute(LIST, { filter, first: 100 }, viewer));
  return result.residents.edges.map((edge) => edge.node.name);
}

beforeAll(async () => {
  tester = await createSubgraphTester(residentsSubgraph, { graph: organisationsGraph() });
  const microA = await createHousehold(tester, { gridId: GRID.microA, building: '1栋', unit: '1单元', room: '101' });
  const generalA = await createHousehold(tester, { gridId: GRID.generalA, building: '2栋', unit: '1单元', room: '201' });
  const microB = await createHousehold(tester, { gridId: GRID.microB, building: '3栋', unit: '1单元', room: '301' }, VIEWERS.communityWorkerB);
  const zhang = await registerResident(tester, { householdId: microA, name: '张伟', birthYear: 1970 });
  const zhang2 = await registerResident(tester, { householdId: generalA, name: '张伟', birthYear: 1985 });
  await registerResident(tester, { householdId: microA, name: '张秀兰', birthYear: 1940, specialCare: ['ELDERLY_80_PLUS', 'EMPTY_NEST'] });
  const wang = await registerResident(tester, { householdId: generalA, name: '王磊', birthYear: 1978 });
  await registerResident(tester, { householdId: microA, name: '李娜', birthYear: 1995, specialCare: ['RENTER'] });
  await registerResident(tester, { householdId: microB, name: '刘洋', birthYear: 1988 }, VIEWERS.communityWorkerB);
  await setPartyMembership(tester, zhang, ORG.branchA);
  await setPartyMembership(tester, wang, ORG.branchB);
  for (const [residentId, skills] of [[zhang2, ['理发', '家电维修']], [wang, ['理发']]] as const) {
    const result = await tester.execute(
      'mutation($residentId: ID!, $profile: VolunteerProfileInput) { setVolunteerProfile(residentId: $residentId, profile: $profile) { id } }',
      { residentId, profile: { skills, teamIds: [ORG.teamA] } },
      VIEWERS.streetAdminA,
    );
    dataOf(result);
  }
});
afterAll(() => tester.close());

describe('residents(filter)', () => {
  it('shows staff their scope, sorted by name then id', async () => {
    expect(await names(null)).toEqual(['张伟', '张伟', '张秀兰', '李娜', '王磊']);
    expect(await names(null, VIEWERS.communityWorkerB)).toEqual(['刘洋']);
  });

  it('shows services everyone', async () => {
    expect(await names(null, VIEWERS.service)).toEqual(['刘洋', '张伟', '张伟', '张秀兰', '李娜', '王磊']);
  });

  it('filters by community, grid and special care', async () => {
    expect(await names({ communityId: ORG.communityA })).toEqual(['张伟', '张伟', '张秀兰', '李娜', '王磊']);
    expect(await names({ communityId: ORG.communityB })).toEqual([]);
    expect(await names({ gridId: GRID.microA })).toEqual(['张伟', '张秀兰', '李娜']);
    expect(await names({ specialCare: 'EMPTY_NEST' })).toEqual(['张秀兰']);
  });

  it('filters by party membership and branch', async () => {
    expect(await names({ partyMember: true })).toEqual(['张伟', '王磊']);
    expect(await names({ partyMember: false })).toEqual(['张伟', '张秀兰', '李娜']);
    expect(await names({ partyBranchId: ORG.branchB })).toEqual(['王磊']);
  });

  it('filters by volunteering, skill and name prefix', async () => {
    expect(await names({ volunteer: true })).toEqual(['张伟', '王磊']);
    expect(await names({ volunteer: false })).toEqual(['张伟', '张秀兰', '李娜']);
    expect(await names({ skill: '家电维修' })).toEqual(['张伟']);
    expect(await names({ namePrefix: '张' })).toEqual(['张伟', '张伟', '张秀兰']);
    expect(await names({ namePrefix: '张秀', gridId: GRID.microA })).toEqual(['张秀兰']);
    expect(await names({ namePrefix: '.*' })).toEqual([]);
  });

  it('bounds a name prefix by the longest name and matches it literally from the start', async () => {
    const refused = async (namePrefix: string) => errorOf(await tester.execute(LIST, { filter: { namePrefix } }, VIEWERS.streetAdminA));
    expect(await names({ namePrefix: `张${'伟'.repeat(29)}` })).toEqual([]);
    expect(await names({ namePrefix: ' 张秀　' })).toEqual(['张秀兰']);
    expect(await names({ namePrefix: '(张|王)' })).toEqual([]);
    expect(await names({ namePrefix: '伟' })).toEqual([]);
    expect(await Promise.all([refused('张'.repeat(31)), refused('   '), refused('张\u0000')])).toEqual([
      summaryOf(textTooLong('filter.namePrefix', 30)),
      summaryOf(emptyText('filter.namePrefix')),
      summaryOf(controlCharacters('filter.namePrefix')),
    ]);
  });

  it('pages with a stable order across equal names', async () => {
    type Page = { residents: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string }; totalCount: number } };
    const first = dataOf<Page>(await tester.execute(LIST, { first: 2 }, VIEWERS.streetAdminA)).residents;
    const second = dataOf<Page>(await tester.execute(LIST, { first: 2, after: first.pageInfo.endCursor }, VIEWERS.streetAdminA)).residents;
    const third = dataOf<Page>(await tester.execute(LIST, { first: 2, after: second.pageInfo.endCursor }, VIEWERS.streetAdminA)).residents;
    expect([first, second, third].map((page) => [page.edges.map((edge) => edge.node.name), page.pageInfo.hasNextPage, page.totalCount])).toEqual([
      [['张伟', '张伟'], true, 5],
      [['张秀兰', '李娜'], true, 5],
      [['王磊'], false, 5],
    ]);
  });

  it('refuses a cursor of another shape or of another sort, on the listing and on a grid page alike', async () => {
    const cursorOf = (content: unknown) => Buffer.from(JSON.stringify(content)).toString('base64url');
    const id = GRID.missing;
    const cursors = [
      cursorOf([['d', '2026-03-01T08:00:00.000Z'], id]),
      cursorOf([['s', { $gt: '' }], id]),
      cursorOf([['s', '张伟'], 'not-an-id']),
      cursorOf([['s', '张伟'], { $gt: id }]),
      cursorOf({ after: '张伟' }),
    ];
    const GRID_PAGE = `query($after: String) { _entities(representations: [{ __typename: "Grid", id: "${GRID.microA}" }]) { ... on Grid { residents(first: 2, after: $after) { edges { node { name } } } } } }`;
    const refused = summaryOf(notACursor());
    const answers = [];
    for (const after of cursors) {
      answers.push(errorOf(await tester.execute(LIST, { after }, VIEWERS.streetAdminA)), errorOf(await tester.execute(GRID_PAGE, { after }, VIEWERS.streetAdminA)));
    }
    expect(answers).toEqual(cursors.flatMap(() => [refused, refused]));
  });

  it('refuses residents and anonymous callers, and bad filters', async () => {
    expectError(await tester.execute(LIST, {}, residentViewer(STRANGER_ID)), listResidentsNotStaff());
    expectError(await tester.execute(LIST, {}), unauthenticated());
    expectError(await tester.execute(LIST, { filter: { gridId: 'x' } }, VIEWERS.streetAdminA), notAnId('filter.gridId'));
    expectError(await tester.execute(LIST, { first: 101 }, VIEWERS.streetAdminA), notWholeNumberInRange('first', 0, 100));
  });

  it('loads nested fields with one query per entity type per level', async () => {
    tester.commands.reset();
    const result = await tester.execute(
      `{ residents(first: 10) { edges { node { name household { room pairedMember { id } } pairedMembers { id } pairedCoreMember { id } pairedHouseholds { id } points { balance } } } } }`,
      {},
      VIEWERS.streetAdminA,
    );
    expect(dataOf<{ residents: { edges: unknown[] } }>(result).residents.edges.length).toBe(5);
    const counts: Record<string, number> = {};
    for (const { name, collection } of tester.commands.entries()) counts[`${name} ${collection}`] = (counts[`${name} ${collection}`] ?? 0) + 1;
    // The rooms the admin read are their households' members' addresses in the access log: the
    // members of every household in one find, every entry in one insert.
    expect(counts).toEqual({
      'find residents': 2,
      'find households': 1,
      'find memberPairings': 2,
      'find householdPairings': 2,
      'aggregate pointsEntries': 1,
      'insert personalDataReads': 1,
    });
  });
});

describe('Organisation.partyMembers', () => {
  it('lists the members of a branch through an entity reference', async () => {
    const result = await tester.execute(
      'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Organisation { id partyMembers { edges { node { name } } totalCount } } } }',
      { representations: [{ __typename: 'Organisation', id: ORG.branchA }] },
      VIEWERS.streetAdminA,
    );
    expect(dataOf(result)).toEqual({ _entities: [{ id: ORG.branchA, partyMembers: { edges: [{ node: { name: '张伟' } }], totalCount: 1 } }] });
  });
});
