import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_RUNTIMES, purposeNotPercentEncoded, purposeTooLong, refusalBody, type GatewayRuntime } from '@civic/gateway';
import { PURPOSE_HEADER } from '@civic/identity';
import { aWorld, startStack, type Stack, type World } from '@civic/test-harness';
import { send } from './http.ts';

// The purpose a staff client states (x-civic-purpose) reaches the subgraphs in the signed
// forwarded viewer on both runtimes, and lands in the residents' access log with the read.
let stack: Stack;
let world: World;
let gateways: Record<GatewayRuntime, Pick<Stack, 'gatewayUrl' | 'query'>>;
let residentId: string;
let staffToken: string;

const PHONE = 'query($id: ID!) { resident(id: $id) { phone } }';

beforeAll(async () => {
  stack = await startStack({ gateway: { runtime: 'apollo' } });
  gateways = { apollo: stack, hive: await stack.gatewayOn('hive') };
  world = await aWorld(stack);
  residentId = await world.aResident(await world.aHousehold(await world.aMicroGrid()), { name: '王秀英', phone: '13812345678' });
  staffToken = await stack.token({ subject: 'staff:zhou', roles: ['GRID_WORKER'], scope: [world.communityId] });
});

afterAll(() => stack.stop());

/** The purposes the access log kept for one request id. */
async function loggedPurposes(requestId: string): Promise<(string | null)[]> {
  const log = (stack.subgraph('residents').models as unknown as { PersonalDataRead: { find(filter: object): { lean(): Promise<{ purpose: string | null }[]> } } }).PersonalDataRead;
  return (await log.find({ requestId }).lean()).map((entry) => entry.purpose);
}

/** The phone query with the purpose header exactly as given, however malformed. */
function withRawPurpose(runtime: GatewayRuntime, requestId: string, purpose: string) {
  return send(gateways[runtime].gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${staffToken}`, 'x-request-id': requestId, [PURPOSE_HEADER]: purpose },
    body: JSON.stringify({ query: PHONE, variables: { id: residentId } }),
  });
}

describe.each(GATEWAY_RUNTIMES)('the %s gateway', (runtime) => {
  it('carries the stated purpose, decoded and trimmed, to the access log; none as not stated', async () => {
    const stated = await gateways[runtime].query(PHONE, { id: residentId }, { token: staffToken, requestId: `purpose-${runtime}-1`, purpose: ' 入户走访：核实联系电话 ' });
    expect(stated.errors).toEqual([]);
    expect(await loggedPurposes(`purpose-${runtime}-1`)).toEqual(['入户走访：核实联系电话']);
    const unstated = await gateways[runtime].query(PHONE, { id: residentId }, { token: staffToken, requestId: `purpose-${runtime}-2` });
    expect(unstated.errors).toEqual([]);
    expect(await loggedPurposes(`purpose-${runtime}-2`)).toEqual([null]);
  });

  it('takes 200 characters and refuses 201 with 400 BAD_REQUEST, reading nothing', async () => {
    const longest = await withRawPurpose(runtime, `purpose-${runtime}-3`, encodeURIComponent('走'.repeat(200)));
    expect(longest.status).toBe(200);
    expect(await loggedPurposes(`purpose-${runtime}-3`)).toEqual(['走'.repeat(200)]);
    const tooLong = await withRawPurpose(runtime, `purpose-${runtime}-4`, encodeURIComponent('走'.repeat(201)));
    expect({ status: tooLong.status, body: tooLong.body }).toEqual({ status: 400, body: refusalBody(purposeTooLong()) });
    expect(await loggedPurposes(`purpose-${runtime}-4`)).toEqual([]);
  });

  it('refuses a purpose that is not percent-encoded UTF-8', async () => {
    const malformed = await withRawPurpose(runtime, `purpose-${runtime}-5`, '100%');
    expect({ status: malformed.status, body: malformed.body }).toEqual({ status: 400, body: refusalBody(purposeNotPercentEncoded()) });
    expect(await loggedPurposes(`purpose-${runtime}-5`)).toEqual([]);
  });
});
