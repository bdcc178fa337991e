import type { Caller } from './callers.ts';
import { postGraphQL, type GraphResponse, type Operation } from './graphql-client.ts';
import { failureOf } from './request-outcome.ts';

/** A request the bench needed to set up its measurements failed: nothing after it would measure anything. */
export class SetupFailedError extends Error {
  constructor(
    readonly step: string,
    readonly response: GraphResponse,
  ) {
    super(`${step}: HTTP ${response.status}, ${response.errors.map((error) => `${String(error.extensions?.code ?? 'ERROR')}: ${error.message}`).join('; ')}`);
  }
}

/** Sends a setup operation through the gateway; its data, or SetupFailedError naming the step. */
export async function setUp<TData>(gatewayUrl: string, step: string, operation: Operation, caller: Caller): Promise<TData> {
  const response = await postGraphQL(gatewayUrl, operation, caller.gatewayHeaders());
  if (failureOf(response)) throw new SetupFailedError(step, response);
  return response.data as TData;
}
