import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Stack, World } from '@civic/test-harness';
import { graphql } from '../../src/generated/graph/gql.ts';
import type { CreateResourceInput } from '../../src/generated/graph/graphql.ts';

/**
 * Builders for resources in graph tests: they create data through the gateway, as users do, with
 * operations typed from the supergraph (`graphql(...)`, generated into src/generated/graph/).
 */

/** Runs an operation with a user's token; fails the test with the errors if any. */
export async function asUser<TResult, TVariables extends Record<string, unknown>>(
  stack: Stack,
  token: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const response = await stack.query<TResult>(print(document), variables, { token });
  if (response.errors.length > 0 || response.data === null) throw new Error(`Builder operation failed: ${JSON.stringify(response.errors)}`);
  return response.data;
}

const CREATE_RESOURCE = graphql(`mutation ResourcesBuildResource($input: CreateResourceInput!) { createResource(input: $input) { id } }`);
const DEPOSIT = graphql(`mutation ResourcesBuildDeposit($input: DepositToFundInput!) { depositToFund(input: $input) { amountFen } }`);

export async function aResourceThroughGraph(world: World, input: CreateResourceInput): Promise<string> {
  const data = await world.mutate(CREATE_RESOURCE, { input });
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
  await world.mutate(DEPOSIT, { input: { fundId, amountFen: balanceFen, note: '街道年度帮扶资金拨款' } });
  return fundId;
}
