import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, notACursor, notAMonth, notWholeNumberInRange } from '@civic/service-kit';
import { aWorld, commandCounts, expectError, RACE_TIMEOUT, repeatRace, startStack, type Stack, type World } from '@civic/test-harness';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { ACKNOWLEDGE, CLAIM, CONFIRM, FULFIL, PUBLISH, REASSIGN, RESOLVE, START, SWEEP, WishWorld, type WishView } from './support/wish-world.ts';
import type { Models } from '../src/models/index.ts';
import { readAgreementEvaluationOutOfScope, readAnotherResidentsScorecard, readRankingOutOfScope, readScorecardOutOfScope, wishChangedMeanwhile } from '../src/errors.ts';

// Scorecards through the gateway, built by real mutations on a manual clock in April 2026 (China
// time): the street ranks its property companies, an agreement is evaluated against its own
// deadlines, and a resident claimant's scorecard is theirs, not another resident's.
const HOUR = 3_600_000;
const clock = new ManualClock(new Date('2026-04-06T01:00:00.000Z'));
const APRIL = { from: '2026-04', to: '2026-04' };
const SCORECARD = `from to handled claimed resolved fulfilled open overdue medianHoursToAcknowledge medianHoursToResolve onTimeRate
  ratings { count mean standardDeviation perStar { stars count } } reopenRate escalations`;
const OUTCOMES = 'outcomes { recorded beneficiaryHouseholds beneficiaryPersons partnerOrganisations quantities { item amount unit } }';
const RANKING = `query($org: ID!, $period: AggregatePeriod!, $by: ScorecardMetric!, $first: Int, $after: String) {
  scorecardRanking(organisationId: $org, kind: PROPERTY_COMPANY, period: $period, by: $by, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { rank organisation { id name } scorecard { ${SCORECARD} } } } } }`;
const EVALUATION = `query($id: ID!, $year: Int!){ agreement(id: $id) { evaluation(year: $year) { ${SCORECARD} } } }`;
const RESIDENT_SCORECARD = `query($id: ID!, $period: AggregatePeriod!){ resident(id: $id) { scorecard(period: $period) { ${SCORECARD} ${OUTCOMES} } } }`;
const SWEEP_NOTICES = 'mutation { runDeadlineSweep { deadlineNotices escalated } }';
const ORGANISATION_SCORECARD = `query($id: ID!, $period: AggregatePeriod!){ organisation(id: $id) { scorecard(period: $period) { ${SCORECARD} ${OUTCOMES} } } }`;

let stack: Stack;
let world: World;
let wishes: WishWorld;
let gridId: string;
let workerToken: string;
let streetToken: string;
let requesterToken: string;
let ownersId: string;
const property: Record<'jinling' | 'wanke' | 'idle', string> = { jinling: '', wanke: '', idle: '' };
let jinlingAgreementId: string;
let unansweredId: string;

const stars = (counts: number[]) => counts.map((count, index) => ({ stars: index + 1, count }));
const noRatings = { count: 0, mean: null, standardDeviation: null, perStar: stars([0, 0, 0, 0, 0]) };

function signAgreement(propertyCompanyId: string, signedOn: string): Promise<string> {
  return wishes.signAgreement(ownersId, propertyCompanyId, signedOn);
}

/**
 * A market-service request routed to the newest agreement's company, acknowledged and resolved by
 * its staff after the given hours (counted from routing), then rated; unresolved when `resolveAfter` is null.
 * Answers the request's id.
 */
