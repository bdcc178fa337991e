import { FORWARDED_VIEWER_HEADER, REQUEST_ID_HEADER, signForwardedViewer, type ForwardedViewerSigningKey } from '@civic/identity';
import type { GatewayContext } from './gateway-context.ts';

/**
 * The headers every subgraph request carries, whichever runtime sends it: the verified viewer
 * signed with the gateway's key for that one subgraph (subgraphs refuse anything else) and the
 * request id. One signature per request and subgraph, shared by all of the request's fetches from it.
 */
export async function forwardedHeaders(context: GatewayContext, signingKey: ForwardedViewerSigningKey, subgraphName: string): Promise<Record<string, string>> {
  const signed = (context.forwardedViewers ??= new Map());
  let header = signed.get(subgraphName);
  if (!header) {
    header = signForwardedViewer(signingKey, context.viewer, { audience: subgraphName, requestId: context.requestId, purpose: context.purpose });
    signed.set(subgraphName, header);
  }
  return { [FORWARDED_VIEWER_HEADER]: await header, [REQUEST_ID_HEADER]: context.requestId };
}
