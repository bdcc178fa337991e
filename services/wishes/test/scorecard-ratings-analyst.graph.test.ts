import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@civic/service-kit';
import { aWorld, startStack, type Stack, type World } from '@civic/test-harness';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { ACKNOWLEDGE, CONFIRM, PUBLISH, RESOLVE, WishWorld } from './support/wish-world.ts';

// The same scorecards read by a street admin and by an analyst, through the gateway: the admin gets
// every rating; the analyst the k-anonymous ones, a star of one side and China month counting only
// with 5 ratings or more, and every rating figure (and a ranking by mean rating) made of those.
const HOUR = 3_600_000;
const clock = new ManualClock(new Date('2026-04-06T01:00:00.000Z'));
const APRIL = { from: '2026-04', to: '2026-04' };
const MAY = { from: '2026-05', to: '2026-05' };
const APRIL_TO_MAY = { from: '2026-04', to: '2026-05' };
const SCORECARD = `from to handled claimed resolved fulfilled open overdue medianHoursToAcknowledge medianHoursToResolve onTimeRate
  ratings { count mean standardDeviation perStar { stars count } minimumGroupSize withheldCells } reopenRate escalations`;
const ORGANISATION_SCORECARD = `query($id: ID!, $period: AggregatePeriod!){ organisation(id: $id) { scorecard(period: $period) { ${SCORECARD} } } }`;
const EVALUATION = `query($id: ID!){ agreement(id: $id) { evaluation(year: 2026) { ratings { count mean standardDeviation perStar { stars count } minimumGroupSize withheldCells } } } }`;
const RANKING = `query($org: ID!, $period: AggregatePeriod!){ scorecardRanking(organisationId: $org, kind: PROPERTY_COMPANY, period: $period, by: MEAN_RATING) {
  edges { node { rank organisation { id } scorecard { ratings { count mean } } } } } }`;

let stack: Stack;
let world: World;
let wishes: WishWorld;
let gridId: string;
let workerToken: string;
let streetToken: string;
let analystToken: string;
let requesterToken: string;
let ownersId: string;
let jinlingId: string;
let wankeId: string;
let jinlingAgreementId: string;

const stars = (counts: number[]) => counts.map((count, index) => ({ stars: index + 1, count }));

function signAgreement(propertyCompanyId: string, signedOn: string): Promise<string> {
  return wishes.signAgreement(ownersId, propertyCompanyId, signedOn);
}

/** Requests routed to the newest agreement's company, each acknowledged after 1 h, resolved after 10 h and rated. */
async function ratedRequests(companyId: string, ratings: number[]) {
  const companyToken = await wishes.staffToken('COMMUNITY_WORKER', [companyId]);
  for (const rating of ratings) {
    const submitted = await wishes.submit(
      { kind: 'HELP', category: 'MARKET_SERVICE', title: '楼道灯不亮', description: '3栋2单元楼道灯坏了，晚上看不见路', tags: ['照明'], communityId: world.communityId, gridId },
      requesterToken,
    );
    expect((await wishes.must(PUBLISH, { id: submitted.id }, workerToken)).handler).toEqual({ id: companyId });
    clock.advance(HOUR);
    await wishes.must(ACKNOWLEDGE, { id: submitted.id }, companyToken);
    clock.advance(9 * HOUR);
    await wishes.must(RESOLVE, { id: submitted.id, note: '已更换灯泡' }, companyToken);
    await wishes.must(CONFIRM, { id: submitted.id, rating }, requesterToken);
  }
}

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph], clock });
  world = await aWorld(stack);
  wishes = new WishWorld(stack, world);
  gridId = await world.aMicroGrid();
  workerToken = await wishes.staffToken('COMMUNITY_WORKER', [world.communityId]);
  streetToken = await wishes.staffToken('STREET_ADMIN', [world.streetId]);
  analystToken = await stack.token({ subject: 'analyst:zhou', roles: ['ANALYST'] });
  requesterToken = await wishes.residentToken(await world.aResident(await world.aHousehold(gridId), { name: '林桂兰' }));
  ownersId = await wishes.anOrganisation('新城花园业委会', 'OWNERS_COMMITTEE', world.communityId);
  jinlingId = await wishes.anOrganisation('金陵物业服务有限公司', 'PROPERTY_COMPANY', world.communityId);
  wankeId = await wishes.anOrganisation('万科物业新城服务中心', 'PROPERTY_COMPANY', world.communityId);

  // 金陵 in April: five 5★, two 4★, one 1★; in May three more 5★.
  jinlingAgreementId = await signAgreement(jinlingId, '2026-01-01T00:00:00.000Z');
  await ratedRequests(jinlingId, [5, 4, 5, 1, 5, 4, 5, 5]);
  clock.set(new Date('2026-05-06T01:00:00.000Z'));
  await ratedRequests(jinlingId, [5, 5, 5]);
  // 万科, under the newer agreement, in May: two 5★.
  await signAgreement(wankeId, '2026-05-01T00:00:00.000Z');
  await ratedRequests(wankeId, [5, 5]);
}, 300_000);