async function aPropertyRequest(
  title: string,
  companyId: string,
  steps: { acknowledgeAfter: number | null; resolveAfter: number | null; rating: number | null; outcome?: Record<string, unknown> },
): Promise<string> {
  const submitted = await wishes.submit(
    { kind: 'HELP', category: 'MARKET_SERVICE', title, description: '电梯停运，楼上老人下不了楼', tags: ['电梯'], communityId: world.communityId, gridId },
    requesterToken,
  );
  const routed = await wishes.must(PUBLISH, { id: submitted.id }, workerToken);
  expect(routed.handler).toEqual({ id: companyId });
  const companyToken = await wishes.staffToken('COMMUNITY_WORKER', [companyId]);
  if (steps.acknowledgeAfter === null) return submitted.id;
  clock.advance(steps.acknowledgeAfter * HOUR);
  await wishes.must(ACKNOWLEDGE, { id: submitted.id }, companyToken);
  if (steps.resolveAfter === null) return submitted.id;
  clock.advance((steps.resolveAfter - steps.acknowledgeAfter) * HOUR);
  await wishes.must(RESOLVE, { id: submitted.id, note: '已维修', outcome: steps.outcome ?? null }, companyToken);
  if (steps.rating !== null) await wishes.must(CONFIRM, { id: submitted.id, rating: steps.rating }, requesterToken);
  return submitted.id;
}

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph], clock });
  world = await aWorld(stack);
  wishes = new WishWorld(stack, world);
  gridId = await world.aMicroGrid();
  workerToken = await wishes.staffToken('COMMUNITY_WORKER', [world.communityId]);
  streetToken = await wishes.staffToken('STREET_ADMIN', [world.streetId]);
  requesterToken = await wishes.residentToken(await world.aResident(await world.aHousehold(gridId), { name: '林桂兰' }));
  ownersId = await wishes.anOrganisation('新城花园业委会', 'OWNERS_COMMITTEE', world.communityId);
  property.jinling = await wishes.anOrganisation('金陵物业服务有限公司', 'PROPERTY_COMPANY', world.communityId);
  property.wanke = await wishes.anOrganisation('万科物业新城服务中心', 'PROPERTY_COMPANY', world.communityId);
  property.idle = await wishes.anOrganisation('新城花园物业管理处', 'PROPERTY_COMPANY', world.communityId);

  // 金陵 under its agreement (2 h to answer, 48 h to close): one request closed in 10 h, one in 60 h, late.
  jinlingAgreementId = await signAgreement(property.jinling, '2026-01-01T00:00:00.000Z');
  // Each records its outcome: repairs, households or persons served, the partners called in.
  const repairs = (amount: number) => [{ item: '电梯维修', amount, unit: '次' }];
  await aPropertyRequest('3栋电梯停运', property.jinling, { acknowledgeAfter: 1, resolveAfter: 10, rating: 5, outcome: { quantities: repairs(1), beneficiaries: { households: 12 }, partnerIds: [property.wanke] } });
  await aPropertyRequest('5栋电梯异响', property.jinling, { acknowledgeAfter: 1, resolveAfter: 60, rating: 2, outcome: { quantities: repairs(2), beneficiaries: { persons: 30 }, partnerIds: [property.wanke, property.idle] } });
  // 万科 under the newer agreement: one closed in 20 h, one never answered, its 2 h passed (and
  // not yet swept: overdue counts from the sweep that tells the company, which also escalates it).
  await signAgreement(property.wanke, '2026-03-01T00:00:00.000Z');
  await aPropertyRequest('车库门禁失灵', property.wanke, { acknowledgeAfter: 3, resolveAfter: 20, rating: 4 });
  unansweredId = await aPropertyRequest('地库积水', property.wanke, { acknowledgeAfter: null, resolveAfter: null, rating: null });
  clock.advance(3 * HOUR);
}, 180_000);

afterAll(() => stack.stop());

