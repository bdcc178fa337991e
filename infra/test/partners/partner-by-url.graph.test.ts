import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWKS_PATH } from '@civic/identity';
import { freeLoopbackPort } from '@civic/graph-runner';
import { aWorld, loadLocalSubgraphs, startStack, type Stack, type World } from '@civic/test-harness';
import { generatedPartner, type GeneratedPartner } from './support/generated-partner.ts';
import { startPartnerProcess, type PartnerProcess } from './support/partner-process.ts';

// A generated partner subgraph, a process of its own, in the graph by URL beside two kit subgraphs.
let partner: GeneratedPartner;
let partnerProcess: PartnerProcess;
let stack: Stack;
let world: World;

beforeAll(async () => {
  partner = await generatedPartner('parking-co');
  const port = await freeLoopbackPort();
  stack = await startStack({
    // residents comes with organisations, whose SDL @requires where a resident lives.
    subgraphs: (await loadLocalSubgraphs()).filter((subgraph) => ['organisations', 'residents'].includes(subgraph.name)),
    remoteSubgraphs: [{ name: 'parking-co', url: `http://127.0.0.1:${port}/graphql`, typeDefs: await readFile(join(partner.dir, 'src', 'schema.graphql'), 'utf8') }],
  });
  // The gateway's URL is known once it runs; the partner fetches its JWKS on its first request.
  partnerProcess = await startPartnerProcess(partner.dir, port, new URL(JWKS_PATH, stack.gatewayUrl).href);
  world = await aWorld(stack);
});

afterAll(async () => {
  await stack?.stop();
  await partnerProcess?.stop();
  await partner?.remove();
});

const ADD = `mutation($input: AddParkingCoServicePointInput!) { addParkingCoServicePoint(input: $input) { name organisation { id name } } }`;
const ORGANISATION = `query($id: ID!) { organisation(id: $id) { name kind parkingCoServicePoints { name openingHours } } }`;

describe('a partner subgraph included by URL', () => {
  it('joins its field to an organisation of the organisations subgraph, for a caller the gateway verified', async () => {
    const streetAdmin = await stack.token({ subject: 'staff:street', roles: ['STREET_ADMIN'], scope: [world.communityId] });
    const added = await stack.query(ADD, { input: { organisationId: world.communityId, name: '新城社区停车服务点', openingHours: '每天 8:00-20:00' } }, { token: streetAdmin });
    expect(added).toEqual({
      status: 200,
      data: { addParkingCoServicePoint: { name: '新城社区停车服务点', organisation: { id: world.communityId, name: '新城社区党委' } } },
      errors: [],
    });

    expect(await stack.query(ORGANISATION, { id: world.communityId })).toEqual({
      status: 200,
      data: { organisation: { name: '新城社区党委', kind: 'COMMUNITY_PARTY_COMMITTEE', parkingCoServicePoints: [{ name: '新城社区停车服务点', openingHours: '每天 8:00-20:00' }] } },
      errors: [],
    });
  });

  it('sees the viewer the gateway verified: a resident may not open a service point, an anonymous caller must sign in', async () => {
    const resident = await stack.token({ subject: 'r1', residentId: 'r1', roles: ['RESIDENT'], scope: [world.streetId] });
    const refused = await stack.query(ADD, { input: { organisationId: world.streetId, name: '街道停车服务点' } }, { token: resident });
    expect([refused.data, refused.errors.map((error) => error.extensions?.code)]).toEqual([null, ['FORBIDDEN']]);
    const anonymous = await stack.query(ADD, { input: { organisationId: world.streetId, name: '街道停车服务点' } });
    expect([anonymous.data, anonymous.errors.map((error) => error.extensions?.code)]).toEqual([null, ['UNAUTHENTICATED']]);
    expect((await stack.query(ORGANISATION, { id: world.streetId })).data).toEqual({ organisation: { name: '江心洲街道党工委', kind: 'STREET_COMMITTEE', parkingCoServicePoints: [] } });
  });

  it('refuses a call that did not come through the gateway', async () => {
    const response = await fetch(partnerProcess.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect([response.status, await response.json()]).toEqual([
      401,
      { errors: [{ message: 'Subgraphs accept only requests forwarded by the gateway', extensions: { code: 'UNAUTHENTICATED' } }] },
    ]);
  });
});
