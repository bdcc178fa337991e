import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { ANONYMOUS } from '@civic/identity';
import { createSubgraphTester, type SubgraphTester, dataOf, staff, expectError, summaryOf, type ErrorWithExtensions } from '@civic/test-harness';
import { organisationsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { TreeBuilder } from './support/tree-builder.ts';
import { rootCreator } from './support/viewers.ts';
import { unauthenticated, unknownId, notFound, textTooLong, emptyText, notWholeNumberInRange, notACursor, notAnId, invalidInput } from '@civic/service-kit';
import { organisationWithoutParent, parentOfWrongKind } from '../src/domain/organisation-tree.ts';
import { createDistrictCommittee, createOrganisationOutOfScope, notAPhoneNumber, renameOrganisationOutOfScope, siblingNameTaken } from '../src/errors.ts';

let tester: SubgraphTester<Models>;
let tree: Awaited<ReturnType<TreeBuilder['fiveLevels']>>;
let builder: TreeBuilder;

beforeAll(async () => {
  tester = await createSubgraphTester(organisationsSubgraph);
  builder = new TreeBuilder(tester);
  tree = await builder.fiveLevels();
});

afterAll(async () => {
  await tester.close();
});

const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name kind depth path parent { id } contact { phone address } } }`;

describe('the organisation tree', () => {
  it('reads a tree 5 levels deep with its parent, ancestors (root first), path and depth', async () => {
    const result = await tester.execute(
      `query($id: ID!) { organisation(id: $id) { name kind depth path parent { name } ancestors { name kind } children { totalCount edges { node { name } } } } }`,
      { id: tree.group },
    );
    expect(dataOf(result)).toEqual({
      organisation: {
        name: '第一党小组',
        kind: 'PARTY_GROUP',
        depth: 4,
        path: [tree.district, tree.street, tree.community, tree.branch, tree.group],
        parent: { name: '新城社区第一党支部' },
        ancestors: [
          { name: '建邺区委', kind: 'DISTRICT_COMMITTEE' },
          { name: '江心洲街道党工委', kind: 'STREET_COMMITTEE' },
          { name: '新城社区党委', kind: 'COMMUNITY_PARTY_COMMITTEE' },
          { name: '新城社区第一党支部', kind: 'PARTY_BRANCH' },
        ],
        children: { totalCount: 0, edges: [] },
      },
    });
  });

  it('answers a subtree query at the top with one database command', async () => {
    tester.commands.reset();
    const result = await tester.execute(`query($root: ID!) { organisations(filter: { within: $root }, first: 50) { edges { node { name depth } } } }`, {
      root: tree.district,
    });
    expect(tester.commands.entries()).toEqual([{ name: 'find', collection: 'organisations' }]);
    expect(dataOf<{ organisations: { edges: { node: unknown }[] } }>(result).organisations.edges.map((edge) => edge.node)).toEqual([
      { name: '建邺区委', depth: 0 },
      { name: '江心洲街道党工委', depth: 1 },
      { name: '新城社区党委', depth: 2 },
      { name: '新城社区第一党支部', depth: 3 },
      { name: '第一党小组', depth: 4 },
    ]);
  });

  it('batches parents, ancestors and children of a whole listing: one query each', async () => {
    tester.commands.reset();
    const result = await tester.execute(
      `query($root: ID!) { organisations(filter: { within: $root }) { edges { node { name parent { name } ancestors { name } children { totalCount edges { node { name } } } } } } }`,
      { root: tree.street },
    );
    expect(dataOf<{ organisations: { edges: { node: { children: unknown } }[] } }>(result).organisations.edges.map((edge) => edge.node.children)).toEqual([
      { totalCount: 1, edges: [{ node: { name: '新城社区党委' } }] },
      { totalCount: 1, edges: [{ node: { name: '新城社区第一党支部' } }] },
      { totalCount: 1, edges: [{ node: { name: '第一党小组' } }] },
      { totalCount: 0, edges: [] },
    ]);
    // The listing; then, side by side, parents and ancestors through one loader and every child page in one aggregate; their counts in another.
    const [listing, ...level] = tester.commands.entries();
    expect(listing).toEqual({ name: 'find', collection: 'organisations' });
    expect(level.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'aggregate', collection: 'organisations' },
      { name: 'aggregate', collection: 'organisations' },
      { name: 'find', collection: 'organisations' },
    ]);
  });

  it('lists descendants of one kind, the organisation itself excluded', async () => {
    const result = await tester.execute(
      `query($id: ID!) { organisation(id: $id) { descendants(kind: PARTY_BRANCH) { totalCount edges { node { name } } } all: descendants { totalCount } } }`,
      { id: tree.district },
    );
    expect(dataOf(result)).toEqual({
      organisation: { descendants: { totalCount: 1, edges: [{ node: { name: '新城社区第一党支部' } }] }, all: { totalCount: 4 } },
    });
  });

  it('filters by kind, parent and name prefix', async () => {
    const byKind = await tester.execute(`{ organisations(filter: { kind: STREET_COMMITTEE }) { edges { node { name } } } }`);
    expect(dataOf(byKind)).toEqual({ organisations: { edges: [{ node: { name: '江心洲街道党工委' } }] } });
    const byParent = await tester.execute(`query($p: ID!) { organisations(filter: { parentId: $p }) { edges { node { name } } } }`, { p: tree.community });
    expect(dataOf(byParent)).toEqual({ organisations: { edges: [{ node: { name: '新城社区第一党支部' } }] } });
    const byPrefix = await tester.execute(`{ organisations(filter: { namePrefix: "新城社区" }) { edges { node { name } } } }`);
    expect(dataOf(byPrefix)).toEqual({ organisations: { edges: [{ node: { name: '新城社区党委' } }, { node: { name: '新城社区第一党支部' } }] } });
    const regexCharacters = await tester.execute(`{ organisations(filter: { namePrefix: ".*" }) { edges { node { name } } } }`);
    expect(dataOf(regexCharacters)).toEqual({ organisations: { edges: [] } });
    const withinName = await tester.execute(`{ organisations(filter: { namePrefix: "社区" }) { edges { node { name } } } }`);
    expect(dataOf(withinName)).toEqual({ organisations: { edges: [] } });
  });

  it('refuses a name prefix longer than a name, naming the field', async () => {
    const PREFIX = 'query($prefix: String) { organisations(filter: { namePrefix: $prefix }) { edges { node { name } } } }';
    const refusals = await Promise.all(['社'.repeat(101), '  '].map(async (prefix) => (await tester.execute(PREFIX, { prefix })).errors.map(summaryOf)));
    expect(refusals).toEqual([
      [summaryOf(textTooLong('filter.namePrefix', 100))],
      [summaryOf(emptyText('filter.namePrefix'))],
    ]);
    expect(dataOf(await tester.execute(PREFIX, { prefix: '新'.repeat(100) }))).toEqual({ organisations: { edges: [] } });
  });

  it('pages through children with stable cursors, by filter and by the parent', async () => {
    const street = await builder.organisation('沙洲街道党工委', 'STREET_COMMITTEE', tree.district);
    const names = ['滨江社区党委', '莲花社区党委', '金沙社区党委', '白鹭社区党委', '新河社区党委'];
    for (const name of names) await builder.organisation(name, 'COMMUNITY_PARTY_COMMITTEE', street);
    type Page = { totalCount: number; edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const SELECTION = 'totalCount edges { node { name } } pageInfo { hasNextPage endCursor }';
    const listings: [string, (data: unknown) => Page][] = [
      [`query($p: ID!, $after: String) { list: organisations(filter: { parentId: $p }, first: 2, after: $after) { ${SELECTION} } }`, (data) => (data as { list: Page }).list],
      [`query($p: ID!, $after: String) { organisation(id: $p) { children(first: 2, after: $after) { ${SELECTION} } } }`, (data) => (data as { organisation: { children: Page } }).organisation.children],
    ];

    for (const [query, pageOf] of listings) {
      const seen: string[] = [];
      const hasNext: boolean[] = [];
      let after: string | null = null;
      do {
        const page: Page = pageOf(dataOf(await tester.execute(query, { p: street, after })));
        expect(page.totalCount).toBe(5);
        seen.push(...page.edges.map((edge) => edge.node.name));
        hasNext.push(page.pageInfo.hasNextPage);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(names);
      expect(hasNext).toEqual([true, true, false]);
    }
  });

  it('refuses a page size beyond 100 and a cursor it did not issue', async () => {
    expectError(await tester.execute(`{ organisations(first: 101) { totalCount } }`), notWholeNumberInRange('first', 0, 100));
    expectError(await tester.execute(`{ organisations(after: "not-a-cursor") { totalCount } }`), notACursor());
  });
});

describe('creating and renaming', () => {
  it('creates an organisation with public contact data, for staff whose scope covers the parent', async () => {
    const communityWorker = staff('COMMUNITY_WORKER', [tree.community]);
    const result = await tester.execute(
      CREATE,
      { input: { name: '新城社区居委会', kind: 'RESIDENTS_COMMITTEE', parentId: tree.community, contact: { phone: '025 8645 0001', address: '新城路18号一楼' } } },
      communityWorker,
    );
    const created = dataOf<{ createOrganisation: { id: string } }>(result).createOrganisation;
    expect(created).toEqual({
      id: created.id,
      name: '新城社区居委会',
      kind: 'RESIDENTS_COMMITTEE',
      depth: 3,
      path: [tree.district, tree.street, tree.community, created.id],
      parent: { id: tree.community },
      contact: { phone: '02586450001', address: '新城路18号一楼' },
    });
  });

  it('lets anonymous callers read but not write', async () => {
    const read = await tester.execute(`query($id: ID!) { organisation(id: $id) { name contact { phone address } } }`, { id: tree.community }, ANONYMOUS);
    expect(dataOf(read)).toEqual({ organisation: { name: '新城社区党委', contact: { phone: '025-86451234', address: '南京市建邺区江心洲街道新城路18号' } } });
    const before = await tester.models.Organisation.countDocuments();
    const write = await tester.execute(CREATE, { input: { name: '新城社区第二党支部', kind: 'PARTY_BRANCH', parentId: tree.community } }, ANONYMOUS);
    expectError(write, unauthenticated());
    expect(await tester.models.Organisation.countDocuments()).toBe(before);
  });

  it('refuses staff outside the scope, grid workers, and roots for anyone but a district admin', async () => {
    const before = await tester.models.Organisation.countDocuments();
    const input = { name: '新城社区第二党支部', kind: 'PARTY_BRANCH', parentId: tree.community };
    const elsewhere = staff('COMMUNITY_WORKER', [new Types.ObjectId().toHexString()]);
    expectError(await tester.execute(CREATE, { input }, elsewhere), createOrganisationOutOfScope());
    const gridWorker = staff('GRID_WORKER', [tree.community]);
    expectError(await tester.execute(CREATE, { input }, gridWorker), createOrganisationOutOfScope());
    const streetAdmin = staff('STREET_ADMIN', [tree.street]);
    expectError(await tester.execute(CREATE, { input: { name: '秦淮区委', kind: 'DISTRICT_COMMITTEE' } }, streetAdmin), createDistrictCommittee());
    expect(await tester.models.Organisation.countDocuments()).toBe(before);
  });

  it('refuses bad input, naming the field, and writes nothing', async () => {
    const admin = staff('DISTRICT_ADMIN', [tree.district]);
    const before = await tester.models.Organisation.countDocuments();
    const cases: [Record<string, unknown>, ErrorWithExtensions][] = [
      [{ name: '第二党小组', kind: 'PARTY_GROUP', parentId: tree.community }, invalidInput(parentOfWrongKind('PARTY_GROUP', 'COMMUNITY_PARTY_COMMITTEE'))],
      [{ name: '江心洲街道', kind: 'STREET_COMMITTEE' }, invalidInput(organisationWithoutParent('STREET_COMMITTEE'))],
      [{ name: '   ', kind: 'PARTY_BRANCH', parentId: tree.community }, emptyText('name')],
      [{ name: '新城社区第二党支部', kind: 'PARTY_BRANCH', parentId: 'abc' }, notAnId('parentId')],
      [{ name: '新城社区第二党支部', kind: 'PARTY_BRANCH', parentId: new Types.ObjectId().toHexString() }, unknownId('parentId', 'organisation')],
      [
        { name: '新城社区第二党支部', kind: 'PARTY_BRANCH', parentId: tree.community, contact: { phone: '电话号码' } },
        notAPhoneNumber('contact.phone'),
      ],
    ];
    for (const [input, expected] of cases) {
      expectError(await tester.execute(CREATE, { input }, admin), expected);
    }
    expect(await tester.models.Organisation.countDocuments()).toBe(before);
  });

  it('refuses a second sibling of the same name as a conflict', async () => {
    const admin = staff('DISTRICT_ADMIN', [tree.district]);
    const before = await tester.models.Organisation.countDocuments();
    const result = await tester.execute(CREATE, { input: { name: '第一党小组', kind: 'PARTY_GROUP', parentId: tree.branch } }, admin);
    expectError(result, siblingNameTaken());
    expect(await tester.models.Organisation.countDocuments()).toBe(before);
  });

  it('renames within scope only', async () => {
    const RENAME = `mutation($id: ID!, $name: String!) { renameOrganisation(id: $id, name: $name) { id name } }`;
    const outsider = staff('COMMUNITY_WORKER', [new Types.ObjectId().toHexString()]);
    expectError(await tester.execute(RENAME, { id: tree.group, name: '党员先锋小组' }, outsider), renameOrganisationOutOfScope());
    const branchWorker = staff('COMMUNITY_WORKER', [tree.branch]);
    expect(dataOf(await tester.execute(RENAME, { id: tree.group, name: '党员先锋小组' }, branchWorker))).toEqual({
      renameOrganisation: { id: tree.group, name: '党员先锋小组' },
    });
    const missing = new Types.ObjectId().toHexString();
    expectError(await tester.execute(RENAME, { id: missing, name: '新名称' }, branchWorker), notFound('Organisation', missing));
    await tester.execute(RENAME, { id: tree.group, name: '第一党小组' }, branchWorker);
  });

  it('creates a new root for a district admin', async () => {
    const result = await tester.execute(CREATE, { input: { name: '秦淮区委', kind: 'DISTRICT_COMMITTEE' } }, rootCreator);
    const created = dataOf<{ createOrganisation: { id: string } }>(result).createOrganisation;
    expect(created).toEqual({ id: created.id, name: '秦淮区委', kind: 'DISTRICT_COMMITTEE', depth: 0, path: [created.id], parent: null, contact: { phone: null, address: null } });
  });
});

describe('_entities', () => {
  it('resolves Organisation references in one query, unknown ids as null', async () => {
    tester.commands.reset();
    const unknown = new Types.ObjectId().toHexString();
    const result = await tester.execute(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { id name } } }`, {
      r: [
        { __typename: 'Organisation', id: tree.street },
        { __typename: 'Organisation', id: unknown },
        { __typename: 'Organisation', id: tree.branch },
      ],
    });
    expect(dataOf(result)).toEqual({ _entities: [{ id: tree.street, name: '江心洲街道党工委' }, null, { id: tree.branch, name: '新城社区第一党支部' }] });
    expect(tester.commands.entries()).toEqual([{ name: 'find', collection: 'organisations' }]);
  });
});
