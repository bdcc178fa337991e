import type { BenchWorld } from '../bench-world.ts';
import { inParallel } from '../in-parallel.ts';
import type { Scenario, ScenarioRequest } from '../scenario.ts';

const PROPOSE = `mutation Propose($input: ProposeMicroProjectInput!) {
  proposeMicroProject(input: $input) { id }
}`;
const VOTE = 'mutation Vote($id: ID!) { voteForMicroProject(microProjectId: $id) { id votes } }';
const DAY = 24 * 3_600_000;

/**
 * Residents vote for the community's micro-projects. The street first proposes projects open for
 * voting now; the requests go round the projects, so each resident votes once for each and no
 * vote is refused as a second one.
 */
export function microProjectVoteScenario(world: BenchWorld): Scenario {
  const voters = world.residents.length;
  let proposed = 0;
  return {
    name: 'vote for a micro-project, resident',
    kind: 'write',
    subgraph: 'meetings',
    async prepare(count) {
      const projects = Math.ceil(count / voters);
      const now = Date.now();
      const projectIds = await inParallel(projects, 1, async () => {
        const serial = proposed++;
        const { proposeMicroProject } = await world.setUp<{ proposeMicroProject: { id: string } }>('proposing a micro-project to vote on', {
          query: PROPOSE,
          variables: {
            input: {
              communityId: world.communityId,
              title: `楼道照明改造（第${serial + 1}期）`,
              description: '更换老旧楼道灯为声控节能灯，方便老人夜间上下楼',
              estimatedCost: 1_200_000,
              votingOpensAt: new Date(now).toISOString(),
              votingClosesAt: new Date(now + 14 * DAY).toISOString(),
            },
          },
        });
        return proposeMicroProject.id;
      });
      return Promise.all(
        Array.from({ length: count }, async (_, index): Promise<ScenarioRequest> => {
          const resident = world.residents[Math.floor(index / projects)]!;
          return { operation: { query: VOTE, variables: { id: projectIds[index % projects] } }, caller: await world.residentCaller(resident.id) };
        }),
      );
    },
  };
}
