import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { notAMonth, periodEndsBeforeStart, unauthenticated } from '@civic/service-kit';
import { residentsSubgraph } from '@civic/residents';
import { aWorld, expectError, startStack, type Stack, type World } from '@civic/test-harness';
import { resourcesSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import type { ResourceKind, ResourcePool } from '../src/domain/vocabulary.ts';
import { readAggregateOutOfScope, unknownAggregateOrganisation } from '../src/errors.ts';

// Bookings and fund disbursements, k-anonymous, through the gateway: exact figures, a small branch
// cell and a rare reason withheld, and neither revealed by subtracting one answer from another.
let stack: Stack;
let world: World;
let models: Models;
let analystToken: string;
const people = Array.from({ length: 9 }, () => new Types.ObjectId());
const MAY_TO_JUNE = { from: '2025-05', to: '2025-06' };

const query = (field: string, dimension: string) => `query($org: ID!, $period: AggregatePeriod!, $by: ${dimension}!) {
  ${field}(organisationId: $org, period: $period, by: $by) {
    groups { key persons measures { name value } } total { persons measures { name value } } minimumGroupSize withheldCells
  }
}`;
const BOOKINGS = query('bookingAggregate', 'BookingDimension');
const FUNDS = query('fundAggregate', 'FundDimension');

interface Figure {
  persons: number;
  measures: { name: string; value: number }[];
}
interface Answer {
  groups: (Figure & { key: string })[];
  total: Figure;
  minimumGroupSize: number;
  withheldCells: number;
}

async function aggregate(document: string, org: string, by: string, period = MAY_TO_JUNE, token = analystToken): Promise<Answer> {
  const response = await stack.query<Record<string, Answer>>(document, { org, period, by }, { token });
  expect(response.errors).toEqual([]);
  return Object.values(response.data!)[0]!;
}

const named = (names: readonly string[], values: readonly number[]) => names.map((name, index) => ({ name, value: values[index] }));
const bookingMeasures = (bookings: number, hours: number, quantity: number) => named(['bookings', 'hours', 'quantity'], [bookings, hours, quantity]);
const fundMeasures = (disbursements: number, amountFen: number) => named(['disbursements', 'amountFen'], [disbursements, amountFen]);

async function pathOf(organisationId: string): Promise<Types.ObjectId[]> {
  const organisations = stack.subgraph('organisations').models as unknown as { Organisation: { findById(id: string): { lean<T>(): Promise<T> } } };
  return (await organisations.Organisation.findById(organisationId).lean<{ path: Types.ObjectId[] }>()).path;
}

async function aResource(servedId: string, pool: ResourcePool, kind: ResourceKind) {
  const servedPath = await pathOf(servedId);
  const [resource] = await models.Resource.insertMany([
    {
      pool,
      kind,
      title: '资源',
      description: '说明',
      servedOrganisationId: new Types.ObjectId(servedId),
      servedPath,
      tags: [],
      skills: [],
      openingHours: [],
      balanceFen: kind === 'FUND' ? 10_000_000 : null,
      status: 'ACTIVE',
      createdAt: new Date('2025-01-01T00:00:00Z'),
      createdBy: 'staff:test',
    },
  ]);
  return { id: resource!._id, kind, servedPath };
}

type Resource = Awaited<ReturnType<typeof aResource>>;

async function book(resource: Resource, bookers: Types.ObjectId[], bookedAt: string, shape: { hours?: number; quantity?: number; status?: 'CONFIRMED' | 'CANCELLED' }) {
  const at = new Date(bookedAt);
  await models.Booking.insertMany(
    bookers.map((booker) => ({
      resourceId: resource.id,
      resourceKind: resource.kind,
      servedPath: resource.servedPath,
      bookerResidentId: booker,
      bookerOrganisationId: null,
      bookerPath: resource.servedPath,
      startsAt: shape.hours ? at : null,
      endsAt: shape.hours ? new Date(at.getTime() + shape.hours * 3600_000) : null,
      quantity: shape.quantity ?? null,
      status: shape.status ?? 'CONFIRMED',
      bookedAt: at,
      bookedBy: 'staff:test',
      cancelledAt: null,
    })),
  );
}

async function disburse(fund: Resource, recipients: Types.ObjectId[], reason: string, amountFen: number, decidedAt: string, state: 'APPROVED' | 'PROPOSED' = 'APPROVED') {
  await models.Disbursement.insertMany(
    recipients.map((recipientId) => ({
      fundId: fund.id,
      servedPath: fund.servedPath,
      recipientId,
      amountFen,
      reason,
      state,
      proposedBy: 'staff:a',
      proposedAt: new Date(decidedAt),
      decidedBy: state === 'APPROVED' ? 'staff:b' : null,
      decidedAt: state === 'APPROVED' ? new Date(decidedAt) : null,
    })),
  );
}

beforeAll(async () => {
  stack = await startStack({ subgraphs: [organisationsSubgraph, residentsSubgraph, wishesSubgraph, resourcesSubgraph] });
  world = await aWorld(stack);
  models = stack.subgraph('resources').models as unknown as Models;
  analystToken = await stack.token({ roles: ['ANALYST'] });
  const hall = await aResource(world.communityId, 'ADMINISTRATIVE', 'VENUE');
  const goods = await aResource(world.branchId, 'PUBLIC_WELFARE', 'GOODS');
  // The community's hall: 6 residents book 2 h in May (one of them twice), 5 book 1 h in June.
  await book(hall, people.slice(0, 6), '2025-05-10T02:00:00Z', { hours: 2 });
  await book(hall, people.slice(0, 1), '2025-05-20T02:00:00Z', { hours: 2 });
  await book(hall, people.slice(0, 5), '2025-06-10T02:00:00Z', { hours: 1 });
  await book(hall, people.slice(0, 6), '2025-05-11T02:00:00Z', { hours: 3, status: 'CANCELLED' });
  // The branch's goods: 3 residents in May, a cell too small to show.
  await book(goods, people.slice(6, 9), '2025-05-12T02:00:00Z', { quantity: 2 });
  // The community's hardship fund: 5 recipients of 困难补助 in May (one twice), 2 of a rare reason.
  const fund = await aResource(world.communityId, 'PUBLIC_WELFARE', 'FUND');
  await disburse(fund, people.slice(0, 5), '困难补助', 50_000, '2025-05-15T02:00:00Z');
  await disburse(fund, people.slice(0, 1), '困难补助', 50_000, '2025-05-16T02:00:00Z');
  await disburse(fund, people.slice(5, 7), '残疾人康复补助', 80_000, '2025-05-17T02:00:00Z');
  await disburse(fund, people.slice(0, 5), '困难补助', 50_000, '2025-05-18T02:00:00Z', 'PROPOSED');
});
afterAll(() => stack.stop());

describe('bookingAggregate', () => {
  it('sums the published cells of confirmed bookings by pool, kind and month', async () => {
    expect(await aggregate(BOOKINGS, world.communityId, 'POOL')).toEqual({
      groups: [{ key: 'ADMINISTRATIVE', persons: 11, measures: bookingMeasures(12, 19, 0) }],
      total: { persons: 11, measures: bookingMeasures(12, 19, 0) },
      minimumGroupSize: 5,
      withheldCells: 1,
    });
    expect((await aggregate(BOOKINGS, world.communityId, 'RESOURCE_KIND')).groups).toEqual([{ key: 'VENUE', persons: 11, measures: bookingMeasures(12, 19, 0) }]);
    expect((await aggregate(BOOKINGS, world.streetId, 'MONTH')).groups).toEqual([
      { key: '2025-05', persons: 6, measures: bookingMeasures(7, 14, 0) },
      { key: '2025-06', persons: 5, measures: bookingMeasures(5, 5, 0) },
    ]);
  });

  it('does not reveal the branch by subtracting it from its community', async () => {
    // Raw counting: the community's May bookers are 9, the hall's 6, so the branch's 3.
    const may = { from: '2025-05', to: '2025-05' };
    const community = await aggregate(BOOKINGS, world.communityId, 'POOL', may);
    const branch = await aggregate(BOOKINGS, world.branchId, 'POOL', may);
    expect([community.total.persons, branch.total.persons, branch.groups, branch.withheldCells]).toEqual([6, 0, [], 1]);
  });
});

describe('fundAggregate', () => {
  it('shows amounts only for reasons of 5 recipients or more, and the same cells by month', async () => {
    const byReason = await aggregate(FUNDS, world.streetId, 'REASON');
    expect(byReason).toEqual({
      groups: [{ key: '困难补助', persons: 5, measures: fundMeasures(6, 300_000) }],
      total: { persons: 5, measures: fundMeasures(6, 300_000) },
      minimumGroupSize: 5,
      withheldCells: 1,
    });
    // Grouped by month the rare reason's cell stays withheld: subtracting the reasons from the
    // month gives 0, not its 2 recipients and 160,000 fen.
    const byMonth = await aggregate(FUNDS, world.streetId, 'MONTH');
    expect(byMonth.groups).toEqual([{ key: '2025-05', persons: 5, measures: fundMeasures(6, 300_000) }]);
    expect([byMonth.total.persons - byReason.total.persons, byMonth.withheldCells]).toEqual([0, 1]);
  });

  it('is for analysts, services and staff in scope; refuses residents, staff elsewhere and anonymous callers', async () => {
    const inScope = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
    expect((await aggregate(FUNDS, world.communityId, 'REASON', MAY_TO_JUNE, inScope)).total.persons).toBe(5);
    const variables = { org: world.streetId, period: MAY_TO_JUNE, by: 'REASON' };
    expectError(await stack.query(FUNDS, variables, { token: inScope }), readAggregateOutOfScope());
    expectError(await stack.query(FUNDS, variables, { token: await stack.token({ roles: ['RESIDENT'], residentId: people[0]!.toHexString() }) }), readAggregateOutOfScope());
    expectError(await stack.query(FUNDS, variables), unauthenticated());
  });

  it('refuses a period that is not whole months or runs backwards, and an unknown organisation', async () => {
    const ask = (org: string, period: { from: string; to: string }) => stack.query(FUNDS, { org, period, by: 'REASON' }, { token: analystToken });
    expectError(await ask(world.streetId, { from: '2025-05', to: 'June' }), notAMonth('period.to'));
    expectError(await ask(world.streetId, { from: '2025-06', to: '2025-05' }), periodEndsBeforeStart('period.to'));
    const unknown = new Types.ObjectId().toHexString();
    expectError(await ask(unknown, MAY_TO_JUNE), unknownAggregateOrganisation(unknown));
  });
});
