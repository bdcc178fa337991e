import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { ANONYMOUS } from '@civic/identity';
import { createSubgraphTester, type SubgraphTester, dataOf, errorOf, RACE_TIMEOUT, repeatRace, staff, expectError, summaryOf, type ErrorWithExtensions } from '@civic/test-harness';
import { organisationsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { TreeBuilder } from './support/tree-builder.ts';
import { resident } from './support/viewers.ts';
import { invalidTransition, unauthenticated, unknownId, emptyText, invalidInput } from '@civic/service-kit';
import { kindMismatch } from '../src/domain/organisation-tree.ts';
import { resolutionDeadlineOutOfRange, responseDeadlineOutOfRange } from '../src/domain/agreement-rules.ts';
import {
  commitmentCountOutOfRange,
  createPartnershipOutOfScope,
  notAPhoneNumber,
  ownersCommitteeOutsideCommunity,
  partnershipAlreadyActive,
  signAgreementOutOfScope,
} from '../src/errors.ts';

let tester: SubgraphTester<Models>;
let builder: TreeBuilder;
let tree: Awaited<ReturnType<TreeBuilder['fiveLevels']>>;
let school: string;
let hospital: string;
let ownersCommittee: string;
let propertyCompany: string;
let otherOwnersCommittee: string;
let worker: ReturnType<typeof staff>;

beforeAll(async () => {
  tester = await createSubgraphTester(organisationsSubgraph);
  builder = new TreeBuilder(tester);
  tree = await builder.fiveLevels();
  school = await builder.organisation('江心洲小学', 'CO_BUILDING_UNIT', tree.street);
  hospital = await builder.organisation('建邺区人民医院江心洲分院', 'CO_BUILDING_UNIT', tree.street);
  ownersCommittee = await builder.organisation('新城花园业委会', 'OWNERS_COMMITTEE', tree.community);
  propertyCompany = await builder.organisation('金陵物业服务有限公司', 'PROPERTY_COMPANY', tree.street);
  const otherCommunity = await builder.organisation('滨江社区党委', 'COMMUNITY_PARTY_COMMITTEE', tree.street);
  otherOwnersCommittee = await builder.organisation('滨江苑业委会', 'OWNERS_COMMITTEE', otherCommunity);
  worker = staff('COMMUNITY_WORKER', [tree.community]);
});

afterAll(async () => {
  await tester.close();
});

describe('partnerships (结对共建)', () => {
  const CREATE = `mutation($input: CreatePartnershipInput!) { createPartnership(input: $input) { id community { name } unit { name } commitments since status endedAt } }`;
  const END = `mutation($id: ID!) { endPartnership(id: $id) { id status endedAt } }`;
  const since = '2024-09-01T00:00:00.000Z';

  it('pairs a community with a unit and lists it from both sides', async () => {
    const result = await tester.execute(
      CREATE,
      { input: { communityId: tree.community, unitId: school, commitments: ['每月一次志愿服务', '开放操场供居民周末使用'], since } },
      worker,
    );
    const created = dataOf<{ createPartnership: { id: string } }>(result).createPartnership;
    expect(created).toEqual({
      id: created.id,
      community: { name: '新城社区党委' },
      unit: { name: '江心洲小学' },
      commitments: ['每月一次志愿服务', '开放操场供居民周末使用'],
      // In process the DateTime scalar hands back a Date; over HTTP it is the ISO string.
      since: new Date(since),
      status: 'ACTIVE',
      endedAt: null,
    });
    tester.commands.reset();
    const sides = await tester.execute(
      `query($a: ID!, $b: ID!) { a: organisation(id: $a) { partnerships { edges { node { unit { name } } } totalCount } } b: organisation(id: $b) { partnerships(status: ACTIVE) { edges { node { community { name } } } } } }`,
      { a: tree.community, b: school },
      ANONYMOUS,
    );
    expect(dataOf(sides)).toEqual({
      a: { partnerships: { edges: [{ node: { unit: { name: '江心洲小学' } } }], totalCount: 1 } },
      b: { partnerships: { edges: [{ node: { community: { name: '新城社区党委' } } }] } },
    });
    // One query per status asked, however many organisations ask it, and one count; the sides' organisations were loaded already this request.
    expect(tester.commands.entries()).toEqual([
      { name: 'find', collection: 'organisations' },
      { name: 'find', collection: 'partnerships' },
      { name: 'find', collection: 'partnerships' },
      { name: 'aggregate', collection: 'partnerships' },
    ]);
  });

  it('refuses a second active pairing of the same pair, and allows one after the first ended', async () => {
    const input = { communityId: tree.community, unitId: hospital, commitments: ['每季度义诊一次'], since };
    const first = dataOf<{ createPartnership: { id: string } }>(await tester.execute(CREATE, { input }, worker)).createPartnership.id;
    const before = await tester.models.Partnership.countDocuments();
    expectError(await tester.execute(CREATE, { input }, worker), partnershipAlreadyActive());
    expect(await tester.models.Partnership.countDocuments()).toBe(before);

    const ended = dataOf<{ endPartnership: { endedAt: string } }>(await tester.execute(END, { id: first }, worker)).endPartnership;
    expect(ended).toEqual({ id: first, status: 'ENDED', endedAt: ended.endedAt });
    expectError(await tester.execute(END, { id: first }, worker), invalidTransition('Partnership', 'ENDED', 'end'));
    const again = await tester.execute(CREATE, { input }, worker);
    expect(dataOf<{ createPartnership: { status: string } }>(again).createPartnership.status).toBe('ACTIVE');
  });

  it('pairs a community and a unit once when six requests to pair them arrive at once, round after round', async () => {
    await repeatRace(async (round) => {
      const unit = await builder.organisation(`江心洲共建单位${round}`, 'CO_BUILDING_UNIT', tree.street);
      const input = { communityId: tree.community, unitId: unit, commitments: ['每月一次志愿服务'], since };
      const results = await Promise.all(Array.from({ length: 6 }, () => tester.execute(CREATE, { input }, worker)));
      expect(results.filter((result) => result.errors.length === 0).length).toBe(1);
      expect(results.filter((result) => result.errors.length > 0).map(errorOf)).toEqual(
        Array.from({ length: 5 }, () => summaryOf(partnershipAlreadyActive())),
      );
      expect(await tester.models.Partnership.countDocuments({ unitId: new Types.ObjectId(unit) })).toBe(1);
    });
  }, RACE_TIMEOUT);

  it('refuses wrong kinds and empty commitments, writing nothing', async () => {
    const before = await tester.models.Partnership.countDocuments();
    const cases: [Record<string, unknown>, ErrorWithExtensions][] = [
      [{ communityId: tree.street, unitId: school, commitments: ['共建'], since }, invalidInput(kindMismatch('communityId', 'COMMUNITY_PARTY_COMMITTEE', 'STREET_COMMITTEE'))],
      [{ communityId: tree.community, unitId: propertyCompany, commitments: ['共建'], since }, invalidInput(kindMismatch('unitId', 'CO_BUILDING_UNIT', 'PROPERTY_COMPANY'))],
      [{ communityId: tree.community, unitId: school, commitments: [], since }, commitmentCountOutOfRange(20)],
      [{ communityId: tree.community, unitId: school, commitments: ['共建', ' '], since }, emptyText('commitments[1]')],
    ];
    const streetAdmin = staff('STREET_ADMIN', [tree.street]);
    for (const [input, expected] of cases) {
      expectError(await tester.execute(CREATE, { input }, streetAdmin), expected);
    }
    expectError(await tester.execute(CREATE, { input: { communityId: tree.community, unitId: school, commitments: ['共建'], since } }, resident(new Types.ObjectId().toHexString())), createPartnershipOutOfScope());
    expect(await tester.models.Partnership.countDocuments()).toBe(before);
  });
});

describe('tripartite agreements (三方协议)', () => {
  const SIGN = `mutation($input: SignAgreementInput!) { signAgreement(input: $input) { id community { name } ownersCommittee { name } propertyCompany { name } responseDeadlineHours resolutionDeadlineHours signedOn contacts { community { name phone } ownersCommittee { name phone } propertyCompany { name phone } } } }`;
  const signedOn = '2025-01-15T00:00:00.000Z';
  const input = {
    communityId: '',
    ownersCommitteeId: '',
    propertyCompanyId: '',
    communityContact: { name: '王建国', phone: '13912345678' },
    ownersCommitteeContact: { name: '李秀英', phone: '13812345678' },
    propertyCompanyContact: { name: '张伟', phone: '025-86459999' },
    responseDeadlineHours: 24,
    resolutionDeadlineHours: 72,
    signedOn,
  };
  const withParties = () => ({ ...input, communityId: tree.community, ownersCommitteeId: ownersCommittee, propertyCompanyId: propertyCompany });

  it("signs an agreement and finds it by community and from each party", async () => {
    const result = await tester.execute(SIGN, { input: withParties() }, worker);
    const signed = dataOf<{ signAgreement: { id: string } }>(result).signAgreement;
    expect(signed).toEqual({
      id: signed.id,
      community: { name: '新城社区党委' },
      ownersCommittee: { name: '新城花园业委会' },
      propertyCompany: { name: '金陵物业服务有限公司' },
      responseDeadlineHours: 24,
      resolutionDeadlineHours: 72,
      signedOn: new Date(signedOn),
      contacts: {
        community: { name: '王建国', phone: '13912345678' },
        ownersCommittee: { name: '李秀英', phone: '13812345678' },
        propertyCompany: { name: '张伟', phone: '025-86459999' },
      },
    });
    const routing = await tester.execute(
      `query($c: ID!) { agreements(communityId: $c) { edges { node { id propertyCompany { id } responseDeadlineHours resolutionDeadlineHours } } totalCount } }`,
      { c: tree.community },
      resident(new Types.ObjectId().toHexString()),
    );
    expect(dataOf(routing)).toEqual({
      agreements: { edges: [{ node: { id: signed.id, propertyCompany: { id: propertyCompany }, responseDeadlineHours: 24, resolutionDeadlineHours: 72 } }], totalCount: 1 },
    });
    const fromCompany = await tester.execute(`query($id: ID!) { organisation(id: $id) { agreements { edges { node { id } } totalCount } } }`, { id: propertyCompany });
    expect(dataOf(fromCompany)).toEqual({ organisation: { agreements: { edges: [{ node: { id: signed.id } }], totalCount: 1 } } });
    const entity = await tester.execute(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Agreement { id ownersCommittee { name } } } }`, {
      r: [{ __typename: 'Agreement', id: signed.id }],
    });
    expect(dataOf(entity)).toEqual({ _entities: [{ id: signed.id, ownersCommittee: { name: '新城花园业委会' } }] });
  });

  it('hides the contact persons from anonymous callers', async () => {
    const [agreement] = await tester.models.Agreement.find({ communityId: tree.community }).lean();
    const result = await tester.execute(
      `query($id: ID!) { agreement(id: $id) { responseDeadlineHours contacts { community { name } } } }`,
      { id: agreement!._id.toHexString() },
      ANONYMOUS,
    );
    expect(result.data).toEqual({ agreement: { responseDeadlineHours: 24, contacts: null } });
    expectError(result, unauthenticated());
  });

  it('checks the kinds, the owners committee, the contacts and the deadlines, writing nothing', async () => {
    const before = await tester.models.Agreement.countDocuments();
    const cases: [Record<string, unknown>, ErrorWithExtensions][] = [
      [{ propertyCompanyId: ownersCommittee }, invalidInput(kindMismatch('propertyCompanyId', 'PROPERTY_COMPANY', 'OWNERS_COMMITTEE'))],
      [{ ownersCommitteeId: otherOwnersCommittee }, ownersCommitteeOutsideCommunity()],
      [{ communityContact: { name: '王建国', phone: '12' } }, notAPhoneNumber('communityContact.phone')],
      [{ ownersCommitteeContact: { name: ' ', phone: '13812345678' } }, emptyText('ownersCommitteeContact.name')],
      [{ responseDeadlineHours: 0 }, invalidInput(responseDeadlineOutOfRange())],
      [{ resolutionDeadlineHours: 12 }, invalidInput(resolutionDeadlineOutOfRange(24))],
      [{ propertyCompanyId: new Types.ObjectId().toHexString() }, unknownId('propertyCompanyId', 'organisation')],
    ];
    for (const [change, expected] of cases) {
      expectError(await tester.execute(SIGN, { input: { ...withParties(), ...change } }, worker), expected);
    }
    expect(await tester.models.Agreement.countDocuments()).toBe(before);
  });

  it("pages a community's and each party's agreements newest first, counting every party's in one aggregate", async () => {
    const renewals = ['2025-06-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'];
    const ids: string[] = [];
    for (const renewedOn of renewals) ids.push(dataOf<{ signAgreement: { id: string } }>(await tester.execute(SIGN, { input: { ...withParties(), signedOn: renewedOn } }, worker)).signAgreement.id);
    const [firstSigned] = await tester.models.Agreement.find({ communityId: tree.community, signedOn: new Date(signedOn) }).lean();
    const newestFirst = [...ids].reverse().concat(firstSigned!._id.toHexString());

    const PAGE = `query($c: ID!, $after: String) { agreements(communityId: $c, first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } totalCount } }`;
    const first = dataOf<{ agreements: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string }; totalCount: number } }>(await tester.execute(PAGE, { c: tree.community }));
    const second = dataOf<typeof first>(await tester.execute(PAGE, { c: tree.community, after: first.agreements.pageInfo.endCursor }));
    expect([...first.agreements.edges, ...second.agreements.edges].map((edge) => edge.node.id)).toEqual(newestFirst);
    expect([first.agreements.pageInfo.hasNextPage, second.agreements.pageInfo.hasNextPage, first.agreements.totalCount]).toEqual([true, false, 3]);

    tester.commands.reset();
    const parties = await tester.execute(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { agreements(first: 1) { edges { node { id } } totalCount } } } }`,
      { r: [ownersCommittee, propertyCompany, school].map((id) => ({ __typename: 'Organisation', id })) },
    );
    expect(dataOf(parties)).toEqual({
      _entities: [
        { agreements: { edges: [{ node: { id: newestFirst[0] } }], totalCount: 3 } },
        { agreements: { edges: [{ node: { id: newestFirst[0] } }], totalCount: 3 } },
        { agreements: { edges: [], totalCount: 0 } },
      ],
    });
    expect(tester.commands.entries()).toEqual([
      { name: 'find', collection: 'organisations' },
      { name: 'aggregate', collection: 'agreements' },
      { name: 'aggregate', collection: 'agreements' },
    ]);
  });

  it('lets only staff covering the community sign', async () => {
    const before = await tester.models.Agreement.countDocuments();
    const gridWorkerElsewhere = staff('STREET_ADMIN', [new Types.ObjectId().toHexString()]);
    expectError(await tester.execute(SIGN, { input: withParties() }, gridWorkerElsewhere), signAgreementOutOfScope());
    expect(await tester.models.Agreement.countDocuments()).toBe(before);
  });
});