describe('the ranking of a street’s property companies', () => {
  it('ranks by on-time rate, the company without a closed request last, page by page', async () => {
    const first = await stack.query<{ scorecardRanking: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: unknown }[] } }>(
      RANKING,
      { org: world.streetId, period: APRIL, by: 'ON_TIME_RATE', first: 2 },
      { token: streetToken },
    );
    expect(first.errors).toEqual([]);
    const ranking = first.data!.scorecardRanking;
    expect(ranking.totalCount).toBe(3);
    expect(ranking.pageInfo.hasNextPage).toBe(true);
    expect(ranking.edges.map((edge) => edge.node)).toEqual([
      {
        rank: 1,
        organisation: { id: property.wanke, name: '万科物业新城服务中心' },
        scorecard: {
          ...APRIL,
          handled: 2,
          claimed: 0,
          resolved: 1,
          fulfilled: 0,
          open: 1,
          overdue: 0,
          medianHoursToAcknowledge: 3,
          medianHoursToResolve: 20,
          onTimeRate: 1,
          ratings: { count: 1, mean: 4, standardDeviation: 0, perStar: stars([0, 0, 0, 1, 0]) },
          reopenRate: 0,
          escalations: 0,
        },
      },
      {
        rank: 2,
        organisation: { id: property.jinling, name: '金陵物业服务有限公司' },
        scorecard: {
          ...APRIL,
          handled: 2,
          claimed: 0,
          resolved: 2,
          fulfilled: 0,
          open: 0,
          overdue: 0,
          medianHoursToAcknowledge: 1,
          medianHoursToResolve: 35,
          onTimeRate: 0.5,
          ratings: { count: 2, mean: 3.5, standardDeviation: 1.5, perStar: stars([0, 1, 0, 0, 1]) },
          reopenRate: 0,
          escalations: 0,
        },
      },
    ]);

    const rest = await stack.query<{ scorecardRanking: { pageInfo: { hasNextPage: boolean }; edges: { node: { rank: number; organisation: { id: string }; scorecard: unknown } }[] } }>(
      RANKING,
      { org: world.streetId, period: APRIL, by: 'ON_TIME_RATE', first: 2, after: ranking.pageInfo.endCursor },
      { token: streetToken },
    );
    expect(rest.data!.scorecardRanking.pageInfo.hasNextPage).toBe(false);
    expect(rest.data!.scorecardRanking.edges.map((edge) => [edge.node.rank, edge.node.organisation.id])).toEqual([[3, property.idle]]);
    expect(rest.data!.scorecardRanking.edges[0]!.node.scorecard).toEqual({
      ...APRIL,
      handled: 0,
      claimed: 0,
      resolved: 0,
      fulfilled: 0,
      open: 0,
      overdue: 0,
      medianHoursToAcknowledge: null,
      medianHoursToResolve: null,
      onTimeRate: null,
      ratings: noRatings,
      reopenRate: null,
      escalations: 0,
    });
  });

  it('ranks the fastest to resolve first, and answers an analyst too', async () => {
    const response = await stack.query<{ scorecardRanking: { edges: { node: { rank: number; organisation: { id: string } } }[] } }>(
      RANKING,
      { org: world.communityId, period: APRIL, by: 'MEDIAN_HOURS_TO_RESOLVE' },
      { token: await stack.token({ roles: ['ANALYST'] }) },
    );
    expect(response.data!.scorecardRanking.edges.map((edge) => [edge.node.rank, edge.node.organisation.id])).toEqual([
      [1, property.wanke],
      [2, property.jinling],
      [3, property.idle],
    ]);
  });

  it('is refused to staff of another community and to a resident, and bad input names its field', async () => {
    const elsewhere = await wishes.anOrganisation('滨江社区党委', 'COMMUNITY_PARTY_COMMITTEE', world.streetId);
    const outsider = await wishes.staffToken('COMMUNITY_WORKER', [elsewhere]);
    expectError(await stack.query(RANKING, { org: world.streetId, period: APRIL, by: 'HANDLED' }, { token: outsider }), readRankingOutOfScope());
    expectError(await stack.query(RANKING, { org: world.streetId, period: APRIL, by: 'HANDLED' }, { token: requesterToken }), readRankingOutOfScope());
    expectError(await stack.query(RANKING, { org: world.streetId, period: { from: '2026-4', to: '2026-04' }, by: 'HANDLED' }, { token: streetToken }), notAMonth('period.from'));
    expectError(await stack.query(RANKING, { org: world.streetId, period: APRIL, by: 'HANDLED', after: 'not-a-cursor' }, { token: streetToken }), notACursor());
  });
});

