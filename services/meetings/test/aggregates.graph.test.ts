import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Types } from 'mongoose';
import { residentsSubgraph } from '@civic/residents';
import { organisationsSubgraph } from '@civic/organisations';
import { wishesSubgraph } from '@civic/wishes';
import { ManualClock, unauthenticated } from '@civic/service-kit';
import { aWorld, expectError, startStack, type Stack, type World } from '@civic/test-harness';
import { meetingsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import type { MeetingKind } from '../src/domain/vocabulary.ts';
import { readAggregateOutOfScope, unknownAggregateOrganisation } from '../src/errors.ts';

// Meetings' attendance, decisions and follow-through, k-anonymous, through the gateway: exact
// figures, a small branch meeting withheld and not revealed by subtracting it from its community.
let stack: Stack;
let world: World;
let models: Models;
let analystToken: string;
const clock = new ManualClock(new Date('2025-07-01T02:00:00Z'));
const residents = Array.from({ length: 9 }, () => new Types.ObjectId());
const MAY_TO_JUNE = { from: '2025-05', to: '2025-06' };

const query = (field: string) => `query($org: ID!, $period: AggregatePeriod!, $by: MeetingDimension!) {
  ${field}(organisationId: $org, period: $period, by: $by) {
    groups { key persons measures { name value } } total { persons measures { name value } } minimumGroupSize withheldCells
  }
}`;
const MEETINGS = query('meetingAggregate');
const ACTION_ITEMS = query('actionItemAggregate');

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
const meetingMeasures = (...values: number[]) => named(['meetings', 'invitations', 'attendances', 'decisions', 'adopted', 'notAdopted'], values);
const itemMeasures = (...values: number[]) => named(['assigned', 'doneOnTime', 'doneLate', 'overdue'], values);

interface Held {
  host: string;
  coHost?: string;
  kind: MeetingKind;
  startsAt: string;
  invited: Types.ObjectId[];
  attended: number;
  decisions?: boolean[];
  /** Each action item's deadline and completion (null: not done). */
  items?: [string, string | null][];
  cancelled?: boolean;
}

async function aMeeting(held: Held) {
  const organisations = stack.subgraph('organisations').models as unknown as { Organisation: { findById(id: string): { lean<T>(): Promise<T> } } };
  const hosts = held.coHost ? [held.host, held.coHost] : [held.host];
  const paths = await Promise.all(hosts.map(async (host) => (await organisations.Organisation.findById(host).lean<{ path: Types.ObjectId[] }>()).path));
  // As scheduling writes it: the union of the hosts' paths, the lead's first.
  const hostPaths = [...new Set(paths.flat().map((id) => id.toHexString()))].map((id) => new Types.ObjectId(id));
  const startsAt = new Date(held.startsAt);
  const [meeting] = await models.Meeting.insertMany([
    {
      kind: held.kind,
      title: '议事',
      hostIds: hosts.map((host) => new Types.ObjectId(host)),
      hostPaths,
      level: 'COMMUNITY',
      startsAt,
      status: held.cancelled ? 'CANCELLED' : 'CLOSED',
      createdAt: startsAt,
      createdBy: 'staff:test',
    },
  ]);
  await models.Participant.insertMany(
    held.invited.map((residentId, index) => ({ meetingId: meeting!._id, residentId, role: 'RESIDENT_REP', reply: 'ACCEPTED', attended: index < held.attended, invitedAt: startsAt })),
  );
  const decisions = held.decisions ?? [];
  const agenda = await models.AgendaItem.insertMany(
    [...decisions, null].map((adopted, index) => ({
      meetingId: meeting!._id,
      position: index + 1,
      title: '议题',
      decision: adopted === null ? null : { text: '决定', votes: null, adopted, microProjectOutcome: null, recordedAt: startsAt, recordedBy: 'staff:test' },
      createdAt: startsAt,
    })),
  );
  await models.ActionItem.insertMany(
    (held.items ?? []).map(([deadline, completedAt]) => {
      const responsible = new Types.ObjectId();
      return {
        meetingId: meeting!._id,
        agendaItemId: agenda[0]!._id,
        description: '落实',
        responsibleOrganisationId: responsible,
        responsiblePath: [responsible],
        deadline: new Date(deadline),
        status: completedAt ? 'DONE' : 'IN_PROGRESS',
        progress: [],
        completedAt: completedAt ? new Date(completedAt) : null,
        createdAt: startsAt,
      };
    }),
  );
}

beforeAll(async () => {
  stack = await startStack({ subgraphs: [residentsSubgraph, organisationsSubgraph, wishesSubgraph, meetingsSubgraph], clock });
  world = await aWorld(stack);
  models = stack.subgraph('meetings').models as unknown as Models;
  analystToken = await stack.token({ roles: ['ANALYST'] });
  const onTime = ['2025-06-01T00:00:00Z', '2025-05-30T00:00:00Z'] as [string, string];
  await aMeeting({
    host: world.communityId,
    kind: 'RESIDENTS_COUNCIL',
    startsAt: '2025-05-10T02:00:00Z',
    invited: residents.slice(0, 6),
    attended: 5,
    decisions: [true, false],
    items: [onTime, onTime, onTime, ['2025-06-01T00:00:00Z', '2025-06-03T00:00:00Z'], ['2025-06-15T00:00:00Z', null]],
  });
  await aMeeting({ host: world.branchId, kind: 'COURTYARD', startsAt: '2025-05-20T02:00:00Z', invited: residents.slice(6, 9), attended: 3, decisions: [true], items: [onTime, onTime] });
  await aMeeting({ host: world.communityId, kind: 'HEARING', startsAt: '2025-06-05T02:00:00Z', invited: residents.slice(0, 5), attended: 2 });
  await aMeeting({ host: world.communityId, kind: 'HEARING', startsAt: '2025-05-12T02:00:00Z', invited: residents.slice(0, 6), attended: 0, cancelled: true });
  // Led by the street, co-hosted by the community: in the street's cells, never the community's.
  await aMeeting({ host: world.streetId, coHost: world.communityId, kind: 'JOINT_CONFERENCE', startsAt: '2025-05-25T02:00:00Z', invited: residents.slice(0, 5), attended: 5 });
});
afterAll(() => stack.stop());

describe('meetingAggregate', () => {
  it('sums attendance and decisions of the published cells by kind and month', async () => {
    expect(await aggregate(MEETINGS, world.communityId, 'MEETING_KIND')).toEqual({
      groups: [
        { key: 'HEARING', persons: 5, measures: meetingMeasures(1, 5, 2, 0, 0, 0) },
        { key: 'RESIDENTS_COUNCIL', persons: 6, measures: meetingMeasures(1, 6, 5, 2, 1, 1) },
      ],
      total: { persons: 11, measures: meetingMeasures(2, 11, 7, 2, 1, 1) },
      minimumGroupSize: 5,
      withheldCells: 1,
    });
    expect((await aggregate(MEETINGS, world.streetId, 'MONTH')).groups.map((group) => [group.key, group.persons])).toEqual([
      ['2025-05', 11],
      ['2025-06', 5],
    ]);
    expect((await aggregate(MEETINGS, world.streetId, 'ORGANISATION')).groups.map((group) => [group.key, group.persons])).toEqual(
      [
        [world.streetId, 5],
        [world.communityId, 11],
      ].sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  });

  it('does not reveal the branch meeting by subtracting it from its community', async () => {
    // Raw counting: the community's May invitees are 9, the council's 6, so the branch's 3.
    const may = { from: '2025-05', to: '2025-05' };
    const community = await aggregate(MEETINGS, world.communityId, 'ORGANISATION', may);
    const branch = await aggregate(MEETINGS, world.branchId, 'ORGANISATION', may);
    expect([community.groups.map((group) => [group.key, group.persons]), branch.total.persons, branch.groups, branch.withheldCells]).toEqual([[[world.communityId, 6]], 0, [], 1]);
  });

  it('is for analysts, services and staff in scope', async () => {
    const inScope = await stack.token({ roles: ['COMMUNITY_WORKER'], scope: [world.communityId] });
    expect((await aggregate(MEETINGS, world.communityId, 'MONTH', MAY_TO_JUNE, inScope)).total.persons).toBe(11);
    const variables = { org: world.streetId, period: MAY_TO_JUNE, by: 'MONTH' };
    expectError(await stack.query(MEETINGS, variables, { token: inScope }), readAggregateOutOfScope());
    expectError(await stack.query(ACTION_ITEMS, variables, { token: await stack.token({ roles: ['RESIDENT'], residentId: residents[0]!.toHexString() }) }), readAggregateOutOfScope());
    expectError(await stack.query(MEETINGS, variables), unauthenticated());
    const unknown = new Types.ObjectId().toHexString();
    expectError(await stack.query(MEETINGS, { ...variables, org: unknown }, { token: analystToken }), unknownAggregateOrganisation(unknown));
  });
});

describe('actionItemAggregate', () => {
  it('counts follow-through in cells of 5 responsible organisations or more', async () => {
    expect(await aggregate(ACTION_ITEMS, world.communityId, 'ORGANISATION')).toEqual({
      groups: [{ key: world.communityId, persons: 5, measures: itemMeasures(5, 3, 1, 1) }],
      total: { persons: 5, measures: itemMeasures(5, 3, 1, 1) },
      minimumGroupSize: 5,
      withheldCells: 1,
    });
  });
});
