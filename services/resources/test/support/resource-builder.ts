import type { Viewer } from '@civic/identity';
import type { SubgraphTester } from '@civic/test-harness';
import type { Models } from '../../src/models/index.ts';
import { dataOf } from '@civic/test-harness';

export const CREATE_RESOURCE = `mutation($input: CreateResourceInput!) { createResource(input: $input) { id } }`;

/** Inputs as a community worker would fill them in, one per kind. */
export const inputs = {
  venue: (served: string, provider: string, overrides: Record<string, unknown> = {}) => ({
    pool: 'ADMINISTRATIVE',
    kind: 'VENUE',
    title: '党群服务中心多功能活动室',
    description: '可容纳40人，配投影仪，适合议事会和培训。',
    providerOrganisationId: provider,
    servedOrganisationId: served,
    tags: ['场地', '议事'],
    openingHours: [
      { weekday: 'MONDAY', opens: '08:30', closes: '11:30' },
      { weekday: 'MONDAY', opens: '14:00', closes: '17:30' },
    ],
    slotMinutes: 30,
    contact: { name: '陈主任', phone: '025-86451234' },
    ...overrides,
  }),
  goods: (served: string, provider: string, stock: number, overrides: Record<string, unknown> = {}) => ({
    pool: 'PUBLIC_WELFARE',
    kind: 'GOODS',
    title: '爱心轮椅',
    description: '供行动不便的老人临时借用。',
    providerOrganisationId: provider,
    servedOrganisationId: served,
    tags: ['助老', '助残'],
    stock,
    ...overrides,
  }),
  fund: (served: string, provider: string) => ({
    pool: 'ADMINISTRATIVE',
    kind: 'FUND',
    title: '困难群众帮扶基金',
    description: '用于大病探望和困难补助。',
    providerOrganisationId: provider,
    servedOrganisationId: served,
    tags: ['帮扶', '大病'],
  }),
  parking: (served: string, provider: string, places: number) => ({
    pool: 'MARKET',
    kind: 'PARKING',
    title: '江心洲商业广场共享车位',
    description: '夜间及周末向周边居民开放。',
    providerOrganisationId: provider,
    servedOrganisationId: served,
    tags: ['停车'],
    parkingPlaces: places,
  }),
};

export async function createResource(tester: SubgraphTester<Models>, viewer: Viewer, input: Record<string, unknown>): Promise<string> {
  return dataOf<{ createResource: { id: string } }>(await tester.execute(CREATE_RESOURCE, { input }, viewer)).createResource.id;
}
