import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { organisationsSubgraph } from '@civic/organisations';
import { ManualClock, notAnId, unauthenticated } from '@civic/service-kit';
import { aWorld, expectError, startStack, type Stack, type World } from '@civic/test-harness';
import { residentsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import type { SpecialCareTag } from '../src/domain/vocabulary.ts';
import { readAggregateOutOfScope, unknownAggregateOrganisation } from '../src/errors.ts';

// Residents' k-anonymous aggregate through the gateway: exact figures, a withheld grid, and the
// two overlapping queries that would reveal it by subtraction if they counted raw data.
let stack: Stack;
let world: World;
let analystToken: string;
let otherCommunityId: string;
const grids = { g1: '', g2: '', g3: '' };

const AGGREGATE = `query($org: ID!, $by: ResidentDimension!) {
  residentAggregate(organisationId: $org, by: $by) { groups { key persons measures { name value } } total { persons } minimumGroupSize withheldCells }
}`;

interface Answer {
  residentAggregate: { groups: { key: string; persons: number; measures: unknown[] }[]; total: { persons: number }; minimumGroupSize: number; withheldCells: number };
}

async function aggregate(org: string, by: string, token = analystToken) {
  const response = await stack.query<Answer>(AGGREGATE, { org, by }, { token });
  expect(response.errors).toEqual([]);
  const answer = response.data!.residentAggregate;
  return { groups: answer.groups.map((group) => [group.key, group.persons]), total: answer.total.persons, withheld: answer.withheldCells, k: answer.minimumGroupSize };
}

interface Someone {
  birthYear: number;
  specialCare?: SpecialCareTag[];
  member?: boolean;
}

async function insertResidents(gridId: string, communityId: string, people: Someone[]) {
  const models = stack.subgraph('residents').models as unknown as Models;
  const at = new Date('2025-01-01T00:00:00Z');
  await models.Resident.insertMany(
    people.map((person, index) => ({
      name: `居民${index}`,
      birthYear: person.birthYear,
      specialCare: person.specialCare ?? [],
      householdId: new Types.ObjectId(),
      gridId: new Types.ObjectId(gridId),
      communityId: new Types.ObjectId(communityId),
      organisationPath: [world.districtId, world.streetId, communityId].map((id) => new Types.ObjectId(id)),
      ...(person.member ? { partyMembership: { branchId: new Types.ObjectId(world.branchId), kind: 'REGULAR', since: at, core: false } } : {}),
      createdAt: at,
      updatedAt: at,
    })),
  );
}

const times = (count: number, person: Someone) => Array.from({ length: count }, () => person);

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph], clock: new ManualClock(new Date('2025-05-10T02:00:00Z')) });
  world = await aWorld(stack);
  analystToken = await stack.token({ roles: ['ANALYST'] });
  otherCommunityId = (
    await world.mutate<{ createOrganisation: { id: string } }>('mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }', {
      input: { name: '绿洲社区党委', kind: 'COMMUNITY_PARTY_COMMITTEE', parentId: world.streetId },
    })
  ).createOrganisation.id;
  grids.g1 = await world.aMicroGrid();
  grids.g2 = await world.aMicroGrid();
  grids.g3 = (
    await world.mutate<{ createGrid: { id: string } }>('mutation($input: CreateGridInput!) { createGrid(input: $input) { id } }', {
      input: { name: '绿洲社区网格', level: 'COMMUNITY', communityId: otherCommunityId },
    })
  ).createGrid.id;
  // g1: 7 residents (5 aged 35, disabled party members, one also low-income; 2 aged 75).
  await insertResidents(grids.g1, world.communityId, [
    { birthYear: 1990, specialCare: ['DISABLED', 'LOW_INCOME'], member: true },
    ...times(4, { birthYear: 1990, specialCare: ['DISABLED'], member: true }),
    ...times(2, { birthYear: 1950 }),
  ]);
  // g2: 3 residents, a group too small to show anywhere.
  await insertResidents(grids.g2, world.communityId, times(3, { birthYear: 1990, specialCare: ['DISABLED'], member: true }));
  // g3, in the other community: 6 residents aged 35, one disabled.
  await insertResidents(grids.g3, otherCommunityId, [{ birthYear: 1990, specialCare: ['DISABLED'] }, ...times(5, { birthYear: 1990 })]);
});
afterAll(() => stack.stop());

describe('residentAggregate', () => {
  it('counts residents by community, grid, age band, tag and membership from published cells of 5 or more', async () => {
    const byCommunity = [
      [world.communityId, 5],
      [otherCommunityId, 6],
    ].sort(([a], [b]) => String(a).localeCompare(String(b)));
    // Everyone is counted in cells of one grid and one age band: (g1, 35-59) 5, (g1, 60-79) 2,
    // (g2, 35-59) 3, (g3, 35-59) 6; by community, grid or band, the same two cells are published.
    expect(await aggregate(world.streetId, 'COMMUNITY')).toEqual({ groups: byCommunity, total: 11, withheld: 2, k: 5 });
    expect(await aggregate(world.communityId, 'GRID')).toEqual({ groups: [[grids.g1, 5]], total: 5, withheld: 2, k: 5 });
    expect(await aggregate(world.streetId, 'AGE_BAND')).toEqual({ groups: [['35-59', 11]], total: 11, withheld: 2, k: 5 });
    expect(await aggregate(world.streetId, 'SPECIAL_CARE')).toEqual({ groups: [['DISABLED', 5]], total: 5, withheld: 3, k: 5 });
    expect(await aggregate(world.streetId, 'PARTY_MEMBERSHIP')).toEqual({ groups: [['REGULAR', 5]], total: 5, withheld: 1, k: 5 });
  });

  it('does not reveal the withheld grid by subtracting overlapping queries, nor one grouping from another', async () => {
    // Raw counts would give the street 16, the other community 6 and grid g1 7: 3 left for g2.
    const street = await aggregate(world.streetId, 'COMMUNITY');
    const other = await aggregate(otherCommunityId, 'GRID');
    const community = await aggregate(world.communityId, 'GRID');
    expect([street.total, other.total, community.total, street.total - other.total - community.total]).toEqual([11, 6, 5, 0]);
    expect((await aggregate(world.streetId, 'AGE_BAND')).total - street.total).toBe(0);
  });

  it('is for analysts, services and staff in scope; refuses residents and staff elsewhere', async () => {
    const inScope = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
    expect((await aggregate(world.communityId, 'GRID', inScope)).total).toBe(5);
    expect((await aggregate(world.communityId, 'GRID', await stack.token({ roles: ['SERVICE'] }))).total).toBe(5);
    const outOfScope = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [otherCommunityId] });
    expectError(await stack.query(AGGREGATE, { org: world.communityId, by: 'GRID' }, { token: outOfScope }), readAggregateOutOfScope());
    const resident = await stack.token({ roles: ['RESIDENT'], residentId: new Types.ObjectId().toHexString() });
    expectError(await stack.query(AGGREGATE, { org: world.communityId, by: 'GRID' }, { token: resident }), readAggregateOutOfScope());
    expectError(await stack.query(AGGREGATE, { org: world.communityId, by: 'GRID' }), unauthenticated());
  });

  it('refuses a malformed id and answers NOT_FOUND for an unknown organisation', async () => {
    expectError(await stack.query(AGGREGATE, { org: 'nope', by: 'GRID' }, { token: analystToken }), notAnId('organisationId'));
    const unknown = new Types.ObjectId().toHexString();
    expectError(await stack.query(AGGREGATE, { org: unknown, by: 'GRID' }, { token: analystToken }), unknownAggregateOrganisation(unknown));
  });
});
