import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expiredAccessToken,
  invalidAccessToken,
  liveNoPersonalInbox,
  liveOrganisationNotFound,
  liveQueueOutOfScope,
  liveWishNotFound,
  onlySubscriptionsStream,
  overCap,
  subscriptionNeedsSignIn,
  subscriptionTokenExpired,
} from '@civic/gateway';
import { aWorld, startStack, summaryOf, waitUntilPublished, type Stack, type World } from '@civic/test-harness';
import { mustSubscribe, refusedStream, type LiveMessage, type LiveSubscription } from './support/live-client.ts';

// Subscriptions at the gateway's URL, through graphql-sse's own client, fed by the departments'
// events on the broker: what each push holds is what the same query answers the subscriber.
let stack: Stack;
let world: World;
let gridId: string;
let workerToken: string;
let committeeId: string;
let committeeToken: string;
let requesterId: string;
let requesterToken: string;
let neighbourId: string;
let neighbourToken: string;

const WISH_CHANGED = 'subscription($id: ID!) { wishChanged(id: $id) { status timeline { action status } } }';
const WISH = 'query($id: ID!) { wishChanged: wish(id: $id) { status timeline { action status } } }';
/** A request just published, as WISH_CHANGED selects it. */
const ROUTED = {
  data: {
    wishChanged: {
      status: 'ROUTED',
      timeline: [
        { action: 'SUBMIT', status: 'SUBMITTED' },
        { action: 'PUBLISH', status: 'PUBLISHED' },
        { action: 'ROUTE', status: 'ROUTED' },
      ],
    },
  },
};
/** A notification travels twice through the broker (the department's event, then the inbox's): a wider wait than a wish's one hop. */
const NOTIFICATION_LIMIT_MS = 3_000;
const QUEUE_CHANGED = 'subscription($org: ID!) { handlerQueueChanged(organisationId: $org) { id status handler { id } } }';

beforeAll(async () => {
  // Subscriptions are served by the Apollo runtime (Hive Gateway's runtime serves none here).
  stack = await startStack({ gateway: { runtime: 'apollo' } });
  world = await aWorld(stack);
  gridId = await world.aMicroGrid();
  workerToken = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
  committeeId = (await world.mutate<{ createOrganisation: { id: string } }>('mutation($input: CreateOrganisationInput!){ createOrganisation(input: $input) { id } }', {
    input: { name: '新城社区居委会', kind: 'RESIDENTS_COMMITTEE', parentId: world.communityId },
  })).createOrganisation.id;
  committeeToken = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [committeeId] });
  requesterId = await world.aResident(await world.aHousehold(gridId), { name: '林桂兰' });
  requesterToken = await stack.token({ roles: ['RESIDENT'], residentId: requesterId });
  neighbourId = await world.aResident(await world.aHousehold(gridId), { name: '赵德明' });
  neighbourToken = await stack.token({ roles: ['RESIDENT'], residentId: neighbourId });
}, 120_000);

afterAll(() => stack.stop());

/** Runs a mutation, failing the test with its errors. */
async function must<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const response = await stack.query<T>(query, variables, { token });
  expect(response.errors).toEqual([]);
  return response.data!;
}

/** A self-governance request submitted by the requester, not yet published. */
async function aSubmittedRequest(title: string, token = requesterToken): Promise<string> {
  const input = { kind: 'HELP', category: 'SELF_GOVERNANCE', title, description: '楼道里堆满了纸箱和旧家具，堵住了消防通道', tags: [], channel: 'APP', communityId: world.communityId, gridId };
  return (await must<{ submitWish: { id: string } }>('mutation($input: SubmitWishInput!){ submitWish(input: $input) { id } }', { input }, token)).submitWish.id;
}

/** Publishing routes it to the residents' committee (the rules table's self-governance rule). */
const publish = (id: string) => must('mutation($id: ID!){ publishWish(id: $id) { id } }', { id }, workerToken);

/** The committee acknowledges and resolves it. */
async function resolve(id: string) {
  await must('mutation($id: ID!){ acknowledgeRequest(id: $id) { id } }', { id }, committeeToken);
  await must('mutation($id: ID!){ resolveRequest(id: $id, note: "已清理") { id } }', { id }, committeeToken);
}

async function aRoutedRequest(title: string): Promise<string> {
  const id = await aSubmittedRequest(title);
  await publish(id);
  return id;
}

