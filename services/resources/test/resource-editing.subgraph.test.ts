import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@civic/identity';
import { ManualClock, badUserInput, forbidden, invalidTransition, unauthenticated } from '@civic/service-kit';
import { createSubgraphTester, type SubgraphTester, dataOf, errorOf, RACE_TIMEOUT, repeatRace, resident, staff, expectError, summaryOf, FakeGraph, aTree } from '@civic/test-harness';
import { resourcesSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { createResource, inputs } from './support/resource-builder.ts';

const clock = new ManualClock(new Date('2030-03-01T08:00:00+08:00'));
const graph = new FakeGraph();
const tree = aTree(graph);
const worker = staff('COMMUNITY_WORKER', [tree.community]);
const otherWorker = staff('COMMUNITY_WORKER', [tree.otherCommunity]);
let tester: SubgraphTester<Models>;

const UPDATE = `mutation($id: ID!, $input: UpdateResourceInput!) { updateResource(id: $id, input: $input) {
  title description tags skills contact { name phone } availability { openingHours { weekday opens closes } slotMinutes }
} }`;
const RESTOCK = `mutation($id: ID!, $quantity: Int!) { restockResource(id: $id, quantity: $quantity) { availability { stock } } }`;
const RETIRE = `mutation($id: ID!) { setResourceStatus(id: $id, status: RETIRED) { status } }`;

beforeAll(async () => {
  tester = await createSubgraphTester(resourcesSubgraph, { clock, graph });
});

afterAll(async () => {
  await tester.close();
});

async function storedResource(id: string) {
  return tester.models.Resource.findById(id).lean();
}

describe('editing a resource', () => {
  it('changes the fields given, validated as on creation, and leaves the others', async () => {
    const id = await createResource(tester, worker, inputs.venue(tree.community, tree.community));
    const input = {
      title: ' 党群服务中心议事厅 ',
      tags: ['议事', '培训', '议事'],
      skills: ['投影', '音响'],
      openingHours: [
        { weekday: 'SATURDAY', opens: '09:00', closes: '12:00' },
        { weekday: 'TUESDAY', opens: '14:00', closes: '17:00' },
      ],
      contact: { name: '刘干事', phone: '139 1234 5678' },
    };
    expect(dataOf(await tester.execute(UPDATE, { id, input }, worker))).toEqual({
      updateResource: {
        title: '党群服务中心议事厅',
        description: '可容纳40人，配投影仪，适合议事会和培训。',
        tags: ['议事', '培训'],
        skills: ['投影', '音响'],
        contact: { name: '刘干事', phone: '13912345678' },
        availability: {
          openingHours: [
            { weekday: 'TUESDAY', opens: '14:00', closes: '17:00' },
            { weekday: 'SATURDAY', opens: '09:00', closes: '12:00' },
          ],
          slotMinutes: 30,
        },
      },
    });
    const removed = await tester.execute(UPDATE, { id, input: { description: '可容纳60人，配投影仪和音响。', contact: null } }, worker);
    expect(dataOf<{ updateResource: Record<string, unknown> }>(removed).updateResource).toEqual({
      title: '党群服务中心议事厅',
      description: '可容纳60人，配投影仪和音响。',
      tags: ['议事', '培训'],
      skills: ['投影', '音响'],
      contact: null,
      availability: {
        openingHours: [
          { weekday: 'TUESDAY', opens: '14:00', closes: '17:00' },
          { weekday: 'SATURDAY', opens: '09:00', closes: '12:00' },
        ],
        slotMinutes: 30,
      },
    });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const venue = await createResource(tester, worker, inputs.venue(tree.community, tree.community));
    const goods = await createResource(tester, worker, inputs.goods(tree.community, tree.community, 5));
    const before = [await storedResource(venue), await storedResource(goods)];
    const attempt = async (input: Record<string, unknown>, id = venue) => errorOf(await tester.execute(UPDATE, { id, input }, worker));
    const refusal = (field: string, message: string) => summaryOf(badUserInput(field, message));
    expect(await attempt({ title: '  ' })).toEqual(refusal('title', 'must not be empty'));
    expect(await attempt({ description: '说明'.repeat(2501) })).toEqual(refusal('description', 'must have at most 5000 characters'));
    expect(await attempt({ tags: ['议事', ' '] })).toEqual(refusal('tags', 'must not contain an empty tag'));
    expect(await attempt({ skills: ['非常长的技能名称超过了二十个字符的限制所以不行'] })).toEqual(refusal('skills', 'must hold tags of at most 20 characters'));
    expect(await attempt({ openingHours: [{ weekday: 'MONDAY', opens: '8点', closes: '11:30' }] })).toEqual(refusal('openingHours[0].opens', 'must be a time HH:MM'));
    expect(await attempt({ openingHours: [{ weekday: 'MONDAY', opens: '09:00', closes: '09:45' }] })).toEqual(
      refusal('openingHours[0].closes', 'must leave whole slots of 30 minutes'),
    );
    expect(await attempt({ openingHours: [] })).toEqual(refusal('openingHours', 'must list at least one window'));
    expect(await attempt({ openingHours: [{ weekday: 'MONDAY', opens: '09:00', closes: '10:00' }] }, goods)).toEqual(
      refusal('openingHours', 'does not apply to a resource of kind GOODS'),
    );
    expect(await attempt({ contact: { name: '刘干事', phone: '12345678' } })).toEqual(refusal('contact.phone', 'must be a mobile, landline or hotline number'));
    expect(await attempt({ title: '新名称', contact: { name: ' ', phone: '13912345678' } })).toEqual(refusal('contact.name', 'must not be empty'));
    expect(await attempt({})).toEqual(refusal('input', 'must change at least one field'));
    expect([await storedResource(venue), await storedResource(goods)]).toEqual(before);
  });

  it('lets only managers whose scope covers the served organisation edit, and never a retired resource', async () => {
    const id = await createResource(tester, worker, inputs.venue(tree.community, tree.community));
    const before = await storedResource(id);
    const input = { title: '居民活动室' };
    expectError(await tester.execute(UPDATE, { id, input }, ANONYMOUS), unauthenticated());
    for (const viewer of [otherWorker, staff('GRID_WORKER', [tree.community]), resident(graph.resident())]) {
      expectError(await tester.execute(UPDATE, { id, input }, viewer), forbidden('edit this resource'));
    }
    expect(await storedResource(id)).toEqual(before);
    dataOf(await tester.execute(RETIRE, { id }, worker));
    expectError(await tester.execute(UPDATE, { id, input }, worker), invalidTransition('Resource', 'RETIRED', 'be edited'));
    expect((await storedResource(id))!.title).toBe('党群服务中心多功能活动室');
  });
});

describe('restocking goods', () => {
  it('adds deliveries with one conditional update each, none lost when they arrive at once, round after round', async () => {
    await repeatRace(async () => {
      const id = await createResource(tester, worker, inputs.goods(tree.community, tree.community, 2));
      expect(dataOf(await tester.execute(RESTOCK, { id, quantity: 8 }, worker))).toEqual({ restockResource: { availability: { stock: 10 } } });
      const results = await Promise.all(Array.from({ length: 10 }, () => tester.execute(RESTOCK, { id, quantity: 3 }, worker)));
      expect(results.flatMap((result) => result.errors)).toEqual([]);
      expect((await storedResource(id))!.stock).toBe(40);
    });
  }, RACE_TIMEOUT);

  it('refuses bad quantities, other kinds, outsiders and retired goods, writing nothing', async () => {
    const goods = await createResource(tester, worker, inputs.goods(tree.community, tree.community, 99_990));
    const venue = await createResource(tester, worker, inputs.venue(tree.community, tree.community));
    const attempt = async (id: string, quantity: number, viewer = worker) => errorOf(await tester.execute(RESTOCK, { id, quantity }, viewer));
    expect(await attempt(goods, 0)).toEqual(summaryOf(badUserInput('quantity', 'must be a whole number of at least 1')));
    expect(await attempt(goods, -5)).toEqual(summaryOf(badUserInput('quantity', 'must be a whole number of at least 1')));
    expect(await attempt(goods, 11)).toEqual(summaryOf(badUserInput('quantity', 'would raise the stock above 100000')));
    expect(await attempt(venue, 5)).toEqual(summaryOf(badUserInput('id', 'is a resource of kind VENUE, which has no stock')));
    expect(await attempt(goods, 5, otherWorker)).toEqual(summaryOf(forbidden('restock this resource')));
    expect((await storedResource(goods))!.stock).toBe(99_990);
    dataOf(await tester.execute(RETIRE, { id: goods }, worker));
    expect(await attempt(goods, 5)).toEqual(summaryOf(invalidTransition('Resource', 'RETIRED', 'be restocked')));
    expect((await storedResource(goods))!.stock).toBe(99_990);
  });
});
