import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphTester, expectError } from '@civic/test-harness';
import { residentsSubgraph } from '../src/subgraph.ts';
import { createHousehold, dataOf, registerResident, type Tester } from './support/operations.ts';
import { GRID, ORG, organisationsGraph, residentViewer, STRANGER_ID, VIEWERS } from './support/world.ts';
import { membershipBeforeJoiningAge, notAPartyBranch, notAVolunteerTeam, setAnotherVolunteerProfile, setMembershipOutOfScope } from '../src/errors.ts';

const SET_MEMBERSHIP = `mutation($residentId: ID!, $membership: PartyMembershipInput) {
  setPartyMembership(residentId: $residentId, membership: $membership) { partyMembership { branch { id } kind since core } }
}`;
const SET_PROFILE = `mutation($residentId: ID!, $profile: VolunteerProfileInput) {
  setVolunteerProfile(residentId: $residentId, profile: $profile) { volunteerProfile { skills teams { id } since } }
}`;

let tester: Tester;
let residentId: string;

beforeAll(async () => {
  tester = await createSubgraphTester(residentsSubgraph, { graph: organisationsGraph() });
  const householdId = await createHousehold(tester, { gridId: GRID.microA, building: '4栋', unit: '3单元', room: '402' });
  residentId = await registerResident(tester, { householdId, name: '许国强', birthYear: 1970 });
});
afterAll(() => tester.close());

describe('setPartyMembership', () => {
  const membership = { branchId: ORG.branchA, kind: 'IN_SERVICE', since: '1995-07-01T00:00:00.000Z' };

  it('records the branch, kind, date and core standing', async () => {
    expect(dataOf(await tester.execute(SET_MEMBERSHIP, { residentId, membership: { ...membership, core: true } }, VIEWERS.communityWorkerA))).toEqual({
      setPartyMembership: { partyMembership: { branch: { id: ORG.branchA }, kind: 'IN_SERVICE', since: new Date('1995-07-01T00:00:00.000Z'), core: true } },
    });
  });

  it('refuses an organisation that is not a party branch, a date before 18, and staff out of scope', async () => {
    expectError(await tester.execute(SET_MEMBERSHIP, { residentId, membership: { ...membership, branchId: ORG.teamA } }, VIEWERS.communityWorkerA), notAPartyBranch(ORG.teamA));
    expectError(await tester.execute(SET_MEMBERSHIP, { residentId, membership: { ...membership, since: '1987-07-01T00:00:00.000Z' } }, VIEWERS.communityWorkerA), membershipBeforeJoiningAge(1970));
    expectError(await tester.execute(SET_MEMBERSHIP, { residentId, membership }, VIEWERS.communityWorkerB), setMembershipOutOfScope());
    const stored = (await tester.models.Resident.findById(residentId).lean())!.partyMembership;
    expect({ branchId: stored?.branchId.toHexString(), core: stored?.core }).toEqual({ branchId: ORG.branchA, core: true });
  });

  it('removes the membership', async () => {
    expect(dataOf(await tester.execute(SET_MEMBERSHIP, { residentId, membership: null }, VIEWERS.communityWorkerA))).toEqual({
      setPartyMembership: { partyMembership: null },
    });
  });
});

describe('setVolunteerProfile', () => {
  it('lets the resident register themself, keeping the first date on later changes', async () => {
    const first = dataOf<{ setVolunteerProfile: { volunteerProfile: { since: string } } }>(
      await tester.execute(SET_PROFILE, { residentId, profile: { skills: ['理发', ' 理发', '心理疏导'], teamIds: [ORG.teamA] } }, residentViewer(residentId)),
    );
    const since = first.setVolunteerProfile.volunteerProfile.since;
    expect(first).toEqual({ setVolunteerProfile: { volunteerProfile: { skills: ['理发', '心理疏导'], teams: [{ id: ORG.teamA }], since } } });
    expect(dataOf(await tester.execute(SET_PROFILE, { residentId, profile: { skills: ['家电维修'], teamIds: [] } }, VIEWERS.communityWorkerA))).toEqual({
      setVolunteerProfile: { volunteerProfile: { skills: ['家电维修'], teams: [], since } },
    });
  });

  it('refuses an organisation that is not a volunteer team, and strangers', async () => {
    expectError(await tester.execute(SET_PROFILE, { residentId, profile: { skills: [], teamIds: [ORG.branchA] } }, residentViewer(residentId)), notAVolunteerTeam(ORG.branchA));
    expectError(await tester.execute(SET_PROFILE, { residentId, profile: null }, residentViewer(STRANGER_ID)), setAnotherVolunteerProfile());
    expect((await tester.models.Resident.findById(residentId).lean())!.volunteerProfile?.skills).toEqual(['家电维修']);
  });

  it('removes the profile', async () => {
    expect(dataOf(await tester.execute(SET_PROFILE, { residentId, profile: null }, residentViewer(residentId)))).toEqual({
      setVolunteerProfile: { volunteerProfile: null },
    });
  });
});
