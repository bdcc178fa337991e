import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '@civic/identity';
import { emptyText, invalidInput, invalidTransition, ManualClock, textTooLong, unauthenticated } from '@civic/service-kit';
import { createSubgraphTester, type SubgraphTester, dataOf, errorOf, RACE_TIMEOUT, repeatRace, resident, staff, expectError, summaryOf, FakeGraph, aTree } from '@civic/test-harness';
import { resourcesSubgraph } from '../src/subgraph.ts';
import type { Models } from '../src/models/index.ts';
import { createResource, inputs } from './support/resource-builder.ts';
import { noOpeningWindow, notAClockTime, windowOfPartSlots } from '../src/domain/opening-hours.ts';
import { emptyTag, fieldNotOfKind, tagTooLong } from '../src/domain/resource-rules.ts';
import { deliveryBelowOne, stockOverflow } from '../src/domain/stock.ts';
import { contactPhoneNotAPhoneNumber, editUnmanagedResource, nothingToChange, restockUnmanagedResource, restockWithoutStock } from '../src/errors.ts';

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
    expect(await attempt({ title: '  ' })).toEqual(summaryOf(emptyText('title')));
    expect(await attempt({ description: '说明'.repeat(2501) })).toEqual(summaryOf(textTooLong('description', 5000)));
    expect(await attempt({ tags: ['议事', ' '] })).toEqual(summaryOf(invalidInput(emptyTag('tags'))));
    expect(await attempt({ skills: ['非常长的技能名称超过了二十个字符的限制所以不行'] })).toEqual(summaryOf(invalidInput(tagTooLong('skills'))));
    expect(await attempt({ openingHours: [{ weekday: 'MONDAY', opens: '8点', closes: '11:30' }] })).toEqual(summaryOf(invalidInput(notAClockTime(0, 'opens'))));
    expect(await attempt({ openingHours: [{ weekday: 'MONDAY', opens: '09:00', closes: '09:45' }] })).toEqual(
      summaryOf(invalidInput(windowOfPartSlots(0, 30))),
    );
    expect(await attempt({ openingHours: [] })).toEqual(summaryOf(invalidInput(noOpeningWindow())));
    expect(await attempt({ openingHours: [{ weekday: 'MONDAY', opens: '09:00', closes: '10:00' }] }, goods)).toEqual(
      summaryOf(invalidInput(fieldNotOfKind('openingHours', 'GOODS'))),
    );
    expect(await attempt({ contact: { name: '刘干事', phone: '12345678' } })).toEqual(summaryOf(contactPhoneNotAPhoneNumber()));
    expect(await attempt({ title: '新名称', contact: { name: ' ', phone: '13912345678' } })).toEqual(summaryOf(emptyText('contact.name')));
    expect(await attempt({})).toEqual(summaryOf(nothingToChange()));
    expect([await storedResource(venue), await storedResource(goods)]).toEqual(before);
  });

  it('lets only managers whose scope covers the served organisation edit, and never a retired resource', async () => {
    const id = await createResource(tester, worker, inputs.venue(tree.community, tree.community));
    const before = await storedResource(id);
    const input = { title: '居民活动室' };
    expectError(await tester.execute(UPDATE, { id, input }, ANONYMOUS), unauthenticated());
    for (const viewer of [otherWorker, staff('GRID_WORKER', [tree.community]), resident(graph.resident())]) {
      expectError(await tester.execute(UPDATE, { id, input }, viewer), editUnmanagedResource());
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
    expect(await attempt(goods, 0)).toEqual(summaryOf(invalidInput(deliveryBelowOne())));
    expect(await attempt(goods, -5)).toEqual(summaryOf(invalidInput(deliveryBelowOne())));
    expect(await attempt(goods, 11)).toEqual(summaryOf(invalidInput(stockOverflow())));
    expect(await attempt(venue, 5)).toEqual(summaryOf(restockWithoutStock('VENUE')));
    expect(await attempt(goods, 5, otherWorker)).toEqual(summaryOf(restockUnmanagedResource()));
    expect((await storedResource(goods))!.stock).toBe(99_990);
    dataOf(await tester.execute(RETIRE, { id: goods }, worker));
    expect(await attempt(goods, 5)).toEqual(summaryOf(invalidTransition('Resource', 'RETIRED', 'be restocked')));
    expect((await storedResource(goods))!.stock).toBe(99_990);
  });
});