describe('batching', () => {
  it('scores a page of organisations with one read of rollups per side, and a ranking with two, whatever the number of units', async () => {
    stack.resetCommands();
    const page = await stack.query<{ organisations: { edges: { node: { scorecard: { handled: number } } }[] } }>(
      'query($c: ID!, $period: AggregatePeriod!){ organisations(filter: { within: $c, kind: PROPERTY_COMPANY }, first: 10) { edges { node { scorecard(period: $period) { handled } } } } }',
      { c: world.communityId, period: APRIL },
      { token: streetToken },
    );
    expect(page.data!.organisations.edges.map((edge) => edge.node.scorecard.handled).sort()).toEqual([0, 2, 2]);
    expect(commandCounts(stack.commands().wishes!)).toEqual({ 'find scorecard_rollups': 2 });

    // A ranking: every unit's figure ranked by, then the page's units whole, each one read per side.
    stack.resetCommands();
    await stack.query(RANKING, { org: world.streetId, period: APRIL, by: 'HANDLED' }, { token: streetToken });
    expect(commandCounts(stack.commands().wishes!)).toEqual({ 'find scorecard_rollups': 4 });
  });
});

describe('an organisation’s own scorecard', () => {
  it('is read by the company’s own staff and refused to another company’s', async () => {
    const own = await stack.query<{ organisation: { scorecard: { handled: number; onTimeRate: number; outcomes: unknown } } }>(
      ORGANISATION_SCORECARD,
      { id: property.jinling, period: APRIL },
      { token: await wishes.staffToken('COMMUNITY_WORKER', [property.jinling]) },
    );
    expect(own.errors).toEqual([]);
    expect([own.data!.organisation.scorecard.handled, own.data!.organisation.scorecard.onTimeRate]).toEqual([2, 0.5]);
    // The outcomes of its two requests, summed: 1 + 2 repairs, 12 households and 30 persons, two distinct partners.
    expect(own.data!.organisation.scorecard.outcomes).toEqual({
      recorded: 2,
      beneficiaryHouseholds: 12,
      beneficiaryPersons: 30,
      partnerOrganisations: 2,
      quantities: [{ item: '电梯维修', amount: 3, unit: '次' }],
    });
    const other = await stack.query(ORGANISATION_SCORECARD, { id: property.jinling, period: APRIL }, { token: await wishes.staffToken('COMMUNITY_WORKER', [property.wanke]) });
    expectError(other, readScorecardOutOfScope());
  });
});

describe('the yearly evaluation of a tripartite agreement', () => {
  it('judges its requests against its own deadlines: one closed late of two', async () => {
    const response = await stack.query<{ agreement: { evaluation: unknown } }>(EVALUATION, { id: jinlingAgreementId, year: 2026 }, { token: workerToken });
    expect(response.errors).toEqual([]);
    expect(response.data!.agreement.evaluation).toEqual({
      from: '2026-01',
      to: '2026-12',
      handled: 2,
      claimed: 0,
      resolved: 2,
      fulfilled: 0,
      open: 0,
      overdue: 0,
      medianHoursToAcknowledge: 1,
      medianHoursToResolve: 35,
      onTimeRate: 0.5,
      ratings: { count: 2, mean: 3.5, standardDeviation: 1.5, perStar: stars([0, 1, 0, 0, 1]) },
      reopenRate: 0,
      escalations: 0,
    });
    const lastYear = await stack.query<{ agreement: { evaluation: { handled: number } } }>(EVALUATION, { id: jinlingAgreementId, year: 2025 }, { token: workerToken });
    expect(lastYear.data!.agreement.evaluation.handled).toBe(0);
  });

  it('is read by the property company’s staff, refused to a resident, and a year out of range is bad input', async () => {
    const company = await stack.query<{ agreement: { evaluation: { onTimeRate: number } } }>(
      EVALUATION,
      { id: jinlingAgreementId, year: 2026 },
      { token: await wishes.staffToken('COMMUNITY_WORKER', [property.jinling]) },
    );
    expect(company.data!.agreement.evaluation.onTimeRate).toBe(0.5);
    expectError(await stack.query(EVALUATION, { id: jinlingAgreementId, year: 2026 }, { token: requesterToken }), readAgreementEvaluationOutOfScope());
    expectError(await stack.query(EVALUATION, { id: jinlingAgreementId, year: 1999 }, { token: workerToken }), notWholeNumberInRange('year', 2000, 2100));
  });
});

