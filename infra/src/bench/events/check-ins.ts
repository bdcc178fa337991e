import type { BenchWorld } from '../bench-world.ts';
import { inParallel } from '../in-parallel.ts';
import type { EventSource } from './event-source.ts';

const CREATE_ACTIVITY = `mutation CreateActivity($input: CreateActivityInput!) {
  createActivity(input: $input) { id }
}`;
const SIGN_UP = 'mutation SignUp($id: ID!) { signUpForActivity(activityId: $id) { id } }';
const CHECK_IN = 'mutation CheckIn($input: CheckInParticipantInput!) { checkInParticipant(input: $input) { id hours } }';
// Residents sign up only before an activity starts and are checked in only after: the sign-ups
// must be done within this lead, which the reads and writes measured meanwhile mostly cover.
const SIGN_UP_LEAD_MS = 2 * 60_000;
const ACTIVITY_MS = 2 * 3_600_000;
const SETUP_CONCURRENCY = 4;

/**
 * `count` check-ins (activity.checkedIn, which earns 微星光): the community publishes activities
 * starting in SIGN_UP_LEAD_MS with a seat for each resident the bench acts as, every resident
 * signs up for each, and once they start, the community worker checks each pair in once.
 */
export async function prepareCheckIns(world: BenchWorld, count: number): Promise<EventSource> {
  const seats = world.residents.length;
  const activities = Math.ceil(count / seats);
  const startsAt = new Date(Date.now() + SIGN_UP_LEAD_MS);
  const activityIds = await inParallel(activities, 1, async (serial) => {
    const { createActivity } = await world.setUp<{ createActivity: { id: string } }>('publishing an activity to check in at', {
      query: CREATE_ACTIVITY,
      variables: {
        input: {
          category: 'ELDERLY_CARE',
          title: `敬老院陪伴志愿服务（第${serial + 1}场）`,
          description: '陪伴老人聊天、打扫房间',
          hostId: world.communityId,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + ACTIVITY_MS).toISOString(),
          place: { address: '社区党群服务中心', location: { longitude: 118.69, latitude: 32.03 } },
          capacity: seats,
          visibility: 'COMMUNITY',
        },
      },
    });
    return createActivity.id;
  });
  const pairs = Array.from({ length: count }, (_, index) => ({ activityId: activityIds[index % activities]!, resident: world.residents[Math.floor(index / activities)]! }));
  await inParallel(pairs.length, SETUP_CONCURRENCY, async (index) => {
    const { activityId, resident } = pairs[index]!;
    await world.setUp('signing up for an activity to check in at', { query: SIGN_UP, variables: { id: activityId } }, await world.residentCaller(resident.id));
  });
  return {
    name: 'check in at an activity',
    kind: 'activity.checkedIn',
    requests: pairs.map(({ activityId, resident }) => ({ operation: { query: CHECK_IN, variables: { input: { activityId, residentId: resident.id } } }, caller: world.communityWorker })),
    readyAt: startsAt,
  };
}
