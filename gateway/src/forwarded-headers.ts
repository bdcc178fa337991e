import { FORWARDED_VIEWER_HEADER, REQUEST_ID_HEADER, signForwardedViewer, type ForwardedViewerSigningKey } from '@civic/identity';
import type { GatewayContext } from './gateway-context.ts';

/**
 * The headers every subgraph request carries, whichever runtime sends it: the verified viewer
 * signed with the gateway's key for that one subgraph (subgraphs refuse anything else) and the
 * request id. Signed afresh for each subgraph request as it is sent: a header signed at a request's
 * first fetch from a subgraph and reused by a later one would reach the subgraph as old as the
 * request, and a request slowed by load past the header's 30 seconds would be refused on its own
 * credentials (a service's query failing with 401 in a burst).
 */
export async function forwardedHeaders(context: GatewayContext, signingKey: ForwardedViewerSigningKey, subgraphName: string): Promise<Record<string, string>> {
  const header = await signForwardedViewer(signingKey, context.viewer, { audience: subgraphName, requestId: context.requestId, purpose: context.purpose });
  return { [FORWARDED_VIEWER_HEADER]: header, [REQUEST_ID_HEADER]: context.requestId };
}