afterAll(() => stack.stop());

async function scorecardOf(organisationId: string, period: typeof APRIL, token: string) {
  const response = await stack.query<{ organisation: { scorecard: Record<string, unknown> } }>(ORGANISATION_SCORECARD, { id: organisationId, period }, { token });
  expect(response.errors).toEqual([]);
  return response.data!.organisation.scorecard;
}

describe('a property company’s scorecard, read by the street and by an analyst', () => {
  // Everything but the ratings is the same for both readers: 11 requests, each answered in 1 h and closed in 10 h.
  const handling = {
    ...APRIL_TO_MAY,
    handled: 11,
    claimed: 0,
    resolved: 11,
    fulfilled: 0,
    open: 0,
    overdue: 0,
    medianHoursToAcknowledge: 1,
    medianHoursToResolve: 10,
    onTimeRate: 1,
    reopenRate: 0,
    escalations: 0,
  };

  it('gives the street admin every rating', async () => {
    expect(await scorecardOf(jinlingId, APRIL_TO_MAY, streetToken)).toEqual({
      ...handling,
      ratings: { count: 11, mean: 4.45, standardDeviation: 1.16, perStar: stars([1, 0, 0, 2, 8]), minimumGroupSize: null, withheldCells: 0 },
    });
  });

  it('gives the analyst the published stars only, with every rating figure made of them', async () => {
    // Withheld: April's 1★ (1) and 4★ (2), May's 5★ (3); April's 5★ (5) is published.
    expect(await scorecardOf(jinlingId, APRIL_TO_MAY, analystToken)).toEqual({
      ...handling,
      ratings: { count: 5, mean: 5, standardDeviation: 0, perStar: stars([0, 0, 0, 0, 5]), minimumGroupSize: 5, withheldCells: 3 },
    });
  });

  it('lets no subtraction of two periods reveal a withheld month', async () => {
    const ratingsOf = async (period: typeof APRIL, token: string) => ((await scorecardOf(jinlingId, period, token)).ratings as { perStar: unknown }).perStar;
    // The street sees May's three 5★ ratings; the analyst's April-to-May minus April comes out at 0.
    expect(await ratingsOf(MAY, streetToken)).toEqual(stars([0, 0, 0, 0, 3]));
    expect(await ratingsOf(APRIL, analystToken)).toEqual(stars([0, 0, 0, 0, 5]));
    expect(await ratingsOf(APRIL_TO_MAY, analystToken)).toEqual(stars([0, 0, 0, 0, 5]));
    expect(await ratingsOf(MAY, analystToken)).toEqual(stars([0, 0, 0, 0, 0]));
  });

  it('evaluates the agreement for the analyst from the same published cells', async () => {
    const evaluation = async (token: string) => {
      const response = await stack.query<{ agreement: { evaluation: { ratings: unknown } } }>(EVALUATION, { id: jinlingAgreementId }, { token });
      expect(response.errors).toEqual([]);
      return response.data!.agreement.evaluation.ratings;
    };
    expect(await evaluation(streetToken)).toEqual({ count: 11, mean: 4.45, standardDeviation: 1.16, perStar: stars([1, 0, 0, 2, 8]), minimumGroupSize: null, withheldCells: 0 });
    expect(await evaluation(analystToken)).toEqual({ count: 5, mean: 5, standardDeviation: 0, perStar: stars([0, 0, 0, 0, 5]), minimumGroupSize: 5, withheldCells: 3 });
  });
});

describe('a ranking by mean rating', () => {
  const ranking = async (token: string) => {
    const response = await stack.query<{ scorecardRanking: { edges: { node: unknown }[] } }>(RANKING, { org: world.communityId, period: APRIL_TO_MAY }, { token });
    expect(response.errors).toEqual([]);
    return response.data!.scorecardRanking.edges.map((edge) => edge.node);
  };

  it('orders the street’s view by every rating, and the analyst’s by the published ones: 万科’s two ratings are withheld', async () => {
    expect(await ranking(streetToken)).toEqual([
      { rank: 1, organisation: { id: wankeId }, scorecard: { ratings: { count: 2, mean: 5 } } },
      { rank: 2, organisation: { id: jinlingId }, scorecard: { ratings: { count: 11, mean: 4.45 } } },
    ]);
    expect(await ranking(analystToken)).toEqual([
      { rank: 1, organisation: { id: jinlingId }, scorecard: { ratings: { count: 5, mean: 5 } } },
      { rank: 2, organisation: { id: wankeId }, scorecard: { ratings: { count: 0, mean: null } } },
    ]);
  });
});
