import { ANONYMOUS, FORWARDED_VIEWER_HEADER, InvalidTokenError, PURPOSE_HEADER, REQUEST_ID_HEADER, viewerFromPayload, type ForwardedViewerSigningKey, type Viewer } from '@civic/identity';
import { forwardedHeaders } from '../forwarded-headers.ts';
import { internalServerError, invalidAccessToken } from '../gateway-errors.ts';
import { refusalBody } from '../http/refusal.ts';
import {
  JWT_CLAIMS_CONTEXT_KEY,
  PURPOSE_CONTEXT_KEY,
  REQUEST_ID_CONTEXT_KEY,
  type CoprocessorHeaders,
  type CoprocessorRequest,
  type CoprocessorResponse,
} from './coprocessor-protocol.ts';

// Headers only the coprocessor sets on a subgraph request: whatever a client or a header rule put there is dropped.
const REPLACED_HEADERS = new Set([FORWARDED_VIEWER_HEADER, REQUEST_ID_HEADER, PURPOSE_HEADER]);

/** Why a subgraph request is not signed: the refusal its caller gets, and the status. */
type Refusal = { status: number; error: ReturnType<typeof invalidAccessToken> };

/**
 * One subgraph request the router is about to send: signed, as the Node gateway signs each of its
 * subgraph requests (forwarded-headers.ts), for the caller whose bearer token the router verified
 * (anonymous without one), for `serviceName` alone, with the request id and purpose the
 * RouterRequest stage kept. Claims that make no viewer (no subject) are refused as the gateway
 * refuses such a token: 401, the token is invalid.
 */
export async function handleSubgraphRequest(request: CoprocessorRequest, signingKey: ForwardedViewerSigningKey): Promise<CoprocessorResponse> {
  const { control: _control, ...unchanged } = request;
  const entries = request.context?.entries ?? {};
  const requestId = entries[REQUEST_ID_CONTEXT_KEY];
  // Without the RouterRequest stage there is no request id to name: the router's configuration is wrong, not the caller.
  if (typeof requestId !== 'string' || !request.serviceName) return refused(unchanged, { status: 500, error: internalServerError() });
  const viewer = viewerFromClaims(entries[JWT_CLAIMS_CONTEXT_KEY]);
  if ('status' in viewer) return refused(unchanged, viewer);
  const purpose = typeof entries[PURPOSE_CONTEXT_KEY] === 'string' ? entries[PURPOSE_CONTEXT_KEY] : null;
  const signed = await forwardedHeaders({ viewer, requestId, purpose }, signingKey, request.serviceName);
  const headers: CoprocessorHeaders = Object.fromEntries(Object.entries(request.headers ?? {}).filter(([name]) => !REPLACED_HEADERS.has(name.toLowerCase())));
  for (const [name, value] of Object.entries(signed)) headers[name] = [value];
  return { ...unchanged, control: 'continue', headers };
}

function viewerFromClaims(claims: unknown): Viewer | Refusal {
  if (claims === undefined || claims === null) return ANONYMOUS;
  try {
    if (typeof claims !== 'object') throw new InvalidTokenError('invalid');
    return viewerFromPayload(claims as Record<string, unknown>);
  } catch (error) {
    if (error instanceof InvalidTokenError) return { status: 401, error: invalidAccessToken() };
    throw error;
  }
}

function refused(unchanged: Omit<CoprocessorRequest, 'control'>, { status, error }: Refusal): CoprocessorResponse {
  return { ...unchanged, control: { break: status }, body: refusalBody(error) };
}