describe('a resident claimant’s scorecard', () => {
  it('is the volunteer’s own and staff’s in scope, and refused to another resident and to an analyst', async () => {
    const volunteer = await wishes.aVolunteer(gridId, '王志愿');
    const submitted = await wishes.submit({ communityId: world.communityId, gridId, title: '帮忙买菜送上门' }, requesterToken);
    await wishes.must(PUBLISH, { id: submitted.id }, workerToken);
    // Past the grid's own window, the community's volunteers may claim.
    clock.advance(25 * HOUR);
    await wishes.must(CLAIM, { id: submitted.id }, volunteer.token);
    clock.advance(2 * HOUR);
    await wishes.must(START, { id: submitted.id }, volunteer.token);
    clock.advance(5 * HOUR);
    await wishes.must(FULFIL, { id: submitted.id, outcome: { quantities: [{ item: '蔬菜', amount: 30.5, unit: '斤' }], beneficiaries: { households: 1, persons: 2 } } }, volunteer.token);
    await wishes.must(CONFIRM, { id: submitted.id, rating: 5 }, requesterToken);

    const expected = {
      ...APRIL,
      handled: 0,
      claimed: 1,
      resolved: 0,
      fulfilled: 1,
      open: 0,
      overdue: 0,
      medianHoursToAcknowledge: 2,
      medianHoursToResolve: 7,
      onTimeRate: null,
      ratings: { count: 1, mean: 5, standardDeviation: 0, perStar: stars([0, 0, 0, 0, 1]) },
      reopenRate: 0,
      escalations: 0,
      outcomes: { recorded: 1, beneficiaryHouseholds: 1, beneficiaryPersons: 2, partnerOrganisations: 0, quantities: [{ item: '蔬菜', amount: 30.5, unit: '斤' }] },
    };
    const own = await stack.query<{ resident: { scorecard: unknown } }>(RESIDENT_SCORECARD, { id: volunteer.id, period: APRIL }, { token: volunteer.token });
    expect(own.errors).toEqual([]);
    expect(own.data!.resident.scorecard).toEqual(expected);
    const staff = await stack.query<{ resident: { scorecard: unknown } }>(RESIDENT_SCORECARD, { id: volunteer.id, period: APRIL }, { token: workerToken });
    expect(staff.data!.resident.scorecard).toEqual(expected);

    const neighbour = await stack.query<{ resident: { scorecard: unknown } | null }>(RESIDENT_SCORECARD, { id: volunteer.id, period: APRIL }, { token: requesterToken });
    expectError(neighbour, readAnotherResidentsScorecard());
    expect(neighbour.data?.resident?.scorecard ?? null).toBe(null);
    const analyst = await stack.query(RESIDENT_SCORECARD, { id: volunteer.id, period: APRIL }, { token: await stack.token({ roles: ['ANALYST'] }) });
    expect(analyst.errors.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('an escalated request', () => {
  it('stays on the record of the company that let its deadline pass, and counts for the street that took it over', async () => {
    const sweep = await stack.query<{ runDeadlineSweep: { escalated: number } }>(SWEEP, {}, { token: world.adminToken });
    expect(sweep.data!.runDeadlineSweep.escalated).toBe(1);
    const read = async (id: string) =>
      (await stack.query<{ organisation: { scorecard: Record<string, unknown> } }>(ORGANISATION_SCORECARD, { id, period: APRIL }, { token: streetToken })).data!.organisation.scorecard;
    const [wanke, street] = await Promise.all([read(property.wanke), read(world.streetId)]);
    expect([wanke.handled, wanke.open, wanke.overdue, wanke.escalations]).toEqual([2, 1, 0, 1]);
    expect([street.handled, street.open, street.overdue, street.escalations]).toEqual([1, 1, 0, 1]);
  });

  it('counts as overdue, for every unit that handled it, once the sweep tells the district its deadline passed, until the district acknowledges it', async () => {
    const sweep = async () => (await stack.query<{ runDeadlineSweep: { deadlineNotices: number; escalated: number } }>(SWEEP_NOTICES, {}, { token: world.adminToken })).data!.runDeadlineSweep;
    const read = async (id: string) => {
      const { scorecard } = (await stack.query<{ organisation: { scorecard: Record<string, number> } }>(ORGANISATION_SCORECARD, { id, period: APRIL }, { token: world.adminToken })).data!.organisation;
      return [scorecard.handled, scorecard.open, scorecard.overdue, scorecard.escalations];
    };
    // The street lets its 12 h pass too: the request goes up to the district, the top.
    clock.advance(13 * HOUR);
    expect(await sweep()).toEqual({ deadlineNotices: 1, escalated: 1 });
    clock.advance(13 * HOUR);
    // Past the district's deadline, but not yet told: not counted.
    expect(await read(world.districtId)).toEqual([1, 1, 0, 2]);
    expect(await sweep()).toEqual({ deadlineNotices: 1, escalated: 0 });
    const units = () => Promise.all([read(world.districtId), read(world.streetId), read(property.wanke)]);
    expect(await units()).toEqual([
      [1, 1, 1, 2],
      [1, 1, 1, 2],
      [2, 1, 1, 2],
    ]);
    // The district takes it up: a deadline to resolve stands, and it is no longer overdue.
    await wishes.must(ACKNOWLEDGE, { id: unansweredId }, world.adminToken);
    expect(await units()).toEqual([
      [1, 1, 0, 2],
      [1, 1, 0, 2],
      [2, 1, 0, 2],
    ]);
  });
});

// Last in the file: the companies these rounds add would join the rankings above.
describe('the rollups scorecards are read from', () => {
  const RATINGS = [1, 2, 4, 5];

  it('add up every change of one company\'s requests made at the same moment, round after round', async () => {
    await repeatRace(async (round) => {
      const company = await wishes.anOrganisation(`第${round}物业服务中心`, 'PROPERTY_COMPANY', world.communityId);
      // Signed after every agreement before it, so the community's requests now go to this company.
      await signAgreement(company, new Date(Date.UTC(2026, 2, 1) + round * 60_000).toISOString());
      const companyToken = await wishes.staffToken('COMMUNITY_WORKER', [company]);
      const requests: WishView[] = [];
      for (const rating of RATINGS) {
        requests.push(await wishes.submit({ kind: 'HELP', category: 'MARKET_SERVICE', title: `${round}号楼电梯停运（${rating}）`, description: '电梯停运', tags: ['电梯'], communityId: world.communityId, gridId }, requesterToken));
      }
      // Each step of the four at once: the first creates the company's rollups, the rest race on them.
      const together = (mutation: string, variables: (id: string, index: number) => Record<string, unknown>, token: string) =>
        Promise.all(requests.map((request, index) => wishes.must(mutation, variables(request.id, index), token)));
      await together(PUBLISH, (id) => ({ id }), workerToken);
      clock.advance(HOUR);
      await together(ACKNOWLEDGE, (id) => ({ id }), companyToken);
      clock.advance(2 * HOUR);
      await together(RESOLVE, (id) => ({ id, note: '已维修', outcome: { quantities: [{ item: '电梯维修', amount: 1.5, unit: '次' }], beneficiaries: null, partnerIds: [company] } }), companyToken);
      await together(CONFIRM, (id, index) => ({ id, rating: RATINGS[index] }), requesterToken);

      const read = await stack.query<{ organisation: { scorecard: unknown } }>(ORGANISATION_SCORECARD, { id: company, period: APRIL }, { token: streetToken });
      expect(read.data!.organisation.scorecard).toEqual({
        ...APRIL,
        handled: 4,
        claimed: 0,
        resolved: 4,
        fulfilled: 0,
        open: 0,
        overdue: 0,
        medianHoursToAcknowledge: 1,
        medianHoursToResolve: 3,
        onTimeRate: 1,
        ratings: { count: 4, mean: 3, standardDeviation: 1.58, perStar: stars([1, 1, 0, 1, 1]) },
        reopenRate: 0,
        escalations: 0,
        outcomes: { recorded: 4, beneficiaryHouseholds: 0, beneficiaryPersons: 0, partnerOrganisations: 1, quantities: [{ item: '电梯维修', amount: 6, unit: '次' }] },
      });
    });
  }, RACE_TIMEOUT);

  it('count a request overdue exactly when the sweep told it and no acknowledgement came first, when both come at once, round after round', async () => {
    await repeatRace(async (round) => {
      const company = await wishes.anOrganisation(`第${round}号物业服务站`, 'PROPERTY_COMPANY', world.communityId);
      await signAgreement(company, new Date(Date.UTC(2026, 2, 2) + round * 60_000).toISOString());
      const request = await wishes.submit({ kind: 'HELP', category: 'MARKET_SERVICE', title: `${round}号楼水管爆裂`, description: '水管爆裂', tags: ['维修'], communityId: world.communityId, gridId }, requesterToken);
      await wishes.must(PUBLISH, { id: request.id }, workerToken);
      // At the district, the top: the sweep tells it once its deadline passes and escalates it no further.
      await wishes.must(REASSIGN, { id: request.id, handler: world.districtId, note: '区级督办' }, world.adminToken);
      clock.advance(13 * HOUR);
      const [, acknowledged] = await Promise.all([
        stack.query('mutation($org: ID){ runDeadlineSweep(organisationId: $org) { deadlineNotices } }', { org: world.communityId }, { token: world.adminToken }),
        stack.query('mutation($id: ID!){ acknowledgeRequest(id: $id) { status } }', { id: request.id }, { token: world.adminToken }),
      ]);
      // An acknowledgement read before the sweep's notice loses to it, and writes nothing.
      if (acknowledged.errors.length > 0) expectError(acknowledged, wishChangedMeanwhile());
      const status = (await stack.query<{ wish: { status: string } }>('query($id: ID!){ wish(id: $id) { status } }', { id: request.id }, { token: world.adminToken })).data!.wish.status;
      expect(status).toBe(acknowledged.errors.length > 0 ? 'ROUTED' : 'IN_SERVICE');
      const read = await stack.query<{ organisation: { scorecard: Record<string, number> } }>(ORGANISATION_SCORECARD, { id: company, period: APRIL }, { token: streetToken });
      const { handled, open, overdue } = read.data!.organisation.scorecard;
      expect({ handled, open, overdue }).toEqual({ handled: 1, open: 1, overdue: status === 'ROUTED' ? 1 : 0 });
    });
  }, RACE_TIMEOUT);

  it('are built again from the wishes at a start when a database has none, to the same figures', async () => {
    const ranking = async () =>
      (await stack.query<{ scorecardRanking: unknown }>(RANKING, { org: world.streetId, period: APRIL, by: 'MEDIAN_HOURS_TO_RESOLVE', first: 100 }, { token: streetToken })).data!.scorecardRanking;
    const kept = await ranking();
    const models = stack.subgraph('wishes').models as unknown as Models;
    await models.ScorecardRollupBuild.deleteMany({});
    await models.ScorecardRollup.deleteMany({});
    expect(await ranking()).not.toEqual(kept);

    await wishesSubgraph.backfill!(models);
    expect(await models.ScorecardRollupBuild.countDocuments()).toBe(1);
    expect(await ranking()).toEqual(kept);
  });
});
