import type { ManualClock } from '@civic/service-kit';
import type { Viewer } from '@civic/identity';
import type { SubgraphTester } from '@civic/test-harness';
import type { Models } from '../../src/models/index.ts';
import { dataOf } from '@civic/test-harness';

const HOUR = 3600_000;

export const CREATE_ACTIVITY = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`;

/** A micro-action (微行动) input as a community worker would fill it in, starting `inHours` from now. */
export function activityInput(clock: ManualClock, hostId: string, overrides: Record<string, unknown> = {}, inHours = 24, lastsHours = 2) {
  const startsAt = new Date(clock.now().getTime() + inHours * HOUR);
  return {
    category: 'ELDERLY_CARE',
    title: '重阳节敬老助餐',
    description: '为社区高龄独居老人送餐上门，陪老人聊天。',
    hostId,
    coHostIds: [],
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + lastsHours * HOUR).toISOString(),
    place: { address: '新城社区党群服务中心一楼', location: { longitude: 118.7118, latitude: 32.0126 } },
    capacity: 10,
    visibility: 'PUBLIC',
    ...overrides,
  };
}

export async function createActivity(tester: SubgraphTester<Models>, viewer: Viewer, input: Record<string, unknown>): Promise<string> {
  const result = await tester.execute(CREATE_ACTIVITY, { input }, viewer);
  return dataOf<{ createActivity: { id: string } }>(result).createActivity.id;
}
