import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { CryptoKey } from 'jose';
import { PURPOSE_HEADER, REQUEST_ID_HEADER, requestIdFrom, type ForwardedViewerSigningKey } from '@civic/identity';
import { authenticate } from '../authenticate.ts';
import { forwardedHeaders } from '../forwarded-headers.ts';
import { requestPurpose } from '../request-purpose.ts';
import type { GatewayContext } from '../gateway-context.ts';

export interface IdentityPluginOptions {
  accessTokenPublicKey: CryptoKey;
  signingKey: ForwardedViewerSigningKey;
}

/**
 * The gateway's identity rules on Hive Gateway: the caller's bearer token is verified as on the
 * Apollo runtime (a bad token is refused with 401 before anything runs), and every subgraph
 * request carries the same signed viewer and request id.
 */
export function identityPlugin(options: IdentityPluginOptions): GatewayPlugin<GatewayContext> {
  return {
    async onContextBuilding({ context, extendContext }) {
      extendContext({
        viewer: await authenticate({ authorization: context.request.headers.get('authorization') ?? undefined }, options.accessTokenPublicKey),
        // The Apollo runtime's rule: the caller's id when it is sane, else a new one.
        requestId: requestIdFrom(context.request.headers.get(REQUEST_ID_HEADER) ?? undefined),
        purpose: requestPurpose(context.request.headers.get(PURPOSE_HEADER)),
      });
    },
    async onSubgraphExecute({ subgraphName, executionRequest, setExecutionRequest }) {
      const context = executionRequest.context as GatewayContext | undefined;
      if (!context?.viewer) return;
      // Given with the execution request rather than added in onFetch, the headers are part of the
      // request the HTTP executor builds and keys, not an afterthought to a request already keyed
      // (see the deduplication note in start-hive-gateway.ts).
      const headers = await forwardedHeaders(context, options.signingKey, subgraphName);
      const extensions = executionRequest.extensions ?? {};
      setExecutionRequest({ ...executionRequest, extensions: { ...extensions, headers: { ...extensions.headers, ...headers } } });
    },
  };
}
