import type { Stack, World } from '@civic/test-harness';

/** Builders for resources in graph tests: they create data through the gateway, as users do. */

export async function asUser<T>(stack: Stack, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await stack.query<T>(query, variables, { token });
  if (response.errors.length > 0 || response.data === null) throw new Error(`Builder operation failed: ${JSON.stringify(response.errors)}`);
  return response.data;
}

export async function aResourceThroughGraph(world: World, input: Record<string, unknown>): Promise<string> {
  const data = await world.mutate<{ createResource: { id: string } }>('mutation($input: CreateResourceInput!){ createResource(input: $input) { id } }', { input });
  return data.createResource.id;
}

/** The community's hardship fund (困难群众帮扶基金), filled by the street. */
export async function aHardshipFund(world: World, balanceFen: number): Promise<string> {
  const fundId = await aResourceThroughGraph(world, {
    pool: 'ADMINISTRATIVE',
    kind: 'FUND',
    title: '困难群众帮扶基金',
    description: '用于大病探望和困难补助。',
    providerOrganisationId: world.communityId,
    servedOrganisationId: world.communityId,
    tags: ['帮扶', '大病'],
  });
  await world.mutate('mutation($input: DepositToFundInput!){ depositToFund(input: $input) { amountFen } }', {
    input: { fundId, amountFen: balanceFen, note: '街道年度帮扶资金拨款' },
  });
  return fundId;
}