const open: LiveSubscription[] = [];
async function subscribed(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<LiveSubscription> {
  const subscription = await mustSubscribe(url, token, query, variables);
  open.push(subscription);
  return subscription;
}
afterAll(() => open.forEach((subscription) => subscription.stop()));

describe('wishChanged', () => {
  it("pushes the wish's status and timeline within a second of each mutation, as wish(id) answers the subscriber", async () => {
    const id = await aSubmittedRequest('楼道堆放杂物');
    const live = await subscribed(stack.gatewayUrl, requesterToken, WISH_CHANGED, { id });

    await publish(id);
    expect(await live.next()).toEqual(ROUTED);

    await resolve(id);
    const heard = await live.until((message) => (message.data?.wishChanged as { status: string }).status === 'RESOLVED');
    // Before it, at most the second push of the publication (its routed event), still ROUTED.
    for (const earlier of heard.slice(0, -1)) expect(earlier).toEqual(ROUTED);
    expect(heard.at(-1)).toEqual({ data: (await stack.query(WISH, { id }, { token: requesterToken })).data });
    expect(heard.at(-1)?.data?.wishChanged).toEqual({
      status: 'RESOLVED',
      timeline: [...ROUTED.data.wishChanged.timeline, { action: 'ACKNOWLEDGE', status: 'IN_SERVICE' }, { action: 'RESOLVE', status: 'RESOLVED' }],
    });
  });

  it('masks for each subscriber what the query masks for them: the requester sees who asked, a neighbour does not', async () => {
    const id = await aRoutedRequest('电梯异响');
    const selection = 'subscription($id: ID!) { wishChanged(id: $id) { status requester { name } } }';
    const asRequester = await subscribed(stack.gatewayUrl, requesterToken, selection, { id });
    const asNeighbour = await subscribed(stack.gatewayUrl, neighbourToken, selection, { id });

    await resolve(id);
    expect(await asRequester.next()).toEqual({ data: { wishChanged: { status: 'RESOLVED', requester: { name: '林桂兰' } } } });
    expect(await asNeighbour.next()).toEqual({ data: { wishChanged: { status: 'RESOLVED', requester: null } } });
    const query = 'query($id: ID!) { wishChanged: wish(id: $id) { status requester { name } } }';
    expect((await stack.query(query, { id }, { token: neighbourToken })).data).toEqual({ wishChanged: { status: 'RESOLVED', requester: null } });
  });

  it("refuses each push past the caller's limits as the same query is refused, counting the selection as written", async () => {
    const id = await aSubmittedRequest('垃圾清运不及时');
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: status`).join(' ');
    const atCap = await subscribed(stack.gatewayUrl, requesterToken, `subscription($id: ID!) { wishChanged(id: $id) { ${aliases(15)} } }`, { id });
    const pastCap = await subscribed(stack.gatewayUrl, requesterToken, `subscription($id: ID!) { wishChanged(id: $id) { ${aliases(16)} } }`, { id });
    await publish(id);
    expect(await atCap.next()).toEqual({ data: { wishChanged: Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`a${i}`, 'ROUTED'])) } });
    const refused = await pastCap.next();
    expect(refused.errors?.map(summaryOf)).toEqual([summaryOf(overCap('resident', 'aliases', 15, 16))]);
    expect(refused.errors?.map(summaryOf)).toEqual((await stack.query(`query($id: ID!) { wish(id: $id) { ${aliases(16)} } }`, { id }, { token: requesterToken })).errors.map(summaryOf));
  });

  it('refuses a wish the caller may not see, as wish(id) answers null to them', async () => {
    const id = await aSubmittedRequest('噪音扰民');
    const live = await subscribed(stack.gatewayUrl, neighbourToken, WISH_CHANGED, { id });
    expect((await live.next()).errors?.map(summaryOf)).toEqual([summaryOf(liveWishNotFound())]);
    await live.completed;
  });

  it('answers a query sent as an event stream, or a selection that does not fit the schema, in the stream', async () => {
    const asQuery = await subscribed(stack.gatewayUrl, requesterToken, WISH, { id: '0123456789abcdef01234567' });
    expect((await asQuery.next()).errors?.map(summaryOf)).toEqual([summaryOf(onlySubscriptionsStream())]);
    const unknownField = await subscribed(stack.gatewayUrl, requesterToken, 'subscription($id: ID!) { wishChanged(id: $id) { colour } }', { id: '0123456789abcdef01234567' });
    expect((await unknownField.next()).errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
      ['GRAPHQL_VALIDATION_FAILED', 'Cannot query field "colour" on type "Wish".'],
    ]);
  });
});

describe('who may subscribe', () => {
  it('answers 401 before the stream opens to an anonymous caller, a forged token and an expired one', async () => {
    const id = await aRoutedRequest('路灯不亮');
    const expired = await stack.token({ roles: ['RESIDENT'] }, -60);
    const refusal = async (token: string | undefined) => {
      const { status, errors } = await refusedStream(stack.gatewayUrl, token, WISH_CHANGED, { id });
      return { status, errors: errors.map(summaryOf) };
    };
    expect(await refusal(undefined)).toEqual({ status: 401, errors: [summaryOf(subscriptionNeedsSignIn())] });
    expect(await refusal('eyJhbGciOiJFZERTQSJ9.e30.c2lnbmF0dXJl')).toEqual({ status: 401, errors: [summaryOf(invalidAccessToken())] });
    expect(await refusal(expired)).toEqual({ status: 401, errors: [summaryOf(expiredAccessToken())] });
  });

  it('ends the stream when the token expires, with the reason as its last message', async () => {
    const id = await aRoutedRequest('井盖松动');
    // Its routing, still unpublished on a busy machine, would reach the stream before the expiry.
    await waitUntilPublished(stack.subgraph('wishes'));
    const shortLived = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [world.communityId] }, 2);
    const live = await subscribed(stack.gatewayUrl, shortLived, WISH_CHANGED, { id });
    expect((await live.next(5_000)).errors?.map(summaryOf)).toEqual([summaryOf(subscriptionTokenExpired())]);
    await live.completed;
  });
});

describe('handlerQueueChanged', () => {
  it("pushes a request that enters and leaves the handler's queue to staff covering the handler", async () => {
    const live = await subscribed(stack.gatewayUrl, committeeToken, QUEUE_CHANGED, { org: committeeId });
    const id = await aRoutedRequest('消防通道被占');
    expect(await live.next()).toEqual({ data: { handlerQueueChanged: { id, status: 'ROUTED', handler: { id: committeeId } } } });
    await resolve(id);
    expect(await live.next()).toEqual({ data: { handlerQueueChanged: { id, status: 'RESOLVED', handler: { id: committeeId } } } });
  });

  it('refuses the queue to staff whose scope does not cover the handler, to residents, and for an unknown organisation', async () => {
    const elsewhere = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [world.branchId] });
    for (const token of [elsewhere, requesterToken]) {
      const live = await subscribed(stack.gatewayUrl, token, QUEUE_CHANGED, { org: committeeId });
      expect((await live.next()).errors?.map(summaryOf)).toEqual([summaryOf(liveQueueOutOfScope())]);
    }
    const unknown = await subscribed(stack.gatewayUrl, committeeToken, QUEUE_CHANGED, { org: '0123456789abcdef01234567' });
    expect((await unknown.next()).errors?.map(summaryOf)).toEqual([summaryOf(liveOrganisationNotFound())]);
  });
});

describe('myNotifications', () => {
  const MY_NOTIFICATIONS = 'subscription { myNotifications { kind title read wish { id } recipient { __typename ... on Resident { id } } } }';

  it("pushes each notification put in the resident's inbox, as notification(id) answers them, and nobody else's", async () => {
    // A requester of this test's own: the consumer may still be telling the shared requester of earlier tests' requests.
    const residentId = await world.aResident(await world.aHousehold(gridId), { name: '郑秀英' });
    const token = await stack.token({ roles: ['RESIDENT'], residentId });
    const mine = await subscribed(stack.gatewayUrl, token, MY_NOTIFICATIONS, {});
    const neighbours = await subscribed(stack.gatewayUrl, neighbourToken, MY_NOTIFICATIONS, {});
    const id = await aSubmittedRequest('小区门禁损坏', token);
    await publish(id);
    // The notifications department hears the publication and the routing, and tells the requester of each.
    const told = (title: string, wishId: string, residentId: string) => ({
      data: { myNotifications: { kind: 'WISH_STATUS_CHANGED', title, read: false, wish: { id: wishId }, recipient: { __typename: 'Resident', id: residentId } } },
    });
    const titleOf = (message: LiveMessage) => (message.data?.myNotifications as { title: string }).title;
    const heard = [await mine.next(NOTIFICATION_LIMIT_MS), await mine.next(NOTIFICATION_LIMIT_MS)].sort((a, b) => titleOf(a).localeCompare(titleOf(b)));
    expect(heard).toEqual([told('已通过审核', id, residentId), told('诉求已转办', id, residentId)].sort((a, b) => titleOf(a).localeCompare(titleOf(b))));
    // The neighbour's stream holds none of them: the first it hears is of the neighbour's own request.
    const own = await aSubmittedRequest('楼顶漏水', neighbourToken);
    await publish(own);
    expect(await neighbours.next(NOTIFICATION_LIMIT_MS)).toMatchObject({ data: { myNotifications: { wish: { id: own }, recipient: { id: neighbourId } } } });
  });

  it('refuses a caller without a resident account, as the inbox query does', async () => {
    const live = await subscribed(stack.gatewayUrl, workerToken, MY_NOTIFICATIONS, {});
    expect((await live.next()).errors?.map(summaryOf)).toEqual([summaryOf(liveNoPersonalInbox())]);
  });
});

describe('several gateways', () => {
  it('delivers through every replica: each hears every event from the broker', async () => {
    const replica = await stack.gatewayOn('apollo');
    const id = await aSubmittedRequest('健身器材损坏');
    const first = await subscribed(stack.gatewayUrl, requesterToken, WISH_CHANGED, { id });
    const second = await subscribed(replica.gatewayUrl, requesterToken, WISH_CHANGED, { id });
    await publish(id);
    expect([await first.next(), await second.next()]).toEqual([ROUTED, ROUTED]);
  });
});
