import type { BenchResident, BenchWorld } from '../bench-world.ts';
import type { Operation } from '../graphql-client.ts';
import type { Scenario } from '../scenario.ts';

const SUBMIT = `mutation SubmitWish($input: SubmitWishInput!) {
  submitWish(input: $input) { id status }
}`;

/** A resident's micro-wish for their own grid, as the app submits it. */
export function submitWishOperation(world: BenchWorld, resident: BenchResident, serial: number): Operation {
  return {
    query: SUBMIT,
    variables: {
      input: {
        kind: 'WISH',
        category: 'PUBLIC_WELFARE',
        title: `帮忙买菜送上门（${serial}）`,
        description: '腿脚不便，每周需要有人帮忙买一次菜送到家里',
        tags: ['助老'],
        channel: 'APP',
        communityId: world.communityId,
        gridId: resident.gridId,
      },
    },
  };
}

/** Residents of the community submit wishes, each a new one: no target to contend for. */
export function submitWishScenario(world: BenchWorld): Scenario {
  let submitted = 0;
  return {
    name: 'submit a wish, resident',
    kind: 'write',
    subgraph: 'wishes',
    async prepare(count) {
      return Promise.all(
        Array.from({ length: count }, async () => {
          const serial = submitted++;
          const resident = world.residents[serial % world.residents.length]!;
          return { operation: submitWishOperation(world, resident, serial), caller: await world.residentCaller(resident.id) };
        }),
      );
    },
  };
}
