import type { CryptoKey } from 'jose';
import { FORWARDED_VIEWER_HEADER, signForwardedViewer } from '@civic/identity';
import type { GatewayContext } from './gateway-context.ts';

/**
 * The headers every subgraph request carries, whichever runtime sends it: the verified viewer
 * signed with the gateway's key (subgraphs refuse anything else) and the request id.
 */
export async function forwardedHeaders(context: GatewayContext, gatewayKey: CryptoKey): Promise<Record<string, string>> {
  // One signature per request, shared by all of its subgraph fetches.
  context.forwardedViewer ??= signForwardedViewer(gatewayKey, context.viewer);
  return { [FORWARDED_VIEWER_HEADER]: await context.forwardedViewer, 'x-request-id': context.requestId };
}
