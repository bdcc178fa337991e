import type { BenchWorld } from '../bench-world.ts';
import { inParallel } from '../in-parallel.ts';
import type { Scenario, ScenarioRequest } from '../scenario.ts';

const CREATE_ACTIVITY = `mutation CreateActivity($input: CreateActivityInput!) {
  createActivity(input: $input) { id }
}`;
const SIGN_UP = 'mutation SignUp($id: ID!) { signUpForActivity(activityId: $id) { id signedUpCount } }';
const DAY = 24 * 3_600_000;

/**
 * Residents sign up for the community's coming activities. The street first publishes activities
 * with a seat for every resident the bench acts as; the requests go round the activities, so each
 * resident takes one seat of each and no request finds its activity full or itself signed up.
 */
export function activitySignUpScenario(world: BenchWorld): Scenario {
  const seats = world.residents.length;
  let created = 0;
  return {
    name: 'sign up for an activity, resident',
    kind: 'write',
    subgraph: 'organisations',
    async prepare(count) {
      const activities = Math.ceil(count / seats);
      const activityIds = await inParallel(activities, 1, async () => {
        const serial = created++;
        const startsAt = new Date(Date.now() + 7 * DAY + serial * 3_600_000);
        const { createActivity } = await world.setUp<{ createActivity: { id: string } }>('publishing an activity to sign up for', {
          query: CREATE_ACTIVITY,
          variables: {
            input: {
              category: 'CULTURE_SPORT',
              title: `社区健身操（第${serial + 1}场）`,
              description: '社区广场集体健身操，欢迎居民报名参加',
              hostId: world.communityId,
              startsAt: startsAt.toISOString(),
              endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
              place: { address: '社区文化广场', location: { longitude: 118.69, latitude: 32.03 } },
              capacity: seats,
              visibility: 'COMMUNITY',
            },
          },
        });
        return createActivity.id;
      });
      return Promise.all(
        Array.from({ length: count }, async (_, index): Promise<ScenarioRequest> => {
          const resident = world.residents[Math.floor(index / activities)]!;
          return { operation: { query: SIGN_UP, variables: { id: activityIds[index % activities] } }, caller: await world.residentCaller(resident.id) };
        }),
      );
    },
  };
}
