import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { notAMonth, notAnId, periodTooLong, unauthenticated } from '@civic/service-kit';
import { aWorld, expectError, loadLocalSubgraphs, startStack, type Stack, type World } from '@civic/test-harness';
import { organisationsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import type { ActivityCategory } from '../src/domain/activity-rules.ts';
import { readAggregateOutOfScope, unknownAggregateOrganisation } from '../src/errors.ts';

// Activity participation, k-anonymous, through the gateway: exact figures from cells of one host,
// one month and one group; a small branch activity withheld, and not revealed by subtraction.
let stack: Stack;
let world: World;
let models: Models;
let analystToken: string;
const residents = Array.from({ length: 9 }, () => new Types.ObjectId());

const AGGREGATE = `query($org: ID!, $period: AggregatePeriod!, $by: ActivityDimension!) {
  activityAggregate(organisationId: $org, period: $period, by: $by) {
    groups { key persons measures { name value } } total { persons measures { name value } } minimumGroupSize withheldCells
  }
}`;

interface Figure {
  persons: number;
  measures: { name: string; value: number }[];
}
interface Answer {
  activityAggregate: { groups: (Figure & { key: string })[]; total: Figure; minimumGroupSize: number; withheldCells: number };
}

const MAY_TO_JUNE = { from: '2025-05', to: '2025-06' };

async function aggregate(org: string, by: string, period = MAY_TO_JUNE, token = analystToken) {
  const response = await stack.query<Answer>(AGGREGATE, { org, period, by }, { token });
  expect(response.errors).toEqual([]);
  return response.data!.activityAggregate;
}

const measures = (signUps: number, checkIns: number, hours: number) => [
  { name: 'signUps', value: signUps },
  { name: 'checkIns', value: checkIns },
  { name: 'hours', value: hours },
];

/** An activity hosted by `hostId`, with sign-ups by `signedUp` and check-ins of `checkedIn` for `hours` each. */
async function anActivity(hostId: string, startsAt: string, category: ActivityCategory, signedUp: Types.ObjectId[], checkedIn: Types.ObjectId[], hours = 2, cancelled = false) {
  const host = await models.Organisation.findById(hostId, { path: 1 }).lean<{ path: Types.ObjectId[] }>();
  const starts = new Date(startsAt);
  const [activity] = await models.Activity.insertMany([
    {
      category,
      title: '社区活动',
      description: '活动说明',
      hostId: new Types.ObjectId(hostId),
      hostPath: host!.path,
      coHostIds: [],
      startsAt: starts,
      endsAt: new Date(starts.getTime() + 2 * 3600_000),
      place: { address: '社区活动中心', location: { type: 'Point', coordinates: [118.7, 32.0] } },
      capacity: 50,
      signedUpCount: signedUp.length,
      visibility: 'PUBLIC',
      cancelled,
      createdAt: new Date('2025-04-01T00:00:00Z'),
    },
  ]);
  await models.ActivitySignUp.insertMany(signedUp.map((residentId) => ({ activityId: activity!._id, residentId, signedUpAt: starts })));
  await models.ActivityCheckIn.insertMany(checkedIn.map((residentId) => ({ activityId: activity!._id, residentId, hours, checkedInAt: starts, checkedInBy: 'staff:test' })));
}

beforeAll(async () => {
  // residents is in the stack because this SDL @requires where a resident lives (Resident.organisationPath).
  const residentsService = (await loadLocalSubgraphs()).filter((subgraph) => subgraph.name === 'residents');
  stack = await startStack({ subgraphs: [organisationsSubgraph, ...residentsService] });
  world = await aWorld(stack);
  models = stack.subgraph('organisations').models as unknown as Models;
  analystToken = await stack.token({ roles: ['ANALYST'] });
  // The community: 6 residents in May (5 checked in for 2 h), 5 in June; 1 May 2025 00:30 in Beijing is May.
  await anActivity(world.communityId, '2025-04-30T16:30:00Z', 'HEALTH', residents.slice(0, 6), residents.slice(0, 5));
  await anActivity(world.communityId, '2025-06-10T02:00:00Z', 'ELDERLY_CARE', residents.slice(0, 5), []);
  // Its branch: 3 residents in May, a cell too small to show.
  await anActivity(world.branchId, '2025-05-20T02:00:00Z', 'HEALTH', residents.slice(6, 9), residents.slice(6, 7), 1.5);
  // Not counted: a cancelled activity, and one in July.
  await anActivity(world.communityId, '2025-05-12T02:00:00Z', 'HEALTH', residents.slice(0, 6), [], 2, true);
  await anActivity(world.communityId, '2025-07-01T02:00:00Z', 'HEALTH', residents.slice(0, 6), residents.slice(0, 6));
});
afterAll(() => stack.stop());

describe('activityAggregate', () => {
  it('sums the published cells by month, category and host, and states what it withheld', async () => {
    expect(await aggregate(world.communityId, 'MONTH')).toEqual({
      groups: [
        { key: '2025-05', persons: 6, measures: measures(6, 5, 10) },
        { key: '2025-06', persons: 5, measures: measures(5, 0, 0) },
      ],
      total: { persons: 11, measures: measures(11, 5, 10) },
      minimumGroupSize: 5,
      withheldCells: 1,
    });
    expect((await aggregate(world.streetId, 'CATEGORY')).groups).toEqual([
      { key: 'HEALTH', persons: 6, measures: measures(6, 5, 10) },
      { key: 'ELDERLY_CARE', persons: 5, measures: measures(5, 0, 0) },
    ]);
    const byHost = await aggregate(world.communityId, 'ORGANISATION');
    expect([byHost.groups, byHost.withheldCells]).toEqual([[{ key: world.communityId, persons: 11, measures: measures(11, 5, 10) }], 1]);
  });

  it('does not reveal the branch by subtracting it from its community, nor June from May to June', async () => {
    // Raw counting: the community's May has 9 persons, the community alone 6, so the branch 3.
    const may = { from: '2025-05', to: '2025-05' };
    const community = await aggregate(world.communityId, 'MONTH', may);
    const branch = await aggregate(world.branchId, 'MONTH', may);
    expect([community.total.persons, branch.total.persons, branch.groups, branch.withheldCells]).toEqual([6, 0, [], 1]);
    const june = await aggregate(world.communityId, 'MONTH', { from: '2025-06', to: '2025-06' });
    expect((await aggregate(world.communityId, 'MONTH')).total.persons - june.total.persons).toBe(community.total.persons);
  });

  it('is for analysts, services and staff in scope', async () => {
    const inScope = await stack.token({ roles: ['GRID_WORKER'], scope: [world.communityId] });
    expect((await aggregate(world.communityId, 'MONTH', MAY_TO_JUNE, inScope)).total.persons).toBe(11);
    const variables = { org: world.streetId, period: MAY_TO_JUNE, by: 'MONTH' };
    expectError(await stack.query(AGGREGATE, variables, { token: inScope }), readAggregateOutOfScope());
    expectError(await stack.query(AGGREGATE, variables, { token: await stack.token({ roles: ['RESIDENT', 'VOLUNTEER'], residentId: residents[0]!.toHexString() }) }), readAggregateOutOfScope());
    expectError(await stack.query(AGGREGATE, variables), unauthenticated());
  });

  it('refuses a malformed id, a period that is not whole months or is too long, and an unknown organisation', async () => {
    const ask = (org: string, period: { from: string; to: string }) => stack.query(AGGREGATE, { org, period, by: 'MONTH' }, { token: analystToken });
    expectError(await ask('x', MAY_TO_JUNE), notAnId('organisationId'));
    expectError(await ask(world.communityId, { from: '2025-05-01', to: '2025-06' }), notAMonth('period.from'));
    expectError(await ask(world.communityId, { from: '2022-01', to: '2025-06' }), periodTooLong('period.to'));
    const unknown = new Types.ObjectId().toHexString();
    expectError(await ask(unknown, MAY_TO_JUNE), unknownAggregateOrganisation(unknown));
  });
});
