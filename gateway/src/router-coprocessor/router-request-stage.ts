import { GraphQLError } from 'graphql';
import { PURPOSE_HEADER, REQUEST_ID_HEADER, requestIdFrom } from '@civic/identity';
import { requestPurpose } from '../request-purpose.ts';
import { refusalBody } from '../http/refusal.ts';
import { PURPOSE_CONTEXT_KEY, REQUEST_ID_CONTEXT_KEY, headerValue, type CoprocessorRequest, type CoprocessorResponse } from './coprocessor-protocol.ts';

/**
 * The client's request as the router received it: its request id (the caller's when sane, else a
 * new one) and its stated purpose are kept in the context for every subgraph request it makes, as
 * the Node gateway keeps them for the request; a purpose header the gateway would refuse is
 * refused here the same way, before any subgraph is asked.
 */
export function handleRouterRequest(request: CoprocessorRequest): CoprocessorResponse {
  const { control: _control, ...unchanged } = request;
  const requestId = requestIdFrom(headerValue(request.headers, REQUEST_ID_HEADER));
  let purpose: string | null;
  try {
    purpose = requestPurpose(request.headers?.[PURPOSE_HEADER]);
  } catch (refusal) {
    if (!(refusal instanceof GraphQLError)) throw refusal;
    return { ...unchanged, control: { break: (refusal.extensions.http as { status: number }).status }, body: refusalBody(refusal) };
  }
  const entries = { ...request.context?.entries, [REQUEST_ID_CONTEXT_KEY]: requestId, [PURPOSE_CONTEXT_KEY]: purpose };
  return { ...unchanged, control: 'continue', context: { ...request.context, entries } };
}
