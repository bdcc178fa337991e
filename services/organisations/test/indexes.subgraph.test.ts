import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphTester, type SubgraphTester } from '@civic/test-harness';
import { organisationsSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';

let tester: SubgraphTester<Models>;

beforeAll(async () => {
  tester = await createSubgraphTester(organisationsSubgraph);
});

afterAll(async () => {
  await tester.close();
});

async function indexesOf(model: Models[keyof Models]): Promise<{ key: Record<string, unknown>; unique?: boolean; partial?: unknown }[]> {
  const indexes = await model.listIndexes();
  return indexes
    .filter((index) => index.name !== '_id_')
    .map((index) => ({ key: index.key, ...(index.unique ? { unique: true } : {}), ...(index.partialFilterExpression ? { partial: index.partialFilterExpression } : {}) }))
    .sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));
}

// Every filter and sort the API offers, and every uniqueness rule, rests on these.
describe('indexes on the real server', () => {
  it('exist for organisations: subtree, descendants, children (in creation order; unique names), kind, name prefix', async () => {
    expect(await indexesOf(tester.models.Organisation)).toEqual([
      { key: { ancestorIds: 1, kind: 1, _id: 1 } },
      { key: { kind: 1, _id: 1 } },
      { key: { name: 1, _id: 1 } },
      { key: { parentId: 1, _id: 1 } },
      { key: { parentId: 1, name: 1 }, unique: true },
      { key: { path: 1, _id: 1 } },
    ]);
  });

  it('exist for grids, partnerships and agreements', async () => {
    expect(await indexesOf(tester.models.Grid)).toEqual([
      { key: { communityId: 1, level: 1, _id: 1 } },
      { key: { level: 1, _id: 1 } },
      { key: { parentId: 1, _id: 1 } },
      { key: { responsiblePersonId: 1 }, partial: { responsiblePersonId: { $type: 'objectId' } } },
    ]);
    expect(await indexesOf(tester.models.Partnership)).toEqual([
      { key: { communityId: 1, unitId: 1 }, unique: true, partial: { status: 'ACTIVE' } },
      { key: { sideIds: 1, since: -1 } },
    ]);
    expect(await indexesOf(tester.models.Agreement)).toEqual([{ key: { communityId: 1, signedOn: -1 } }, { key: { partyIds: 1, signedOn: -1 } }]);
  });

  it('exist for activities, their sign-ups and check-ins', async () => {
    expect(await indexesOf(tester.models.Activity)).toEqual([
      { key: { category: 1, startsAt: 1, _id: 1 } },
      { key: { hostPath: 1, startsAt: 1, _id: 1 } },
      { key: { 'place.location': '2dsphere' } },
      { key: { startsAt: 1, _id: 1 } },
      { key: { visibility: 1, startsAt: 1, _id: 1 } },
    ]);
    expect(await indexesOf(tester.models.ActivitySignUp)).toEqual([
      { key: { activityId: 1, residentId: 1 }, unique: true },
      { key: { activityId: 1, signedUpAt: 1, _id: 1 } },
      { key: { residentId: 1, signedUpAt: -1, _id: -1 } },
    ]);
    expect(await indexesOf(tester.models.ActivityCheckIn)).toEqual([
      { key: { activityId: 1, checkedInAt: 1, _id: 1 } },
      { key: { activityId: 1, residentId: 1 }, unique: true },
      { key: { residentId: 1 } },
    ]);
  });

  it('exist for posts, newest first by audience (subtree, and organisation and grid aimed at), publisher, kind and public flag', async () => {
    expect(await indexesOf(tester.models.Post)).toEqual([
      { key: { audienceId: 1, audienceGridId: 1, publishedAt: -1, _id: -1 } },
      { key: { audiencePath: 1, publishedAt: -1, _id: -1 } },
      { key: { kind: 1, audienceId: 1, audienceGridId: 1, publishedAt: -1, _id: -1 } },
      { key: { kind: 1, publishedAt: -1, _id: -1 } },
      { key: { public: 1, publishedAt: -1, _id: -1 } },
      { key: { publishedAt: -1, _id: -1 } },
      { key: { publisherId: 1, publishedAt: -1, _id: -1 } },
    ]);
  });

  it('exist for mobilisations (one active per grid, lists newest first, the sweep) and their visits', async () => {
    expect(await indexesOf(tester.models.Mobilisation)).toEqual([
      { key: { activeGridId: 1 }, unique: true, partial: { activeGridId: { $type: 'objectId' } } },
      { key: { communityId: 1, startedAt: -1, _id: -1 } },
      { key: { communityId: 1, status: 1, deadline: 1 } },
      { key: { gridId: 1, startedAt: -1, _id: -1 } },
      { key: { status: 1, deadline: 1 } },
    ]);
    expect(await indexesOf(tester.models.HouseholdVisit)).toEqual([
      { key: { mobilisationId: 1, at: -1, _id: -1 } },
      { key: { recordedById: 1 }, partial: { recordedById: { $type: 'objectId' } } },
    ]);
  });
});
